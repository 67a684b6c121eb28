/// <reference types="vite/client" />
/**
 * Mass assignment (OWASP API3/API6): fields a caller must not set — points, status, roles, agency,
 * author, vote count, id, creation time, another person's id — are refused with a 422 naming them,
 * and nothing is stored. The body-taking operations come from `/api/openapi.json`, the valid request
 * to tamper with from the authorization matrix, so a new route is covered as soon as it has its row.
 */
import { env } from "cloudflare:test";
import { OPEN_GATES } from "../src/domain/eligibility";
import { beforeAll, describe, expect, it } from "vitest";
import { csvFile } from "./fixtures/admin";
import { createPersonas, createUser, makeNip } from "./fixtures/builders";
import { fileOf, PNG } from "./fixtures/files";
import { api } from "./fixtures/http";
import { CHECKLIST, insertCompetition, insertEntry, insertOpenSheet, threeRounds } from "./fixtures/competitions";
import { competition, insertIdea, openCampaign } from "./fixtures/ideas";
import { insertProfile } from "./fixtures/innovation-profile";
import { deref, type OpenApiDoc, type Schema } from "./fixtures/json-schema";
import { loadContract, operationsOf } from "./fixtures/openapi";
import { mintSession } from "./fixtures/tenant-rows";
import type { MatrixEntry, MatrixFixtures, MatrixPersona } from "./authz/matrix-entry";

const files = import.meta.glob<{ matrix: MatrixEntry[] }>("./authz/*.matrix.ts", { eager: true });
const entries = new Map(
  Object.values(files)
    .flatMap((file) => file.matrix)
    .map((e) => [e.route, e]),
);

const doc: OpenApiDoc = await loadContract();
const jsonBodyRoutes = operationsOf(doc).filter((o) => o.op.requestBody?.content["application/json"]);
const formBodyRoutes = operationsOf(doc).filter((o) => o.op.requestBody?.content["multipart/form-data"]);

/** Who tampers: the first persona whose request the matrix expects to succeed. */
const TAMPERERS: Exclude<MatrixPersona, "anonymous">[] = ["asn", "reviewer", "leader", "admin", "superadmin"];

let fx: MatrixFixtures;
beforeAll(async () => {
  fx = await createPersonas();
});

/** The values a tamperer would try: the highest grant, someone else's ids, a decided status. */
function forbiddenValues(): Record<string, unknown> {
  return {
    points: 1_000_000,
    status: "approved",
    roles: ["admin", "superadmin"],
    agencyId: fx.otherAgency.id,
    authorId: fx.otherAdmin.user.id,
    voteCount: 9_999,
    id: 1,
    createdAt: 0,
    userId: fx.otherAdmin.user.id,
  };
}

/** Fields a body declares, in any of its alternatives (`anyOf`, `oneOf`). */
function declaredFields(schema: Schema): Set<string> {
  const s = deref(doc, schema);
  const parts = [s, ...((s.anyOf ?? s.oneOf ?? []) as Schema[]).map((p) => deref(doc, p))];
  return new Set(parts.flatMap((p) => Object.keys((p.properties ?? {}) as object)));
}

/** Rows and sums that any write would move: equal before and after means nothing was stored. */
async function fingerprint() {
  return env.DB.prepare(
    `SELECT (SELECT count(*) FROM ideas) AS ideas, (SELECT max(updated_at) FROM ideas) AS ideasUpdated,
       (SELECT total(vote_count) + total(comment_count) FROM ideas) AS ideaCounts,
       (SELECT group_concat(status) FROM (SELECT status FROM ideas ORDER BY id)) AS statuses,
       (SELECT count(*) FROM users) AS users, (SELECT max(updated_at) FROM users) AS usersUpdated,
       (SELECT group_concat(roles) FROM (SELECT roles FROM users ORDER BY id)) AS roles,
       (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM campaigns) AS campaigns,
       (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM votes) AS votes,
       (SELECT count(*) FROM idea_events) AS events, (SELECT count(*) FROM idea_authors) AS team,
       (SELECT count(*) FROM point_ledger) AS ledger, (SELECT total(points) FROM point_totals) AS totals,
       (SELECT count(*) FROM review_assignments) AS assignments, (SELECT count(*) FROM reviews) AS reviews,
       (SELECT count(*) FROM attachments) AS attachments, (SELECT count(*) FROM audit_log) AS audit,
       (SELECT count(*) FROM agencies) AS agencies, (SELECT count(*) FROM notifications WHERE read_at IS NOT NULL) AS read`,
  ).first();
}

