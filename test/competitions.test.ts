import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { competitionEntries, guestReviewers, innovationProfiles, users } from "../src/db/schema";
import { OPEN_GATES, KIPP_GATES } from "../src/domain/eligibility";
import { cookieFrom, createPersonas, createUnit, createUser, type TestUser } from "./fixtures/builders";
import {
  closeRound,
  getCompetition,
  insertCompetition,
  insertEntry,
  insertOpenSheet,
  openRound,
  putCompetition,
  roundIds,
  score,
  sheetsOf,
  threeRounds,
  CHECKLIST,
} from "./fixtures/competitions";
import { bodyOf, byId, client } from "./fixtures/client";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import { competition, insertIdea } from "./fixtures/ideas";
import { insertProfile } from "./fixtures/innovation-profile";
import { linkIn, mailTo, runSchedulerWithMail } from "./fixtures/mail";

let p: Awaited<ReturnType<typeof createPersonas>>;
let author: TestUser;
beforeAll(async () => {
  p = await createPersonas();
  author = await createUser(await createUnit(p.agency), { name: "Dewi Anggraini" });
});

const enter = (cookie: string, campaignId: number, ideaId: number, group = "umum", operatingSince = "2020-01-01") =>
  api("POST", `/api/v1/campaigns/${campaignId}/entries`, { cookie, body: { ideaId, group, operatingSince } });

/** Invites an external reviewer, takes the invitation from the mail sink and accepts it: their session cookie. */
async function inviteAndAccept(email: string) {
  const invited = await client(p.admin.cookie).api.v1["guest-reviewers"].$post({
    json: { name: "Dr. Rina Siregar", email, institution: "Universitas Sumatera Utara", expertise: "Kebijakan publik" },
  });
  const guest = await bodyOf(invited, 201);
  await runSchedulerWithMail();
  const [mail] = await mailTo(email);
  expect(mail!.subject).toBe("Undangan penilai eksternal / Invitation to review");
  const token = new URL(linkIn(mail!, "https://gagas.test/aktivasi?token=")).searchParams.get("token")!;
  const res = await api("POST", "/api/v1/auth/activate", { body: { token, newPassword: "Penilai-Kampus-USU-25" } });
  expect(res.status).toBe(200);
  return { id: guest.id, cookie: cookieFrom(res) };
}

