/**
 * The innovation record of a career (issue 21.2): what it holds for a seeded person, the PDF,
 * its verification code on the certificates' page, revoking, the share page and tenancy.
 */
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import {
  awardRecipients,
  awards,
  implementationReports,
  implementationUpdates,
  pointLedger,
  userBadges,
} from "../src/db/schema";
import { createPersonas, createUser, signIn, type TestUser } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { bodyOf, byId, client } from "./fixtures/client";
import { api } from "./fixtures/http";
import { insertIdea, openCampaign } from "./fixtures/ideas";
import { addCoauthor, insertAssignment, insertReview } from "./fixtures/reviews";

/** Every text line of every page of a PDF pdf-lib wrote (hex strings shown with `Tj`, WinAnsi). */
async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const pdf = await PDFDocument.load(bytes);
  let text = "";
  for (const page of pdf.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => pdf.context.lookup(r)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const raw = new TextDecoder("latin1").decode(decodePDFRawStream(stream).decode());
      for (const [, hex] of raw.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g))
        text += String.fromCharCode(...hex!.match(/../g)!.map((h) => parseInt(h, 16))) + "\n";
    }
  }
  return text;
}

const JAN_2026 = Date.parse("2026-01-15T03:00:00Z");
const MAR_2025 = Date.parse("2025-03-10T03:00:00Z");

let p: Awaited<ReturnType<typeof createPersonas>>;
let person: TestUser;
let cookie: string;
const ids = { authored: 0, coauthored: 0, draft: 0 };

beforeAll(async () => {
  p = await createPersonas();
  const campaign = await openCampaign(p.agency);
  person = await createUser(await createUnitOf(p), { name: "Dewi Rekam Jejak" });
  cookie = await signIn(person);
  // authored and implemented in 2025, with its report and one progress update
  const authored = await insertIdea(campaign, person, {
    status: "implemented",
    title: "Antrean daring KTP-el",
    submittedAt: MAR_2025,
    decidedAt: MAR_2025,
  });
  await testDb.batch([
    testDb.insert(implementationReports).values({
      ideaId: authored.id,
      agencyId: p.agency.id,
      implementedOn: "2025-06-01",
      unitId: person.unitId,
      summary: "Berjalan di 5 kecamatan",
      results: "Waktu tunggu turun 80%",
      reportedBy: person.id,
      createdAt: MAR_2025,
    }),
    testDb.insert(implementationUpdates).values({
      agencyId: p.agency.id,
      ideaId: authored.id,
      authorId: person.id,
      body: "Sudah 10 kecamatan",
      figures: "[]",
      createdAt: MAR_2025,
    }),
  ]);
  // co-authored (a colleague's idea) in 2026, and an invitation not accepted: it does not count
  const coauthored = await insertIdea(campaign, p.asn.user, {
    status: "approved",
    title: "Posyandu digital",
    submittedAt: JAN_2026,
  });
  await addCoauthor(coauthored, person);
  const declined = await insertIdea(campaign, p.asn.user, {
    status: "submitted",
    title: "Undangan belum diterima",
    submittedAt: JAN_2026,
  });
  await addCoauthor(declined, person, false);
  const draft = await insertIdea(campaign, person, { status: "draft", title: "Draf rahasia" });
  Object.assign(ids, { authored: authored.id, coauthored: coauthored.id, draft: draft.id });
  // two reviews submitted in the campaign; a draft review does not count
  for (const idea of [declined, coauthored]) {
    const assignment = await insertAssignment(campaign, idea, person);
    await insertReview(campaign, idea, person, assignment, { state: "submitted" });
  }
  const third = await insertIdea(campaign, p.asn.user, { status: "in_review" });
  await insertReview(campaign, third, person, await insertAssignment(campaign, third, person));
  // an award in force and a revoked one; a badge; points
  const award = async (title: string, revoked: number | null, code: string) => {
    const { id } = await testDb
      .insert(awards)
      .values({
        agencyId: p.agency.id,
        title,
        citation: "Atas inovasi",
        periodLabel: "2026",
        announcedBy: p.leader.user.id,
        announcedAt: JAN_2026,
        revokedAt: revoked,
      })
      .returning({ id: awards.id })
      .get();
    await testDb.insert(awardRecipients).values({ awardId: id, userId: person.id, certificateCode: code });
  };
  await award("Inovator Terbaik 2026", null, `GGS-${"A".repeat(4)}-${crypto.randomUUID().slice(0, 4).toUpperCase()}`);
  await award("Penghargaan dicabut", JAN_2026, `GGS-${"B".repeat(4)}-${crypto.randomUUID().slice(0, 4).toUpperCase()}`);
  await testDb.batch([
    testDb
      .insert(userBadges)
      .values({ userId: person.id, badgeKey: "ide_pertama", agencyId: p.agency.id, at: MAR_2025 }),
    testDb.insert(pointLedger).values({
      agencyId: p.agency.id,
      userId: person.id,
      unitId: person.unitId,
      points: 120,
      eventType: "idea_submitted",
      subjectType: "idea",
      subjectId: authored.id,
      ruleKey: "idea_submitted",
      rulesVersion: 1,
      idempotencyKey: `test:${person.id}`,
      day: "2025-03-10",
      at: MAR_2025,
    }),
  ]);
});

