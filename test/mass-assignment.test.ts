/// <reference types="vite/client" />
/**
 * Mass assignment (OWASP API3/API6): fields a caller must not set — points, status, roles, agency,
 * author, vote count, id, creation time, another person's id — are refused with a 422 naming them,
 * and nothing is stored. The body-taking operations come from `/api/openapi.json`, the valid request
 * to tamper with from the authorization matrix, so a new route is covered as soon as it has its row.
 */
import { asc, eq, inArray, isNotNull, max, sql } from "drizzle-orm";
import { OPEN_GATES } from "../src/domain/eligibility";
import { beforeAll, describe, expect, it } from "vitest";
import {
  agencies,
  attachments,
  auditLog,
  campaigns,
  comments,
  complaints,
  ideaAuthors,
  ideaEvents,
  ideas,
  innovationEvidence,
  notifications,
  pointLedger,
  pointTotals,
  problems,
  reviewAssignments,
  reviews,
  roundPhotos,
  units,
  users,
  votes,
} from "../src/db/schema";
import { csvFile } from "./fixtures/admin";
import { createPersonas, createUser, makeNip } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { fileOf, PNG } from "./fixtures/files";
import { problemOf } from "./fixtures/client";
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
  const statuses = testDb.select({ status: ideas.status }).from(ideas).orderBy(asc(ideas.id)).as("statuses");
  const roles = testDb.select({ roles: users.roles }).from(users).orderBy(asc(users.id)).as("roles");
  return testDb
    .select({
      ideas: testDb.$count(ideas),
      ideasUpdated: sql`${testDb.select({ at: max(ideas.updatedAt) }).from(ideas)}`,
      ideaCounts: sql`(SELECT total(${ideas.voteCount}) + total(${ideas.commentCount}) FROM ${ideas})`,
      statuses: sql`(SELECT group_concat(${statuses.status}) FROM ${statuses})`,
      users: testDb.$count(users),
      usersUpdated: sql`${testDb.select({ at: max(users.updatedAt) }).from(users)}`,
      roles: sql`(SELECT group_concat(${roles.roles}) FROM ${roles})`,
      units: testDb.$count(units),
      campaigns: testDb.$count(campaigns),
      comments: testDb.$count(comments),
      votes: testDb.$count(votes),
      events: testDb.$count(ideaEvents),
      team: testDb.$count(ideaAuthors),
      ledger: testDb.$count(pointLedger),
      totals: sql`(SELECT total(${pointTotals.allPoints}) FROM ${pointTotals})`,
      assignments: testDb.$count(reviewAssignments),
      reviews: testDb.$count(reviews),
      attachments: testDb.$count(attachments),
      audit: testDb.$count(auditLog),
      agencies: testDb.$count(agencies),
      read: testDb.$count(notifications, isNotNull(notifications.readAt)),
    })
    .from(sql`(SELECT 1)`)
    .get();
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
      expect(res.status, `${field}: ${await res.clone().text()}`).toBe(422);
      const problem = await problemOf(res, 422);
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
    (await testDb.select({ roles: users.roles }).from(users).where(eq(users.id, userId)).get())?.roles;

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
    expect(await testDb.select({ id: users.id }).from(users).where(eq(users.email, email)).get()).toBeUndefined();
  });

  it("POST /api/v1/ideas/{id}/coauthors refuses a userId of another agency", async () => {
    const idea = await insertIdea(await openCampaign(fx.agency), fx.asn.user);
    const res = await api("POST", `/api/v1/ideas/${idea.id}/coauthors`, {
      cookie: fx.asn.cookie,
      body: { userId: fx.otherAdmin.user.id },
    });
    expect([404, 422]).toContain(res.status);
    const team = await testDb
      .select({ userId: ideaAuthors.userId })
      .from(ideaAuthors)
      .where(eq(ideaAuthors.ideaId, idea.id));
    expect(team).toEqual([{ userId: fx.asn.user.id }]);
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
    const row = await testDb
      .select({ agencyId: complaints.agencyId, importedBy: complaints.importedBy, problemAgency: problems.agencyId })
      .from(complaints)
      .innerJoin(problems, eq(problems.id, complaints.problemId))
      .where(eq(complaints.externalId, externalId))
      .get();
    expect(row).toEqual({ agencyId: fx.agency.id, importedBy: fx.admin.user.id, problemAgency: fx.agency.id });
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
      expect(await testDb.$count(attachments, inArray(attachments.ideaId, [idea.id, other.id]))).toBe(0);
      return;
    }
    expect(res.status, await res.clone().text()).toBe(201);
    const rows = await testDb
      .select({ ideaId: attachments.ideaId, agencyId: attachments.agencyId, uploadedBy: attachments.uploadedBy })
      .from(attachments)
      .where(inArray(attachments.ideaId, [idea.id, other.id]));
    expect(rows).toEqual([{ ideaId: idea.id, agencyId: fx.agency.id, uploadedBy: fx.asn.user.id }]);
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
    expect(await testDb.$count(innovationEvidence, inArray(innovationEvidence.ideaId, [idea.id, other.id]))).toBe(0);
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
    expect(await testDb.$count(roundPhotos, eq(roundPhotos.assignmentId, sheet.id))).toBe(0);
  });

  it("POST /api/v1/users/import puts imported people in the admin's own agency whatever the form says", async () => {
    const email = `impor-tamper-${Date.now()}@uji.go.id`;
    const form = csvFile([[makeNip(), "Pegawai Impor", email, fx.unit.code, "Staf", "asn"]]);
    form.append("agencyId", String(fx.otherAgency.id));
    form.append("roles", "superadmin");
    const res = await api("POST", "/api/v1/users/import", { cookie: fx.admin.cookie, rawBody: form });
    expect([200, 422]).toContain(res.status);
    const row = await testDb
      .select({ agencyId: users.agencyId, roles: users.roles })
      .from(users)
      .where(eq(users.email, email))
      .get();
    if (res.status === 200) expect(row).toEqual({ agencyId: fx.agency.id, roles: "asn" });
    else expect(row).toBeUndefined();
  });

  it("PUT /api/v1/agency/emblem sets the admin's own agency's emblem whatever the form says", async () => {
    const form = new FormData();
    form.append("file", fileOf(PNG, "lambang.png"));
    form.append("agencyId", String(fx.otherAgency.id));
    form.append("emblemKey", "emblems/1/someone-else.png");
    const res = await api("PUT", "/api/v1/agency/emblem", { cookie: fx.admin.cookie, rawBody: form });
    expect([200, 422]).toContain(res.status);
    const keys = await testDb
      .select({ id: agencies.id, emblemKey: agencies.emblemKey })
      .from(agencies)
      .where(inArray(agencies.id, [fx.agency.id, fx.otherAgency.id]))
      .orderBy(asc(agencies.id));
    const other = keys.find((r) => r.id === fx.otherAgency.id)!;
    expect(other.emblemKey).toBeNull();
    const own = keys.find((r) => r.id === fx.agency.id)!;
    if (res.status === 200) expect(own.emblemKey).toMatch(new RegExp(`^emblems/${fx.agency.id}/`));
    else expect(own.emblemKey).toBeNull();
  });
});