async function cookieOf(entry: MatrixEntry, persona: Exclude<MatrixPersona, "anonymous">) {
  const { user, cookie } = fx[persona];
  if (!entry.standIn) return cookie;
  return mintSession(await createUser({ id: user.unitId, agencyId: user.agencyId, code: "" }, { roles: user.roles }));
}

describe("mass assignment: every JSON body refuses the fields a caller must not set", () => {
  it("covers every body-taking operation of the contract", () => {
    expect(jsonBodyRoutes.length).toBeGreaterThan(20);
    const uncovered = [...jsonBodyRoutes, ...formBodyRoutes].filter(
      (o) => !entries.has(o.route as MatrixEntry["route"]),
    );
    expect(
      uncovered.map((o) => o.route),
      "operations without a matrix row to tamper with",
    ).toEqual([]);
    // multipart bodies are not checked by the generic loop: each has its own test below
    expect(formBodyRoutes.map((o) => o.route).sort()).toEqual(
      [
        "POST /api/v1/ideas/{id}/attachments",
        "POST /api/v1/users/import",
        "PUT /api/v1/agency/emblem",
        "POST /api/v1/ideas/{id}/evidence/files",
        "POST /api/v1/problems/import",
        "POST /api/v1/round-assignments/{id}/photos",
      ].sort(),
    );
  });

  it.each(jsonBodyRoutes.map((o) => [o.route, o] as const))("%s", async (route, operation) => {
    const entry = entries.get(route as MatrixEntry["route"])!;
    // nobody of the personas may (reopening is the chair's): the body is checked before that, by anyone
    const persona = TAMPERERS.find((p) => entry.expect[p] < 300) ?? "asn";
    const declared = declaredFields(operation.op.requestBody!.content["application/json"]!.schema!);
    const request = await entry.request(fx, persona);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const cookie = await cookieOf(entry, persona);
    const tampered = Object.entries(forbiddenValues()).filter(([field]) => !declared.has(field));
    expect(tampered.length, "fields left to tamper with").toBeGreaterThan(0);

    for (const [field, value] of tampered) {
      const before = await fingerprint();
      const res = await api(operation.method.toUpperCase(), request.path, {
        body: { ...body, [field]: value },
        cookie,
        ...(request.headers ? { headers: request.headers } : {}),
      });
      const problem = (await res.json()) as { code: string; errors?: { path: string; message: string }[] };
      expect(res.status, `${field}: ${JSON.stringify(problem)}`).toBe(422);
      expect(problem.errors?.some((e) => e.message.includes(`"${field}"`) || e.path.endsWith(field))).toBe(true);
      expect(await fingerprint(), `${field} changed something`).toEqual(before);
    }

    // the same request without them goes through as the matrix says: the 422s came from the fields
    const res = await api(operation.method.toUpperCase(), request.path, {
      ...(request.body !== undefined ? { body: request.body } : {}),
      cookie,
      ...(request.headers ? { headers: request.headers } : {}),
    });
    expect(res.status, await res.clone().text()).toBe(entry.expect[persona]);
  });
});

