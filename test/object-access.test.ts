/// <reference types="vite/client" />
/**
 * Object-level authorization (OWASP API1): every route that takes an id, listed from
 * `/api/openapi.json`, answers another agency's id exactly as it answers an id that does not exist
 * (so ids leak nothing), and a colleague's private objects — drafts and their files, draft reviews
 * and their notes, notifications, personal data — stay theirs. The valid request for each route
 * (body, query) comes from the authorization matrix.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications, reviews } from "../src/db/schema";
import { ProblemSchema } from "../src/lib/openapi";
import { createPersonas, signIn } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import { loadContract, operationsOf, type ContractOperation } from "./fixtures/openapi";
import {
  createTenantRows,
  idsOf,
  insertNotification,
  paramKinds,
  type IdKind,
  type TenantRows,
} from "./fixtures/tenant-rows";
import type { MatrixEntry, MatrixFixtures, MatrixPersona } from "./authz/matrix-entry";
import { bodyOf, client } from "./fixtures/client";

const files = import.meta.glob<{ matrix: MatrixEntry[] }>("./authz/*.matrix.ts", { eager: true });
const entries = new Map(
  Object.values(files)
    .flatMap((file) => file.matrix)
    .map((e) => [e.route as string, e]),
);

const idRoutes = operationsOf(await loadContract()).filter((o) => o.template.includes("{"));

/**
 * Public by design: anyone verifies a certificate, any agency may open its Hall of Fame, and anyone
 * may see how an agency's people sign in and start signing in with its provider (docs/sign-in-oidc.md).
 */
const PUBLIC_BY_DESIGN = new Set([
  "GET /api/v1/certificates/{code}",
  "GET /api/v1/hall-of-fame/{agencySlug}",
  "GET /api/v1/auth/oidc/{agencySlug}",
  "POST /api/v1/auth/oidc/{agencySlug}/start",
  // anyone verifies an innovation record or opens one its person shares; the library is shared between agencies
  "GET /api/v1/career-records/{code}",
  "GET /api/v1/shared-records/{code}",
  "GET /api/v1/library/{id}",
]);

const STAFF = ["asn", "reviewer", "leader", "admin", "superadmin"] as const satisfies readonly MatrixPersona[];
type Staff = (typeof STAFF)[number];

/** What no row is: the largest 32-bit id, a slug and a code nobody has. */
const MISSING: Record<IdKind, string> = {
  idea: "2147483647",
  user: "2147483647",
  unit: "2147483647",
  campaign: "2147483647",
  assignment: "2147483647",
  comment: "2147483647",
  attachment: "2147483647",
  evidence: "2147483647",
  agency: "2147483647",
  award: "2147483647",
  recipient: "2147483647",
  agencySlug: "tidak-ada-instansi-ini",
  certificate: "TIDAKADA00000000",
  pushSubscription: "2147483647",
  webhook: "2147483647",
  problem: "2147483647",
  apiToken: "2147483647",
  serviceToken: "2147483647",
  careerRecord: "2147483647",
  round: "2147483647",
  roundAssignment: "2147483647",
  roundPhoto: "2147483647",
};

let fx: MatrixFixtures;
let own: TenantRows;
let other: TenantRows;
beforeAll(async () => {
  fx = await createPersonas();
  own = await createTenantRows(fx.agency, fx.unit);
  other = await createTenantRows(fx.otherAgency, fx.otherUnit);
});

/** The template with each parameter given by `value(name, kind)`. */
function fill(template: string, value: (name: string, kind: IdKind) => string | number): string {
  const kinds = paramKinds(template);
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(value(name, kinds[name]!))));
}

type Answer = { status: number; code: string | null; text: string };

const requests = new Map<string, ReturnType<MatrixEntry["request"]>>();

/**
 * Calls `path` as `persona` with the body, query and headers the matrix uses for the route (built
 * once per route and persona: every call here is refused, so nothing it names gets used up).
 */
async function call(operation: ContractOperation, persona: Staff, path: string): Promise<Answer> {
  const key = `${operation.route} ${persona}`;
  if (!requests.has(key)) requests.set(key, entries.get(operation.route)!.request(fx, persona));
  const request = await requests.get(key)!;
  const query = request.path.includes("?") ? request.path.slice(request.path.indexOf("?")) : "";
  const res = await api(operation.method.toUpperCase(), `${path}${query}`, {
    cookie: fx[persona].cookie,
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(request.form ? { rawBody: request.form } : {}),
    ...(request.headers ? { headers: request.headers } : {}),
  });
  const text = await res.text();
  const code = /^application\/problem\+json/.test(res.headers.get("content-type") ?? "")
    ? ProblemSchema.parse(JSON.parse(text)).code
    : null;
  return { status: res.status, code, text };
}