describe("a three-round competition, end to end", () => {
  it("screens, evaluates and hears the entries, and combines substance 70 % with presentation 30 %", async () => {
    const guest = await inviteAndAccept(`rina.${Date.now()}@usu.ac.id`);
    const campaign = await competition(p.agency, "review");
    const put = await putCompetition(p.admin.cookie, campaign, threeRounds([p.reviewer.user.id, guest.id]), OPEN_GATES);
    expect(put.status, await put.clone().text()).toBe(200);
    const ideas = [];
    for (const title of ["Antrean daring Puskesmas", "KTP keliling", "Izin usaha satu pintu"])
      ideas.push(await insertIdea(campaign, author, { status: "approved", title }));
    const entries = [];
    for (const idea of ideas) {
      const res = await client(p.admin.cookie).api.v1.campaigns[":id"].entries.$post({
        ...byId(campaign.id),
        json: { ideaId: idea.id, group: "umum", operatingSince: "2020-01-01" },
      });
      entries.push((await bodyOf(res, 201)).id);
    }
    const [a, b, c] = entries as [number, number, number];
    const [r1, r2, r3] = (await roundIds(campaign)) as [number, number, number];
    const cookieOf = (reviewerId: number) => (reviewerId === guest.id ? guest.cookie : p.reviewer.cookie);
    const scoreAll = async (
      roundId: number,
      sheets: Record<number, [Record<string, number>, Record<string, number>]>,
    ) => {
      for (const s of await sheetsOf(roundId)) {
        const [internal, external] = sheets[s.entryId]!;
        await score(cookieOf(s.reviewerId), s.id, s.reviewerId === guest.id ? external : internal);
      }
    };

    // 1. administrative screening, grade 100: the guest finds C's decree missing, (100 + 50) / 2 = 75
    expect((await openRound(p.admin.cookie, r1)).status).toBe(200);
    expect(await sheetsOf(r1)).toHaveLength(6);
    const pass = { proposal: 1, sk: 1 };
    await scoreAll(r1, { [a]: [pass, pass], [b]: [pass, pass], [c]: [pass, { proposal: 1, sk: 0 }] });
    const closed1 = await closeRound(p.admin.cookie, r1);
    expect(await closed1.json()).toMatchObject({ state: "closed", entries: 3, advanced: 2 });

    // 2. proposal evaluation, grade 85: A = (92 + 100) / 2 = 96, B = (80 + 92) / 2 = 86
    expect((await openRound(p.admin.cookie, r2)).status).toBe(200);
    expect(await sheetsOf(r2)).toHaveLength(4);
    await scoreAll(r2, {
      [a]: [
        { kebaruan: 5, efektivitas: 4 },
        { kebaruan: 5, efektivitas: 5 },
      ],
      [b]: [
        { kebaruan: 4, efektivitas: 4 },
        { kebaruan: 5, efektivitas: 4 },
      ],
    });
    expect(await (await closeRound(p.admin.cookie, r2)).json()).toMatchObject({ advanced: 2 });

    // 3. presentation and interview (scale 10): A = 80, B = (100 + 90) / 2 = 95
    expect((await openRound(p.admin.cookie, r3)).status).toBe(200);
    await scoreAll(r3, { [a]: [{ paparan: 8 }, { paparan: 8 }], [b]: [{ paparan: 10 }, { paparan: 9 }] });
    expect((await closeRound(p.admin.cookie, r3)).status).toBe(200);

    const view = await getCompetition(p.admin.cookie, campaign);
    expect(view.entries.find((e) => e.id === c)!.rounds).toEqual([
      { position: 1, outcome: "eliminated", score: 75, scheduledAt: null },
    ]);
    expect(view.finalRanking).toEqual([
      // 0.7 × 96 + 0.3 × 80 = 67.2 + 24 = 91.2
      { entryId: a, rank: 1, reached: 3, combined: 91.2, complete: true },
      // 0.7 × 86 + 0.3 × 95 = 60.2 + 28.5 = 88.7
      { entryId: b, rank: 2, reached: 3, combined: 88.7, complete: true },
      // out at the screening, which weighs nothing: no combined score
      { entryId: c, rank: 3, reached: 1, combined: null, complete: false },
    ]);
    expect(view.rounds[1]!.ranking.map((r) => [r.entryId, r.rawScore])).toEqual([
      [a, 96],
      [b, 86],
    ]);
  });

  it("refuses to change the rounds once one has opened (409 competition.started)", async () => {
    const campaign = await competition(p.agency, "review");
    const [r1] = await insertCompetition(campaign, threeRounds([p.reviewer.user.id]), OPEN_GATES);
    const idea = await insertIdea(campaign, author, { status: "approved" });
    await insertEntry(campaign, idea, p.admin.user);
    expect((await openRound(p.admin.cookie, r1!)).status).toBe(200);
    const res = await putCompetition(p.admin.cookie, campaign, threeRounds([p.reviewer.user.id]), OPEN_GATES);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "competition.started" });
  });

  it("does not close a round while a sheet is unsubmitted (409 round.incomplete)", async () => {
    const campaign = await competition(p.agency, "review");
    const [r1] = await insertCompetition(campaign, threeRounds([p.reviewer.user.id]), OPEN_GATES);
    await insertEntry(campaign, await insertIdea(campaign, author, { status: "approved" }), p.admin.user);
    await openRound(p.admin.cookie, r1!);
    const res = await closeRound(p.admin.cookie, r1!);
    expect(await res.json()).toMatchObject({ status: 409, code: "round.incomplete" });
  });

  it("never gives a colleague a sheet on their own team's innovation", async () => {
    const campaign = await competition(p.agency, "review");
    const [r1] = await insertCompetition(campaign, threeRounds([p.reviewer.user.id]), OPEN_GATES);
    await insertEntry(campaign, await insertIdea(campaign, p.reviewer.user, { status: "approved" }), p.admin.user);
    await insertEntry(campaign, await insertIdea(campaign, author, { status: "approved" }), p.admin.user);
    await openRound(p.admin.cookie, r1!);
    expect(await sheetsOf(r1!)).toHaveLength(1);
  });
});