async function createUnitOf(fx: typeof p) {
  return { id: fx.unit.id, agencyId: fx.agency.id, code: fx.unit.code };
}

const mine = async (c = cookie) => bodyOf(await client(c).api.v1.me["career-record"].$get(), 200);
const issue = async (c = cookie) => bodyOf(await client(c).api.v1.me["career-records"].$post(), 201);
const verified = async (code: string) =>
  bodyOf(await client().api.v1["career-records"][":code"].$get({ param: { code } }), 200);
const share = async (c: string, enabled: boolean) =>
  bodyOf(await client(c).api.v1.me["career-share"].$put({ json: { enabled } }), 200);

describe("GET /api/v1/me/career-record", () => {
  it("lists the person's listed ideas per year with their role and outcome, co-authored ones included", async () => {
    const { record, share } = await mine();
    expect(share).toEqual({ enabled: false, code: null });
    expect(record.person).toMatchObject({ name: "Dewi Rekam Jejak", nip: person.nip });
    expect(record.years.map((y) => y.year)).toEqual([2026, 2025]);
    const [y2026, y2025] = record.years;
    expect(y2026!.ideas).toEqual([
      expect.objectContaining({ id: ids.coauthored, role: "coauthor", roleLabel: "Anggota tim", outcome: "Disetujui" }),
    ]);
    expect(y2025!.ideas).toEqual([
      expect.objectContaining({ id: ids.authored, role: "author", roleLabel: "Pengusul", outcome: "Diterapkan" }),
    ]);
    expect(JSON.stringify(record)).not.toContain("Draf rahasia");
    expect(JSON.stringify(record)).not.toContain("Undangan belum diterima");
    expect(y2025!.implementations).toEqual([
      expect.objectContaining({ ideaId: ids.authored, results: "Waktu tunggu turun 80%", updates: 1 }),
    ]);
  });

  it("counts reviews per campaign without scores, awards in force, badges and the level", async () => {
    const { record } = await mine();
    const thisYear = record.years.find((y) => y.reviews.length > 0)!;
    expect(thisYear.reviews).toEqual([{ campaign: "Kotak Ide", count: 2 }]);
    expect(JSON.stringify(record)).not.toMatch(/"score"/);
    const awards = record.years.flatMap((y) => y.awards.map((a) => a.title));
    expect(awards).toEqual(["Inovator Terbaik 2026"]);
    expect(record.years.flatMap((y) => y.badges)).toEqual([
      expect.objectContaining({ key: "ide_pertama", name: "Ide Pertama" }),
    ]);
    expect(record.level).toMatchObject({ key: "penggagas", points: 120 });
    expect(record.totals).toEqual({
      ideas: 2,
      authored: 1,
      coauthored: 1,
      implemented: 1,
      reviews: 2,
      awards: 1,
      badges: 1,
    });
  });

  it("answers 401 without a session", async () => {
    expect((await api("GET", "/api/v1/me/career-record")).status).toBe(401);
  });
});