describe("fields a body declares but a caller may not use to reach further", () => {
  const rolesOf = async (userId: number) =>
    (await env.DB.prepare("SELECT roles FROM users WHERE id = ?").bind(userId).first<{ roles: string }>())!.roles;

  it("PATCH /api/v1/users/{id} refuses an ASN who names roles for themselves", async () => {
    const before = await rolesOf(fx.asn.user.id);
    const res = await api("PATCH", `/api/v1/users/${fx.asn.user.id}`, {
      cookie: fx.asn.cookie,
      body: { roles: ["asn", "admin", "superadmin"] },
    });
    expect(res.status).toBe(403);
    expect(await rolesOf(fx.asn.user.id)).toBe(before);
  });

  it("PATCH /api/v1/users/{id} refuses an agency admin who grants superadmin", async () => {
    const colleague = await createUser(fx.unit);
    const before = await rolesOf(colleague.id);
    const res = await api("PATCH", `/api/v1/users/${colleague.id}`, {
      cookie: fx.admin.cookie,
      body: { roles: ["asn", "superadmin"] },
    });
    expect([403, 422]).toContain(res.status);
    expect(await rolesOf(colleague.id)).toBe(before);
  });

  it("POST /api/v1/users refuses an agency admin who creates a superadmin", async () => {
    const email = `calon-super-${Date.now()}@uji.go.id`;
    const res = await api("POST", "/api/v1/users", {
      cookie: fx.admin.cookie,
      body: { nip: makeNip(), name: "Calon Super", email, unitId: fx.unit.id, roles: ["superadmin"] },
    });
    expect([403, 422]).toContain(res.status);
    expect(await env.DB.prepare("SELECT id FROM users WHERE email = ?").bind(email).first()).toBeNull();
  });

  it("POST /api/v1/ideas/{id}/coauthors refuses a userId of another agency", async () => {
    const idea = await insertIdea(await openCampaign(fx.agency), fx.asn.user);
    const res = await api("POST", `/api/v1/ideas/${idea.id}/coauthors`, {
      cookie: fx.asn.cookie,
      body: { userId: fx.otherAdmin.user.id },
    });
    expect([404, 422]).toContain(res.status);
    const team = await env.DB.prepare("SELECT user_id FROM idea_authors WHERE idea_id = ?").bind(idea.id).all();
    expect(team.results).toEqual([{ user_id: fx.asn.user.id }]);
  });
});

