import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../src/lib/csv";
import { ideas as ideaRows } from "../src/db/schema";
import { testDb } from "./fixtures/db";
import { bodyOf, byId, client, codeOf, fieldErrors } from "./fixtures/client";
import { createAgency, createUnit } from "./fixtures/builders";
import { api } from "./fixtures/http";
import { competition, insertIdea, seatOnCommittee, transition, type TestCampaign } from "./fixtures/ideas";
import { insertAssignment, review, reviewAgency, setStatus } from "./fixtures/reviews";

/**
 * Three ideas under review, scored by hand on the 60 % (1–5) / 40 % (1–4) rubric:
 * idea 1: r1 {5,4} = 100 approve, r2 {2,1} = 34 reject, r4 {4,4} = 88 approve → mean 74, sd 28.71
 * idea 2: r1 {3,2} = 56 shortlist, r2 {5,3} = 90 approve → mean 73, sd 17
 * idea 3: r3 has not submitted → no score
 * Normalised: r1 (100, 56: mean 78, sd 22) → 65, 35; r2 (34, 90: mean 62, sd 28) → 35, 65;
 * r4 has one review and keeps 88. Idea 1 → (65 + 35 + 88) / 3 = 62.67; idea 2 → 50.
 */
let s: Awaited<ReturnType<typeof reviewAgency>>;
let ideas: { id: number }[];
beforeAll(async () => {
  s = await reviewAgency();
  ideas = [
    await insertIdea(s.campaign, s.authorA.user, {
      status: "in_review",
      voteCount: 3,
      title: 'Posyandu "keliling", terpadu',
    }),
    await insertIdea(s.campaign, s.authorB.user, { status: "in_review", voteCount: 5, title: "Antrean daring KTP-el" }),
    await insertIdea(s.campaign, s.asn.user, { status: "in_review", voteCount: 1, title: "Arsip digital kelurahan" }),
  ];
  const [one, two, three] = ideas as [{ id: number }, { id: number }, { id: number }];
  const assign = async (idea: { id: number }, who: typeof s.r1) =>
    (await insertAssignment(s.campaign, idea, who.user)).id;
  await review(
    s.r1.cookie,
    await assign(one, s.r1),
    { kebaruan: 5, manfaat: 4 },
    "approve",
    "Sangat layak; data lengkap",
  );
  await review(s.r2.cookie, await assign(one, s.r2), { kebaruan: 2, manfaat: 1 }, "reject", "Biaya tidak jelas");
  await review(s.r4.cookie, await assign(one, s.r4), { kebaruan: 4, manfaat: 4 });
  await review(s.r1.cookie, await assign(two, s.r1), { kebaruan: 3, manfaat: 2 }, "shortlist");
  await review(s.r2.cookie, await assign(two, s.r2), { kebaruan: 5, manfaat: 3 });
  await assign(three, s.r3);
});

const get = (cookie: string, path: string) => api("GET", `/api/v1/campaigns/${s.campaign.id}${path}`, { cookie });
const ranking = async (cookie: string, query: { normalised?: "true" } = {}) =>
  bodyOf(await client(cookie).api.v1.campaigns[":id"].ranking.$get({ ...byId(s.campaign.id), query }), 200);

describe("GET /api/v1/campaigns/{id}/ranking", () => {
  it("ranks by the mean of submitted reviews with counts, spread, disagreement, votes and the passing grade", async () => {
    const body = await ranking(s.chair.cookie);
    expect(body.normalised).toBe(false);
    expect(
      body.items.map((i) => [i.rank, i.idea.id, i.rawScore, i.reviews, i.spread, i.disagreement, i.passes]),
    ).toEqual([
      [1, ideas[0]!.id, 74, { submitted: 3, assigned: 3 }, 28.71, true, true],
      [2, ideas[1]!.id, 73, { submitted: 2, assigned: 2 }, 17, true, true],
      [3, ideas[2]!.id, null, { submitted: 0, assigned: 1 }, null, false, false],
    ]);
    expect(body.items[0]).toMatchObject({
      voteCount: 3,
      recommendations: { shortlist: 0, approve: 2, reject: 1 },
      idea: { authorName: s.authorA.user.name },
    });
  });

  it("ranks on per-reviewer normalised scores when asked", async () => {
    const body = await ranking(s.admin.cookie, { normalised: "true" });
    expect(body.items.map((i) => [i.idea.id, i.score, i.rawScore, i.normalisedScore])).toEqual([
      [ideas[0]!.id, 62.67, 74, 62.67],
      [ideas[1]!.id, 50, 73, 50],
      [ideas[2]!.id, null, null, null],
    ]);
  });

  it("is for the chair and the admin: a reviewer gets 403", async () => {
    expect((await get(s.r1.cookie, "/ranking")).status).toBe(403);
    expect((await get(s.asn.cookie, "/ranking")).status).toBe(403);
  });
});

