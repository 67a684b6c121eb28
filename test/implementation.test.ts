/** After approval: the implementation report (with results and evidence) and the team's follow-up updates. */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ideas, implementationReports, implementationUpdates } from "../src/db/schema";
import { testDb } from "./fixtures/db";
import { bodyOf, byId, client, codeOf, fieldErrors } from "./fixtures/client";
import { createPersonas, createUser, signIn } from "./fixtures/builders";
import { api } from "./fixtures/http";
import { insertAttachment } from "./fixtures/idea-team";
import { competition, insertIdea, seatOnCommittee, type TestCampaign } from "./fixtures/ideas";
import { insertImplementationReport } from "./fixtures/reviews";

let p: Awaited<ReturnType<typeof createPersonas>>;
let campaign: TestCampaign;

beforeAll(async () => {
  p = await createPersonas();
  campaign = await competition(p.agency, "review");
  await seatOnCommittee(campaign, await createUser(p.unit, { roles: ["asn", "reviewer"] }), "chair");
});

const today = () => new Date().toISOString().slice(0, 10);

describe("POST /api/v1/ideas/{id}/implementation", () => {
  it("records the results so far and lists every evidence file of the idea", async () => {
    const idea = await insertIdea(campaign, p.asn.user, { status: "approved" });
    const files = [];
    for (const fileName of ["Foto layanan.jpg", "SK Kepala Dinas.pdf"]) {
      files.push(
        await insertAttachment({ id: idea.id, agencyId: p.agency.id }, p.admin.user, { fileName, kind: "evidence" }),
      );
    }
    await insertAttachment({ id: idea.id, agencyId: p.agency.id }, p.asn.user, { fileName: "Proposal.pdf" });
    const res = await client(p.admin.cookie).api.v1.ideas[":id"].implementation.$post({
      ...byId(idea.id),
      json: {
        implementedOn: today(),
        unitId: p.unit.id,
        summary: "Layanan berjalan di semua kelurahan.",
        evidenceAttachmentId: files[0]!.id,
        results: "Waktu tunggu turun dari 3 hari menjadi 1 hari.",
      },
    });
    const report = await bodyOf(res, 201);
    expect(report.results).toBe("Waktu tunggu turun dari 3 hari menjadi 1 hari.");
    expect(report.evidence.map((e) => e.fileName)).toEqual(["Foto layanan.jpg", "SK Kepala Dinas.pdf"]);
    const dossier = await (await api("GET", `/api/v1/ideas/${idea.id}/dossier`, { cookie: p.asn.cookie })).text();
    expect(dossier).toContain("Waktu tunggu turun dari 3 hari menjadi 1 hari.");
    expect(dossier).toContain("Foto layanan.jpg, SK Kepala Dinas.pdf");
  });

  it("writes neither the report nor the status when the report is refused", async () => {
    const idea = await insertIdea(campaign, p.asn.user, { status: "approved" });
    const res = await api("POST", `/api/v1/ideas/${idea.id}/implementation`, {
      cookie: p.admin.cookie,
      body: { implementedOn: today(), unitId: p.unit.id, summary: "Sudah berjalan.", results: "x".repeat(4001) },
    });
    expect(res.status).toBe(422);
    const row = await testDb
      .select({
        status: ideas.status,
        reports: testDb.$count(implementationReports, eq(implementationReports.ideaId, ideas.id)),
      })
      .from(ideas)
      .where(eq(ideas.id, idea.id))
      .get();
    expect(row).toEqual({ status: "approved", reports: 0 });
  });
});

describe("POST /api/v1/ideas/{id}/implementation/updates", () => {
  async function implemented() {
    const idea = await insertIdea(campaign, p.asn.user, { status: "implemented" });
    await insertImplementationReport(idea, campaign, p.unit.id, p.admin.user);
    return idea;
  }
  const post = (cookie: string, ideaId: number, body: unknown) =>
    api("POST", `/api/v1/ideas/${ideaId}/implementation/updates`, { cookie, body });

  it("lets the team add updates with figures, listed newest first to everyone of the agency", async () => {
    const idea = await implemented();
    const first = await post(p.asn.cookie, idea.id, {
      body: "Tiga bulan berjalan, antrean turun.",
      figures: [{ label: "Waktu layanan", value: 15, unit: "menit" }],
    });
    expect(first.status, await first.clone().text()).toBe(201);
    expect(await first.json()).toMatchObject({
      body: "Tiga bulan berjalan, antrean turun.",
      figures: [{ label: "Waktu layanan", value: 15, unit: "menit" }],
      author: { id: p.asn.user.id },
    });
    expect((await post(p.asn.cookie, idea.id, { body: "Enam bulan: direplikasi di dua kecamatan." })).status).toBe(201);
    const updates = client(p.reviewer.cookie).api.v1.ideas[":id"].implementation.updates;
    const page = await bodyOf(await updates.$get({ ...byId(idea.id), query: { limit: "1" } }), 200);
    expect(page.items.map((u) => u.body)).toEqual(["Enam bulan: direplikasi di dua kecamatan."]);
    const next = await updates.$get({ ...byId(idea.id), query: { limit: "1", cursor: page.nextCursor! } });
    expect((await bodyOf(next, 200)).items.map((u) => u.figures)).toEqual([
      [{ label: "Waktu layanan", value: 15, unit: "menit" }],
    ]);
  });

  it("answers 403 implementation.update_not_permitted to a colleague outside the team", async () => {
    const idea = await implemented();
    const colleague = await createUser(p.unit);
    const res = await post(await signIn(colleague), idea.id, { body: "Saya juga ingin menambah kabar." });
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe("implementation.update_not_permitted");
  });

  it("answers 409 implementation.not_implemented before the idea is implemented, and writes nothing", async () => {
    const idea = await insertIdea(campaign, p.asn.user, { status: "approved" });
    const res = await post(p.asn.cookie, idea.id, { body: "Belum diterapkan, tapi sudah ada kabar." });
    expect(res.status).toBe(409);
    expect(await codeOf(res)).toBe("implementation.not_implemented");
    expect(await testDb.$count(implementationUpdates, eq(implementationUpdates.ideaId, idea.id))).toBe(0);
  });

  it("answers 422 for a short text and for more than ten figures", async () => {
    const idea = await implemented();
    const figure = { label: "Pemohon", value: 1, unit: "" };
    const res = await post(p.asn.cookie, idea.id, { body: "Pendek", figures: Array(11).fill(figure) });
    const paths = (await fieldErrors(res)).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["json.body", "json.figures"]));
  });
});