describe("eligibility gates", () => {
  async function gated(gates = KIPP_GATES) {
    const campaign = await competition(p.agency, "review");
    await insertCompetition(campaign, threeRounds([p.reviewer.user.id]), gates);
    return campaign;
  }

  it("tells the entrant each failed gate in Bahasa Indonesia before anything is written", async () => {
    const campaign = await gated();
    const idea = await insertIdea(campaign, author, { status: "in_review" });
    const body = { ideaId: idea.id, group: "umum" as const, operatingSince: "2025-06-01" };
    const check = await client(p.admin.cookie).api.v1.campaigns[":id"].entries.check.$post({
      ...byId(campaign.id),
      json: body,
    });
    const verdicts = await bodyOf(check, 200);
    expect(verdicts.eligible).toBe(false);
    expect(verdicts.gates.filter((g) => !g.ok).map((g) => g.gate)).toEqual(["status", "min_years"]);

    const res = await api("POST", `/api/v1/campaigns/${campaign.id}/entries`, { cookie: p.admin.cookie, body });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      code: "entry.gates_failed",
      errors: [
        {
          path: "gates.status",
          code: "entry.gate_status",
          message: "Hanya ide yang sudah disetujui atau terlaksana yang dapat didaftarkan.",
        },
        { path: "gates.min_years", code: "entry.gate_min_years", message: expect.stringContaining("minimal 2 tahun") },
      ],
    });
    expect(await testDb.$count(competitionEntries, eq(competitionEntries.campaignId, campaign.id))).toBe(0);
  });

  it("lets a one-year replication in, and holds each unit to its quota", async () => {
    const campaign = await gated({ ...KIPP_GATES, quotaPerUnit: { umum: 1, replikasi: 5, khusus: null } });
    const original = await insertIdea(await competition(p.otherAgency, "review"), await createUser(p.otherUnit), {
      status: "implemented",
    });
    const replication = await insertIdea(campaign, author, { status: "approved", replicatesId: original.id });
    const oneYear = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
    expect((await enter(p.admin.cookie, campaign.id, replication.id, "replikasi", oneYear)).status).toBe(201);

    expect(
      (await enter(p.admin.cookie, campaign.id, (await insertIdea(campaign, author, { status: "approved" })).id))
        .status,
    ).toBe(201);
    const second = await enter(
      p.admin.cookie,
      campaign.id,
      (await insertIdea(campaign, author, { status: "approved" })).id,
    );
    expect(await second.json()).toMatchObject({
      errors: [{ path: "gates.quota", message: "Kuota unit untuk kelompok umum sudah penuh (1 inovasi)." }],
    });
  });

  it("enters an innovation once a year, whichever competition", async () => {
    const first = await gated();
    const idea = await insertIdea(first, author, { status: "approved" });
    expect((await enter(p.admin.cookie, first.id, idea.id)).status).toBe(201);
    const again = await enter(p.admin.cookie, first.id, idea.id);
    expect(await again.json()).toMatchObject({ status: 409, code: "entry.exists" });
    const other = await enter(p.admin.cookie, (await gated()).id, idea.id);
    expect(await other.json()).toMatchObject({ errors: [{ path: "gates.one_per_year" }] });
  });

  it("locks the innovation profile with the entry, and leaves it open when the entry is refused", async () => {
    const campaign = await gated({ ...KIPP_GATES, quotaPerUnit: { umum: 1, replikasi: 5, khusus: null } });
    const lockedAt = async (ideaId: number) =>
      (
        await testDb
          .select({ at: innovationProfiles.lockedAt })
          .from(innovationProfiles)
          .where(eq(innovationProfiles.ideaId, ideaId))
          .get()
      )?.at ?? null;
    const entered = await insertIdea(campaign, author, { status: "approved" });
    await insertProfile({ id: entered.id, agencyId: p.agency.id }, author);
    expect((await enter(p.admin.cookie, campaign.id, entered.id)).status).toBe(201);
    expect(await lockedAt(entered.id)).toEqual(expect.any(Number));
    // the unit's quota is taken: the entry is refused, and its profile stays editable
    const refused = await insertIdea(campaign, author, { status: "approved" });
    await insertProfile({ id: refused.id, agencyId: p.agency.id }, author);
    expect((await enter(p.admin.cookie, campaign.id, refused.id)).status).toBe(422);
    expect(await lockedAt(refused.id)).toBeNull();
  });

  it("lets the innovation's own team enter it, and no other colleague", async () => {
    const campaign = await gated(OPEN_GATES);
    const idea = await insertIdea(campaign, p.asn.user, { status: "approved" });
    expect((await enter(p.leader.cookie, campaign.id, idea.id)).status).toBe(403);
    expect((await enter(p.asn.cookie, campaign.id, idea.id)).status).toBe(201);
  });
});