const missingPath = (template: string) => fill(template, (_, kind) => MISSING[kind]);

describe("every id-taking route of the contract", () => {
  it("has a matrix row and a known kind for each of its parameters", () => {
    expect(idRoutes.length).toBeGreaterThan(30);
    expect(idRoutes.filter((o) => !entries.has(o.route)).map((o) => o.route)).toEqual([]);
    const unknown = idRoutes.flatMap((o) =>
      Object.entries(paramKinds(o.template))
        .filter(([, kind]) => kind === undefined)
        .map(([name]) => `${o.route}: {${name}}`),
    );
    expect(unknown, "teach test/fixtures/tenant-rows.ts what these parameters name").toEqual([]);
  });
});

describe("another agency's ids answer as if they did not exist", () => {
  const routes = idRoutes.filter((o) => !PUBLIC_BY_DESIGN.has(o.route));

  it.each(routes.map((o) => [o.route, o] as const))("%s", async (_route, operation) => {
    const theirs = idsOf(other);
    const kinds = paramKinds(operation.template);
    const names = Object.keys(kinds);
    let reachedLookup = false;
    for (const persona of STAFF) {
      // the platform admin manages every agency: that is what the agency routes are for
      if (persona === "superadmin" && operation.template.startsWith("/api/v1/agencies/")) continue;
      const missing = await call(operation, persona, missingPath(operation.template));
      const variants = [fill(operation.template, (_, kind) => theirs[kind][0]!)];
      // an id of ours with one of theirs below it (their file on our idea, …)
      if (names.length > 1) {
        const ours = idsOf(own);
        variants.push(
          fill(operation.template, (name, kind) => (name === names[0] ? ours[kind][0]! : theirs[kind][0]!)),
        );
      }
      for (const path of variants) {
        const answer = await call(operation, persona, path);
        expect([403, 404], `${persona} ${path}: ${answer.text.slice(0, 200)}`).toContain(answer.status);
        expect({ status: answer.status, code: answer.code }, `${persona} ${path} differs from a missing id`).toEqual({
          status: missing.status,
          code: missing.code,
        });
        if (answer.status === 404) reachedLookup = true;
      }
    }
    // every route but the platform admin's agency routes lets some persona get as far as the lookup
    if (!operation.template.startsWith("/api/v1/agencies/")) {
      expect(reachedLookup, "no persona got as far as looking the id up").toBe(true);
    }
  });
});

describe("a colleague's draft answers as if it did not exist", () => {
  const ideaRoutes = idRoutes.filter((o) => o.template.startsWith("/api/v1/ideas/{id}"));

  it.each(ideaRoutes.map((o) => [o.route, o] as const))("%s", async (_route, operation) => {
    expect(ideaRoutes.length).toBeGreaterThan(10);
    const draftPath = fill(operation.template, (name, kind) =>
      name === "id" ? own.draft.id : kind === "attachment" ? own.draftAttachment.id : idsOf(own)[kind][0]!,
    );
    for (const persona of ["asn", "reviewer", "leader", "admin"] as const) {
      const missing = await call(operation, persona, missingPath(operation.template));
      const answer = await call(operation, persona, draftPath);
      expect(answer.text, `${persona} ${draftPath}`).not.toContain("Draf pribadi rekan kerja");
      expect({ status: answer.status, code: answer.code }, `${persona} ${draftPath}: ${answer.text}`).toEqual({
        status: missing.status,
        code: missing.code,
      });
    }
  });
});