describe("multipart bodies", () => {
  it("POST /api/v1/problems/import stores complaints in the caller's agency, by the caller, whatever the form says", async () => {
    const externalId = `MASS-${crypto.randomUUID()}`;
    const form = new FormData();
    form.append(
      "file",
      new File([`id,date,text\r\n${externalId},2026-03-02,Jalan berlubang di depan sekolah\r\n`], "keluhan.csv", {
        type: "text/csv",
      }),
    );
    for (const [field, value] of Object.entries({
      agencyId: fx.otherAgency.id,
      problemId: 1,
      importedBy: fx.otherAdmin.user.id,
      id: 1,
    })) {
      form.append(field, String(value));
    }
    const res = await api("POST", "/api/v1/problems/import", { cookie: fx.admin.cookie, rawBody: form });
    expect(res.status).toBe(200);
    const row = await env.DB.prepare(
      "SELECT c.agency_id, c.imported_by, p.agency_id AS problem_agency FROM complaints c JOIN problems p ON p.id = c.problem_id WHERE c.external_id = ?",
    )
      .bind(externalId)
      .first();
    expect(row).toEqual({ agency_id: fx.agency.id, imported_by: fx.admin.user.id, problem_agency: fx.agency.id });
  });

  it("POST /api/v1/ideas/{id}/attachments stores the file for the idea, agency and uploader of the request whatever the form says", async () => {
    const idea = await insertIdea(await openCampaign(fx.agency), fx.asn.user);
    const other = await insertIdea(await openCampaign(fx.otherAgency), fx.otherAdmin.user);
    const form = new FormData();
    form.append("file", fileOf(PNG, "foto.png"));
    for (const [field, value] of Object.entries({
      agencyId: fx.otherAgency.id,
      ideaId: other.id,
      uploadedBy: fx.otherAdmin.user.id,
      userId: fx.otherAdmin.user.id,
      id: 1,
    })) {
      form.append(field, String(value));
    }
    const res = await api("POST", `/api/v1/ideas/${idea.id}/attachments`, { cookie: fx.asn.cookie, rawBody: form });
    if (res.status === 422) {
      expect(
        await env.DB.prepare("SELECT count(*) AS n FROM attachments WHERE idea_id IN (?, ?)")
          .bind(idea.id, other.id)
          .first(),
      ).toEqual({ n: 0 });
      return;
    }
    expect(res.status, await res.clone().text()).toBe(201);
    const rows = await env.DB.prepare("SELECT idea_id, agency_id, uploaded_by FROM attachments WHERE idea_id IN (?, ?)")
      .bind(idea.id, other.id)
      .all();
    expect(rows.results).toEqual([{ idea_id: idea.id, agency_id: fx.agency.id, uploaded_by: fx.asn.user.id }]);
  });

  it("POST /api/v1/ideas/{id}/evidence/files refuses a form that names another idea, agency or uploader, storing nothing", async () => {
    const idea = await insertIdea(await openCampaign(fx.agency), fx.asn.user, { status: "approved" });
    await insertProfile({ id: idea.id, agencyId: fx.agency.id }, fx.asn.user);
    const other = await insertIdea(await openCampaign(fx.otherAgency), fx.otherAdmin.user, { status: "approved" });
    for (const [field, value] of Object.entries({
      agencyId: fx.otherAgency.id,
      ideaId: other.id,
      addedBy: fx.otherAdmin.user.id,
      r2Key: `ideas/${other.id}/evidence/someone-else`,
    })) {
      const form = new FormData();
      form.append("file", fileOf(PNG, "foto.png"));
      form.append("kind", "foto_video");
      form.append("title", "Foto loket");
      form.append(field, String(value));
      const res = await api("POST", `/api/v1/ideas/${idea.id}/evidence/files`, {
        cookie: fx.asn.cookie,
        rawBody: form,
      });
      expect(res.status, field).toBe(422);
    }
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM innovation_evidence WHERE idea_id IN (?, ?)")
        .bind(idea.id, other.id)
        .first(),
    ).toEqual({ n: 0 });
  });

  it("POST /api/v1/round-assignments/{id}/photos refuses a form that names another sheet, agency or uploader, storing nothing", async () => {
    const campaign = await competition(fx.agency, "review");
    const [roundId] = await insertCompetition(campaign, threeRounds([fx.reviewer.user.id]), OPEN_GATES);
    const idea = await insertIdea(campaign, fx.asn.user, { status: "approved" });
    const sheet = await insertOpenSheet(roundId!, await insertEntry(campaign, idea, fx.admin.user), fx.reviewer.user, {
      conflict: "none",
    });
    for (const [field, value] of Object.entries({
      agencyId: fx.otherAgency.id,
      assignmentId: sheet.id + 1,
      uploadedBy: fx.otherAdmin.user.id,
      r2Key: `rounds/${roundId}/${sheet.id}/someone-else`,
    })) {
      const form = new FormData();
      form.append("file", fileOf(PNG, "loket.png"));
      form.append("itemKey", CHECKLIST[0]!.key);
      form.append(field, String(value));
      const res = await api("POST", `/api/v1/round-assignments/${sheet.id}/photos`, {
        cookie: fx.reviewer.cookie,
        rawBody: form,
      });
      expect(res.status, field).toBe(422);
    }
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM round_photos WHERE assignment_id = ?").bind(sheet.id).first(),
    ).toEqual({ n: 0 });
  });

  it("POST /api/v1/users/import puts imported people in the admin's own agency whatever the form says", async () => {
    const email = `impor-tamper-${Date.now()}@uji.go.id`;
    const form = csvFile([[makeNip(), "Pegawai Impor", email, fx.unit.code, "Staf", "asn"]]);
    form.append("agencyId", String(fx.otherAgency.id));
    form.append("roles", "superadmin");
    const res = await api("POST", "/api/v1/users/import", { cookie: fx.admin.cookie, rawBody: form });
    expect([200, 422]).toContain(res.status);
    const row = await env.DB.prepare("SELECT agency_id, roles FROM users WHERE email = ?").bind(email).first();
    if (res.status === 200) expect(row).toEqual({ agency_id: fx.agency.id, roles: "asn" });
    else expect(row).toBeNull();
  });

  it("PUT /api/v1/agency/emblem sets the admin's own agency's emblem whatever the form says", async () => {
    const form = new FormData();
    form.append("file", fileOf(PNG, "lambang.png"));
    form.append("agencyId", String(fx.otherAgency.id));
    form.append("emblemKey", "emblems/1/someone-else.png");
    const res = await api("PUT", "/api/v1/agency/emblem", { cookie: fx.admin.cookie, rawBody: form });
    expect([200, 422]).toContain(res.status);
    const keys = await env.DB.prepare("SELECT id, emblem_key FROM agencies WHERE id IN (?, ?) ORDER BY id")
      .bind(fx.agency.id, fx.otherAgency.id)
      .all<{ id: number; emblem_key: string | null }>();
    const other = keys.results.find((r) => r.id === fx.otherAgency.id)!;
    expect(other.emblem_key).toBeNull();
    const own = keys.results.find((r) => r.id === fx.agency.id)!;
    if (res.status === 200) expect(own.emblem_key).toMatch(new RegExp(`^emblems/${fx.agency.id}/`));
    else expect(own.emblem_key).toBeNull();
  });
});