describe("an issued record: PDF and verification", () => {
  it("prints the record with its code in a PDF that says the person, their ideas and their roles", async () => {
    const issued = await issue();
    expect(issued.code).toMatch(/^GGR(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
    const res = await api("GET", `/api/v1/me/career-records/${issued.id}/pdf`, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(await res.arrayBuffer());
    for (const expected of [
      "REKAM JEJAK INOVASI",
      "Dewi Rekam Jejak",
      issued.code,
      "Antrean daring KTP-el",
      "Posyandu digital",
      "Anggota tim",
      "Pengusul",
      "Hasil: Waktu tunggu turun 80%",
      "Kotak Ide: 2 penilaian",
      "Inovator Terbaik 2026",
      "Tahun 2026",
      "Tahun 2025",
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain("Penghargaan dicabut");
  });

  it("verifies publicly by its code, read forgivingly; a tampered code is unknown", async () => {
    const issued = await issue();
    const body = await verified(issued.code);
    expect(body).toMatchObject({ valid: true, person: { name: "Dewi Rekam Jejak" }, years: [2026, 2025] });
    expect(body.person).not.toHaveProperty("nip");
    expect(body.totals.coauthored).toBe(1);
    const sloppy = issued.code.toLowerCase().replaceAll("-", " ");
    expect((await api("GET", `/api/v1/career-records/${encodeURIComponent(sloppy)}`)).status).toBe(200);
    const last = issued.code.at(-1)!;
    const tampered = issued.code.slice(0, -1) + (last === "Z" ? "Y" : "Z");
    expect((await api("GET", `/api/v1/career-records/${tampered}`)).status).toBe(404);
    // a record code is no certificate, and a certificate code no record
    expect((await api("GET", `/api/v1/certificates/${issued.code}`)).status).toBe(404);
    expect((await api("GET", `/api/v1/career-records/${issued.code.replace("GGR", "GGS")}`)).status).toBe(404);
  });

  it("verifies as revoked once its person revokes it, and its PDF is no longer served", async () => {
    const issued = await issue();
    const revoked = await client(cookie).api.v1.me["career-records"][":id"].revoke.$post(byId(issued.id));
    expect((await bodyOf(revoked, 200)).revokedAt).not.toBeNull();
    const check = await verified(issued.code);
    expect(check.valid).toBe(false);
    expect(check.revokedAt).not.toBeNull();
    expect((await api("GET", `/api/v1/me/career-records/${issued.id}/pdf`, { cookie })).status).toBe(409);
    const again = await api("POST", `/api/v1/me/career-records/${issued.id}/revoke`, { cookie });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "career_record.revoked" });
    expect((await mine()).issued.find((r) => r.id === issued.id)?.revokedAt).not.toBeNull();
  });

  it("keeps a record to its person: another person, of the agency or another, gets 404", async () => {
    const issued = await issue();
    for (const other of [p.admin.cookie, p.otherAdmin.cookie]) {
      expect((await api("GET", `/api/v1/me/career-records/${issued.id}/pdf`, { cookie: other })).status).toBe(404);
      expect((await api("POST", `/api/v1/me/career-records/${issued.id}/revoke`, { cookie: other })).status).toBe(404);
    }
    expect((await mine(p.otherAdmin.cookie)).issued.map((r) => r.id)).not.toContain(issued.id);
  });
});

describe("PUT /api/v1/me/career-share", () => {
  it("is off by default, opens the live record without the NIP when on, and closes the link when off", async () => {
    const sharer = await createUser(p.unit, { name: "Penyebar Rekam" });
    const c = await signIn(sharer);
    expect((await mine(c)).share.enabled).toBe(false);
    const on = await share(c, true);
    expect(on.enabled).toBe(true);
    expect(on.code?.length).toBeGreaterThanOrEqual(32);
    const code = on.code!;
    const shared = await bodyOf(await client().api.v1["shared-records"][":code"].$get({ param: { code } }), 200);
    expect(shared.person.name).toBe("Penyebar Rekam");
    expect(shared.person).not.toHaveProperty("nip");
    expect(JSON.stringify(shared)).not.toContain(sharer.nip);
    expect(await share(c, false)).toEqual({ enabled: false, code: null });
    expect((await api("GET", `/api/v1/shared-records/${code}`)).status).toBe(404);
    const again = await share(c, true);
    expect(again.code).not.toBe(on.code);
    expect((await mine(c)).share).toEqual({ enabled: true, code: again.code });
  });

  it("refuses a body that is not a yes or no", async () => {
    const res = await api("PUT", "/api/v1/me/career-share", { cookie, body: { enabled: "ya" } });
    expect(res.status).toBe(422);
  });

  it("answers 404 for an unknown share code", async () => {
    expect((await api("GET", "/api/v1/shared-records/tidak-ada-kode-semacam-ini-sama-sekali")).status).toBe(404);
  });
});