describe("external reviewers", () => {
  it("holds a guest account with no NIP, and the guest reaches only their assignments", async () => {
    const email = `ahmad.${Date.now()}@unimal.ac.id`;
    const guest = await inviteAndAccept(email);
    const row = await testDb
      .select({ nip: users.nip, roles: users.roles, institution: guestReviewers.institution })
      .from(users)
      .innerJoin(guestReviewers, eq(guestReviewers.userId, users.id))
      .where(eq(users.id, guest.id))
      .get();
    expect(row).toMatchObject({ roles: "guest", institution: "Universitas Sumatera Utara" });
    expect(row!.nip).toMatch(/^TAMU\d{14}$/);

    for (const path of [
      "/api/v1/ideas",
      "/api/v1/campaigns",
      "/api/v1/people?q=a",
      "/api/v1/units",
      "/api/v1/reviews/mine",
      "/api/v1/me/home",
    ]) {
      const res = await api("GET", path, { cookie: guest.cookie });
      expect(await res.json(), path).toMatchObject({ status: 403, code: "guest.forbidden" });
    }
    const mine = await api("GET", "/api/v1/round-assignments", { cookie: guest.cookie });
    expect(await mine.json()).toEqual({ items: [] });
  });

  it("scores blind, only after declaring no conflict; a declared conflict takes the sheet out", async () => {
    const guest = await inviteAndAccept(`blind.${Date.now()}@unib.ac.id`);
    const campaign = await competition(p.agency, "review");
    const [r1] = await insertCompetition(
      campaign,
      [
        {
          name: "Seleksi administrasi",
          kind: "checklist",
          weight: 100,
          advance: { mode: "all" },
          items: CHECKLIST,
          memberIds: [guest.id, p.reviewer.user.id],
        },
      ],
      OPEN_GATES,
    );
    const idea = await insertIdea(campaign, author, {
      status: "approved",
      problem: "Usulan Dewi Anggraini untuk antrean.",
    });
    const entry = await insertEntry(campaign, idea, p.admin.user);
    await openRound(p.admin.cookie, r1!);
    const [sheet] = (await sheetsOf(r1!)).filter((s) => s.reviewerId === guest.id);

    const read = await api("GET", `/api/v1/round-assignments/${sheet!.id}`, { cookie: guest.cookie });
    const text = await read.text();
    expect(text).not.toContain("Dewi Anggraini");
    expect(JSON.parse(text)).toMatchObject({
      idea: { team: null, unitName: null, problem: "Usulan Tim pengusul untuk antrean." },
      conflict: "undeclared",
    });

    const early = await api("PUT", `/api/v1/round-assignments/${sheet!.id}`, {
      cookie: guest.cookie,
      body: { scores: { proposal: 1 } },
    });
    expect(await early.json()).toMatchObject({ status: 409, code: "round.conflict_undeclared" });
    // the internal reviewer cannot read the guest's sheet
    expect((await api("GET", `/api/v1/round-assignments/${sheet!.id}`, { cookie: p.reviewer.cookie })).status).toBe(
      403,
    );

    const declared = await api("PUT", `/api/v1/round-assignments/${sheet!.id}/conflict`, {
      cookie: guest.cookie,
      body: { conflict: true, reason: "Pernah menjadi konsultan inovasi ini" },
    });
    expect(await declared.json()).toMatchObject({ conflict: "conflict" });
    const [internal] = (await sheetsOf(r1!)).filter((s) => s.reviewerId === p.reviewer.user.id);
    await score(p.reviewer.cookie, internal!.id, { proposal: 1, sk: 1 });
    expect((await closeRound(p.admin.cookie, r1!)).status).toBe(200);
    const view = await getCompetition(p.admin.cookie, campaign);
    expect(view.entries.find((e) => e.id === entry.id)!.rounds[0]).toMatchObject({ outcome: "advanced", score: 100 });
  });

  it("answers 409 user.email_taken when the address has an account", async () => {
    const res = await api("POST", "/api/v1/guest-reviewers", {
      cookie: p.admin.cookie,
      body: { name: "Siapa Saja", email: p.asn.user.email, institution: "Universitas Malikussaleh" },
    });
    expect(await res.json()).toMatchObject({ status: 409, code: "user.email_taken" });
  });

  it("keeps a sheet in an open round its own: another guest's sheet is refused", async () => {
    const campaign = await competition(p.agency, "review");
    const [r1] = await insertCompetition(campaign, threeRounds([p.guest_reviewer.user.id]), OPEN_GATES);
    const entry = await insertEntry(campaign, await insertIdea(campaign, author, { status: "approved" }), p.admin.user);
    const sheet = await insertOpenSheet(r1!, entry, p.guest_reviewer.user);
    expect(
      (await api("GET", `/api/v1/round-assignments/${sheet.id}`, { cookie: p.guest_reviewer.cookie })).status,
    ).toBe(200);
    const other = await inviteAndAccept(`lain.${Date.now()}@unsri.ac.id`);
    expect((await api("GET", `/api/v1/round-assignments/${sheet.id}`, { cookie: other.cookie })).status).toBe(403);
  });
});