/** The body as bytes (decoding as text drops the BOM), then as text and as parsed records. */
async function csvOf(res: Response) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return { bytes, text, rows: parsed.records.map((r) => r.cells) };
}

describe("GET /api/v1/campaigns/{id}/ranking.csv", () => {
  it("downloads UTF-8 CSV starting with a BOM, with Indonesian headers, that parses back", async () => {
    const res = await get(s.chair.cookie, "/ranking.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="peringkat-${s.campaign.id}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    const { bytes, text, rows } = await csvOf(res);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain("\r\n");
    expect(rows[0]!.slice(0, 7)).toEqual([
      "Peringkat",
      "ID Ide",
      "Judul",
      "Status",
      "Unit",
      "Pengusul",
      "Nilai Rata-rata",
    ]);
    expect(rows).toHaveLength(4);
    expect(rows[1]!.slice(0, 7)).toEqual([
      "1",
      String(ideas[0]!.id),
      'Posyandu "keliling", terpadu',
      "Dalam penilaian",
      "Bidang Aplikasi Informatika",
      s.authorA.user.name,
      "74",
    ]);
    expect(rows[1]![11]).toBe("Ya");
  });

  it("writes ; and decimal commas for Excel in Indonesian when asked", async () => {
    const { rows, text } = await csvOf(await get(s.chair.cookie, "/ranking.csv?separator=semicolon&normalised=true"));
    expect(text.split("\r\n")[0]).toContain("Peringkat;ID Ide;Judul");
    expect(rows[1]![7]).toBe("62,67");
  });

  it("is for the chair and the admin: a reviewer gets 403", async () => {
    expect((await get(s.r1.cookie, "/ranking.csv")).status).toBe(403);
  });
});

describe("GET /api/v1/campaigns/{id}/reviews.csv", () => {
  it("exports every assignment with the submitted scores per criterion, recommendation and private note", async () => {
    const res = await get(s.admin.cookie, "/reviews.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="ulasan-\d+-[\d-]+\.csv"$/);
    const { bytes, rows } = await csvOf(res);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows[0]).toEqual([
      "ID Ide",
      "Judul Ide",
      "Penilai",
      "Status Ulasan",
      "Tenggat",
      "Dikirim",
      "Kebaruan (1–5)",
      "Kemanfaatan (1–4)",
      "Nilai",
      "Rekomendasi",
      "Catatan",
    ]);
    expect(rows).toHaveLength(7);
    const r1 = rows.find((r) => r[0] === String(ideas[0]!.id) && r[2] === s.r1.user.name)!;
    expect([r1[3], r1[6], r1[7], r1[8], r1[9], r1[10]]).toEqual([
      "Terkirim",
      "5",
      "4",
      "100",
      "Setujui",
      "Sangat layak; data lengkap",
    ]);
    const pending = rows.find((r) => r[0] === String(ideas[2]!.id))!;
    expect([pending[3], pending[8]]).toEqual(["Belum dimulai", ""]);
  });

  it("is for the chair and the admin only (it holds private notes): a reviewer gets 403", async () => {
    expect((await get(s.r2.cookie, "/reviews.csv")).status).toBe(403);
  });
});

/** A second campaign of the agency with the same committee, so that decisions leave the ranking above alone. */
async function decisionCampaign(): Promise<TestCampaign> {
  const campaign = await competition(s.agency, "review");
  await seatOnCommittee(campaign, s.chair.user, "chair");
  await seatOnCommittee(campaign, s.r1.user, "reviewer");
  return campaign;
}

describe("decisions: POST /api/v1/ideas/{id}/transitions", () => {
  it("answers 403 to anyone but the chair: a committee reviewer, an admin", async () => {
    const idea = await insertIdea(await decisionCampaign(), s.asn.user, { status: "in_review" });
    for (const [cookie, action] of [
      [s.r1.cookie, "shortlist"],
      [s.r1.cookie, "approve"],
      [s.admin.cookie, "approve"],
      [s.asn.cookie, "reject"],
    ] as const) {
      const res = await transition(cookie, idea.id, action, "Alasan keputusan");
      expect(res.status).toBe(403);
      expect(await codeOf(res)).toBe("transition.not_permitted");
    }
    expect((await transition(s.chair.cookie, idea.id, "shortlist")).status).toBe(200);
  });

  it("tells a rejected idea's authors the reason", async () => {
    const idea = await insertIdea(await decisionCampaign(), s.authorB.user, { status: "in_review" });
    const reason = "Sudah ada layanan serupa di Dinas Kesehatan; silakan kembangkan bersama.";
    expect((await transition(s.chair.cookie, idea.id, "reject", reason)).status).toBe(200);
    const body = await bodyOf(await client(s.authorB.cookie).api.v1.ideas[":id"].$get(byId(idea.id)), 200);
    expect(body).toMatchObject({ status: "rejected", decisionReason: reason });
    expect(body.events.at(-1)).toMatchObject({ action: "reject", reason });
  });
});

describe("POST /api/v1/ideas/{id}/implementation", () => {
  it("marks an approved idea implemented with its report, in one step with its event", async () => {
    const idea = await insertIdea(await decisionCampaign(), s.authorA.user, { status: "in_review" });
    await setStatus(idea, "approved");
    const body = {
      implementedOn: new Date().toISOString().slice(0, 10),
      unitId: s.units.kominfo.id,
      summary: "Diterapkan di seluruh kelurahan sejak bulan ini; waktu layanan turun 60%.",
    };
    const post = (cookie: string) => api("POST", `/api/v1/ideas/${idea.id}/implementation`, { cookie, body });
    expect((await post(s.r1.cookie)).status).toBe(403);
    const res = await post(s.admin.cookie);
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toMatchObject({
      ideaId: idea.id,
      implementedOn: body.implementedOn,
      unit: { id: s.units.kominfo.id, name: "Dinas Komunikasi dan Informatika" },
      reportedBy: { id: s.admin.user.id },
    });
    const detail = await bodyOf(await client(s.asn.cookie).api.v1.ideas[":id"].$get(byId(idea.id)), 200);
    expect(detail.status).toBe("implemented");
    expect(detail.events.at(-1)?.action).toBe("implement");
    expect((await api("GET", `/api/v1/ideas/${idea.id}/implementation`, { cookie: s.asn.cookie })).status).toBe(200);
    const again = await post(s.chair.cookie);
    expect(again.status).toBe(409);
    expect(await codeOf(again)).toBe("transition.invalid_from_status");
  });

  it("answers 422 for a future date or a unit of another agency, and writes nothing", async () => {
    const idea = await insertIdea(await decisionCampaign(), s.authorA.user, { status: "approved" });
    const foreign = await createUnit(await createAgency());
    const res = await api("POST", `/api/v1/ideas/${idea.id}/implementation`, {
      cookie: s.chair.cookie,
      body: { implementedOn: "2999-01-01", unitId: foreign.id, summary: "Sudah berjalan di kecamatan." },
    });
    expect(res.status).toBe(422);
    expect((await fieldErrors(res)).map((e) => e.code)).toEqual([
      "implementation.date_in_future",
      "implementation.unit_unknown",
    ]);
    const row = await testDb.select({ status: ideaRows.status }).from(ideaRows).where(eq(ideaRows.id, idea.id)).get();
    expect(row?.status).toBe("approved");
  });
});