describe("review assignments: a draft review is its reviewer's alone", () => {
  const NOTE = "Catatan pribadi penilai";

  it("keeps the draft's scores and note from everyone but the reviewer, the chair and the admin included", async () => {
    const reviewer = await signIn(own.reviewer);
    const byReviewer = await api("GET", `/api/v1/assignments/${own.assignment.id}`, { cookie: reviewer });
    expect(await byReviewer.text(), "the reviewer reads their own draft").toContain(NOTE);
    const readers = { chair: await signIn(own.chair), admin: fx.admin.cookie };
    for (const [who, cookie] of Object.entries(readers)) {
      const res = await api("GET", `/api/v1/assignments/${own.assignment.id}`, { cookie });
      expect(res.status, who).toBe(200);
      const text = await res.text();
      expect(text, `${who} reads the draft note`).not.toContain(NOTE);
      // they still see where the review stands
      expect(JSON.parse(text), who).toMatchObject({ state: "draft", review: null });
    }
    for (const persona of ["asn", "reviewer", "leader"] as const) {
      const res = await api("GET", `/api/v1/assignments/${own.assignment.id}`, { cookie: fx[persona].cookie });
      expect([403, 404], persona).toContain(res.status);
      expect(await res.text()).not.toContain(NOTE);
    }
  });

  it("lets nobody but the reviewer write, submit or reopen it", async () => {
    const reviewRow = () =>
      testDb
        .select({ scores: reviews.scores, note: reviews.note, state: reviews.state, updatedAt: reviews.updatedAt })
        .from(reviews)
        .where(eq(reviews.assignmentId, own.assignment.id))
        .get();
    const before = await reviewRow();
    for (const persona of ["asn", "reviewer", "leader", "admin"] as const) {
      const cookie = fx[persona].cookie;
      const path = `/api/v1/assignments/${own.assignment.id}/review`;
      const saved = await api("PUT", path, { cookie, body: { scores: { kebaruan: 1 }, note: "ditimpa" } });
      const submitted = await api("POST", `${path}/submit`, { cookie });
      const reopened = await api("POST", `${path}/reopen`, { cookie, body: { reason: "Dibuka orang lain" } });
      for (const res of [saved, submitted, reopened]) expect([403, 404], `${persona} ${res.url}`).toContain(res.status);
    }
    expect(await reviewRow()).toEqual(before);
  });
});

describe("notifications are their addressee's", () => {
  const readAt = async (id: number) =>
    (await testDb.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)).get())!
      .readAt;

  it("GET /api/v1/notifications lists only the caller's, and counts only theirs", async () => {
    const mine = await insertNotification(fx.asn.user, "vote_on_my_idea");
    const list = await bodyOf(await client(fx.asn.cookie).api.v1.notifications.$get({ query: {} }), 200);
    const ids = list.items.map((n) => n.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(own.notification.id);
    expect(ids).not.toContain(other.notification.id);
    const count = await bodyOf(await client(fx.asn.cookie).api.v1.notifications["unread-count"].$get(), 200);
    expect(count.count).toBe(ids.length);
  });

  it("POST /api/v1/notifications/read marks nobody else's, by id or all at once", async () => {
    for (const body of [{ ids: [own.notification.id, other.notification.id] }, { all: true }]) {
      for (const persona of ["asn", "admin", "superadmin", "otherAdmin"] as const) {
        const res = await api("POST", "/api/v1/notifications/read", { cookie: fx[persona].cookie, body });
        expect([200, 404, 422], `${persona} ${JSON.stringify(body)}`).toContain(res.status);
      }
    }
    expect(await readAt(own.notification.id)).toBeNull();
    expect(await readAt(other.notification.id)).toBeNull();
  });
});

describe("personal data", () => {
  it("GET /api/v1/me/export holds the caller's data and nobody else's", async () => {
    const res = await api("GET", "/api/v1/me/export", { cookie: fx.asn.cookie });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(fx.asn.user.nip);
    for (const secret of [own.colleague.nip, own.colleague.email, fx.admin.user.nip, other.colleague.email]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/argon2|password_?hash|token_?hash/i);
  });

  it("shows NIP and e-mail of colleagues to admins only", async () => {
    const secrets = [own.colleague.nip, own.colleague.email];
    for (const path of [`/api/v1/users/${own.colleague.id}`, "/api/v1/users?q=Rekan", "/api/v1/people?q=Rekan"]) {
      const asn = await api("GET", path, { cookie: fx.asn.cookie });
      expect(asn.status, path).toBe(200);
      const text = await asn.text();
      for (const secret of secrets) expect(text, `${path} shows an ASN ${secret}`).not.toContain(secret);
    }
    const admin = await api("GET", `/api/v1/users/${own.colleague.id}`, { cookie: fx.admin.cookie });
    expect(await admin.text()).toContain(own.colleague.nip);
  });

  it("GET /api/v1/rewards/ledger?userId= reads another person's ledger for admins of their agency only", async () => {
    const path = `/api/v1/rewards/ledger?userId=${own.colleague.id}`;
    expect([403, 404]).toContain((await api("GET", path, { cookie: fx.asn.cookie })).status);
    expect((await api("GET", path, { cookie: fx.otherAdmin.cookie })).status).toBe(404);
    expect((await api("GET", path, { cookie: fx.admin.cookie })).status).toBe(200);
  });
});
