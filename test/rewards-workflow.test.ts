/**
 * What the idea workflow earns, through the API: points in the same batch as the step, once per
 * cause, reversed by withdrawal and merge, with totals that always equal the ledger.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb, runBatch, statementsOf } from "../src/db/client";
import { transitionStatements } from "../src/db/queries/idea-workflow.queries";
import { ideaMovedTo, MAX_PARAMETERS, parametersOf, rewardStatements } from "../src/db/queries/rewards.queries";
import { periodsFor } from "../src/domain/reward-periods";
import { DEFAULT_TIME_ZONE } from "../src/domain/time-zone";
import { ideaAuthors, ideas } from "../src/db/schema";
import { createAgency, createPersonas, createUnit, createUser, signIn, type TestUser } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import { COMPLETE_IDEA, insertIdea, openCampaign, seatOnCommittee, transition } from "./fixtures/ideas";
import { badgesOf, expectTotalsMatchLedger, foldTotals, ledgerOf, totalOf } from "./fixtures/rewards";
import { bodyOf, client } from "./fixtures/client";

let p: Awaited<ReturnType<typeof createPersonas>>;

beforeAll(async () => {
  p = await createPersonas();
});

/** `userId` on the idea's team as an accepted co-author, as accepting the invitation leaves it. */
const acceptCoauthor = (ideaId: number, userId: number) =>
  testDb.insert(ideaAuthors).values({ ideaId, userId, role: "coauthor", invitedAt: 1, acceptedAt: 1 });

/** A draft through the API with accepted co-authors (the team) added directly. */
async function draftWithTeam(author: { cookie: string }, coauthors: TestUser[] = []) {
  const { id } = await bodyOf(await client(author.cookie).api.v1.ideas.$post({ json: COMPLETE_IDEA }), 201);
  for (const c of coauthors) {
    await acceptCoauthor(id, c.id);
  }
  return id;
}

const status = async (id: number) =>
  (await testDb.select({ status: ideas.status }).from(ideas).where(eq(ideas.id, id)).get())!.status;

describe("POST /api/v1/ideas/{id}/transitions rewards", () => {
  it("pays the author and each accepted co-author once for a submission; retrying the step changes nothing", async () => {
    const unit = await createUnit(p.agency);
    const author = await createUser(unit);
    const coauthor = await createUser(p.unit);
    const cookie = await signIn(author);
    const id = await draftWithTeam({ cookie }, [coauthor]);

    expect((await transition(cookie, id, "submit")).status).toBe(200);
    const [row] = await ledgerOf(author.id);
    expect(row).toMatchObject({
      points: 10,
      event_type: "idea_submitted",
      rule_key: "idea_submitted",
      subject_type: "idea",
      subject_id: id,
      idempotency_key: `idea:${id}:submit:idea_submitted:user:${author.id}`,
      unit_id: unit.id,
    });
    expect((await ledgerOf(coauthor.id)).map((r) => r.points)).toEqual([10]);
    expect(await badgesOf(author.id)).toEqual(["ide_pertama"]);

    const retry = await transition(cookie, id, "submit");
    expect(retry.status).toBe(409);
    expect(await ledgerOf(author.id)).toHaveLength(1);
    for (const period of periodsFor(Date.now(), DEFAULT_TIME_ZONE))
      expect(await totalOf(p.agency.id, "user", author.id, period)).toBe(10);
    expect(await totalOf(p.agency.id, "unit", unit.id)).toBe(10);
    await expectTotalsMatchLedger(p.agency.id);
  });

  it("reverses the submission points when the author withdraws: every period back to 0", async () => {
    const author = await createUser(p.unit);
    const cookie = await signIn(author);
    const id = await draftWithTeam({ cookie });
    await transition(cookie, id, "submit");
    expect((await transition(cookie, id, "withdraw", "Sudah ada program serupa")).status).toBe(200);

    const rows = await ledgerOf(author.id);
    expect(rows.map((r) => [r.points, r.event_type, r.idempotency_key])).toEqual([
      [10, "idea_submitted", `idea:${id}:submit:idea_submitted:user:${author.id}`],
      [-10, "idea_withdrawn", `idea:${id}:submit:idea_submitted:user:${author.id}:rev:1`],
    ]);
    expect(rows[1]!.day).toBe(rows[0]!.day);
    for (const period of periodsFor(Date.now(), DEFAULT_TIME_ZONE))
      expect(await totalOf(p.agency.id, "user", author.id, period)).toBe(0);
    await expectTotalsMatchLedger(p.agency.id);
  });

  it("withdrawing a draft earns and reverses nothing", async () => {
    const author = await createUser(p.unit);
    const cookie = await signIn(author);
    const id = await draftWithTeam({ cookie });
    expect((await transition(cookie, id, "withdraw", "Belum matang")).status).toBe(200);
    expect(await ledgerOf(author.id)).toEqual([]);
  });

  it("pays the team for shortlisting, approval and implementation, with Terpilih, Tim Hebat and Diterapkan", async () => {
    const campaign = await openCampaign(p.agency);
    const chair = await createUser(p.unit, { roles: ["asn", "reviewer"] });
    await seatOnCommittee(campaign, chair, "chair");
    const chairCookie = await signIn(chair);
    const author = await createUser(p.unit);
    const partner = await createUser(p.unit);
    const idea = await insertIdea(campaign, author, { status: "in_review" });
    await acceptCoauthor(idea.id, partner.id);

    expect((await transition(chairCookie, idea.id, "shortlist")).status).toBe(200);
    expect((await transition(chairCookie, idea.id, "approve")).status).toBe(200);
    expect((await transition(p.admin.cookie, idea.id, "implement")).status).toBe(200);

    for (const member of [author, partner]) {
      expect((await ledgerOf(member.id)).map((r) => [r.rule_key, r.points])).toEqual([
        ["idea_shortlisted", 25],
        ["idea_approved", 50],
        ["idea_implemented", 100],
      ]);
      expect(await badgesOf(member.id)).toEqual(["diterapkan", "terpilih", "tim_hebat"]);
    }
    expect(await ledgerOf(chair.id)).toEqual([]);
    await expectTotalsMatchLedger(p.agency.id);
  });

  it("takes back what a merged duplicate earned for its submission; the survivor keeps its own", async () => {
    const a = await createUser(p.unit);
    const b = await createUser(p.unit);
    const [cookieA, cookieB] = [await signIn(a), await signIn(b)];
    const survivor = await draftWithTeam({ cookie: cookieA });
    const duplicate = await draftWithTeam({ cookie: cookieB });
    await transition(cookieA, survivor, "submit");
    await transition(cookieB, duplicate, "submit");

    const res = await api("POST", `/api/v1/ideas/${duplicate}/merge`, {
      cookie: p.admin.cookie,
      body: { intoId: survivor, reason: "Ide yang sama" },
    });
    expect(res.status).toBe(200);
    expect((await ledgerOf(b.id)).map((r) => [r.points, r.event_type])).toEqual([
      [10, "idea_submitted"],
      [-10, "idea_merged"],
    ]);
    expect(await totalOf(p.agency.id, "user", b.id)).toBe(0);
    expect(await totalOf(p.agency.id, "user", a.id)).toBe(10);
    await expectTotalsMatchLedger(p.agency.id);
  });

  it("pays the original's team in the other agency when a replica is submitted, and takes it back on withdrawal", async () => {
    const home = await createAgency("Pemerintah Kota Asal");
    const homeUnit = await createUnit(home);
    const inventor = await createUser(homeUnit);
    const original = await insertIdea(await openCampaign(home), inventor, {
      status: "implemented",
      decidedAt: Date.now(),
    });
    const adopter = await createUser(p.unit);
    const cookie = await signIn(adopter);
    const res = await client(cookie).api.v1.ideas.$post({ json: { ...COMPLETE_IDEA, replicatesId: original.id } });
    const { id } = await bodyOf(res, 201);

    expect((await transition(cookie, id, "submit")).status).toBe(200);
    expect((await ledgerOf(inventor.id)).map((r) => [r.rule_key, r.points, r.subject_id])).toEqual([
      ["idea_replicated", 40, original.id],
    ]);
    expect(await badgesOf(inventor.id)).toEqual(["direplikasi"]);
    expect(await totalOf(home.id, "user", inventor.id)).toBe(40);

    await transition(cookie, id, "withdraw", "Tidak jadi diadopsi");
    expect(await totalOf(home.id, "user", inventor.id)).toBe(0);
    await expectTotalsMatchLedger(home.id);
    await expectTotalsMatchLedger(p.agency.id);
  });
});

describe("reward statements in the action's batch", () => {
  it("leave neither the step nor its points when one statement of the batch fails", async () => {
    const db = createDb(env.DB);
    const author = await createUser(p.unit);
    const cookie = await signIn(author);
    const id = await draftWithTeam({ cookie });
    const now = Date.now();
    const idea = { id, agencyId: p.agency.id, replicatesId: null };
    const statements = [
      ...statementsOf(
        transitionStatements(db, {
          idea,
          action: "submit",
          from: "draft",
          to: "submitted",
          actorId: author.id,
          reason: null,
          now,
        }),
      ),
      ...(await rewardStatements(
        db,
        { type: "idea_submitted", agencyId: p.agency.id, actorId: author.id, at: now, ideaId: id },
        { when: ideaMovedTo(id, "submitted", now) },
      )),
    ];
    // the CHECK ideas_counts refuses a negative vote count: the whole batch must roll back
    await expect(
      runBatch(db, [...statements, db.update(ideas).set({ voteCount: -1 }).where(eq(ideas.id, id))]),
    ).rejects.toThrow();
    expect(await status(id)).toBe("draft");
    expect(await ledgerOf(author.id)).toEqual([]);
    expect(await totalOf(p.agency.id, "user", author.id)).toBe(0);
    expect(await badgesOf(author.id)).toEqual([]);
  });

  it("through the API: a failing ledger write leaves the idea a draft and the ledger empty", async () => {
    const agency = await createAgency();
    const unit = await createUnit(agency);
    const author = await createUser(unit);
    const cookie = await signIn(author);
    const id = await draftWithTeam({ cookie });
    // a trigger is how D1 can be made to refuse one table's writes: raw SQL is the point here
    await env.DB.prepare(
      `CREATE TRIGGER fail_ledger_${agency.id} BEFORE INSERT ON point_ledger WHEN NEW.agency_id = ${agency.id}
       BEGIN SELECT RAISE(ABORT, 'ledger unavailable'); END`,
    ).run();
    try {
      expect((await transition(cookie, id, "submit")).status).toBe(500);
    } finally {
      await env.DB.prepare(`DROP TRIGGER fail_ledger_${agency.id}`).run();
    }
    expect(await status(id)).toBe("draft");
    expect(await ledgerOf(author.id)).toEqual([]);
    expect((await transition(cookie, id, "submit")).status).toBe(200);
    expect(await totalOf(agency.id, "user", author.id)).toBe(10);
  });

  it("through the API: the submitter's own points count at once, before the scheduler folds them", async () => {
    const agency = await createAgency();
    const author = await createUser(await createUnit(agency));
    const cookie = await signIn(author);
    const id = await draftWithTeam({ cookie });
    const submittedAt = Date.now();
    expect((await transition(cookie, id, "submit")).status).toBe(200);
    const rewardsOfMine = async () => bodyOf(await client(cookie).api.v1.rewards.me.$get(), 200);
    const monthBoard = async () =>
      bodyOf(await client(cookie).api.v1.leaderboards.$get({ query: { period: "month" } }), 200);
    const me = await rewardsOfMine();
    expect(me.points).toMatchObject({ all: 10, month: 10 });
    // the leaderboard holds what the scheduler folded, and says until when
    const board = await monthBoard();
    expect(board.items.find((r) => r.user?.id === author.id)).toBeUndefined();
    expect(Date.parse(board.asOf)).toBeLessThanOrEqual(Date.now());
    await foldTotals();
    const folded = await monthBoard();
    expect(folded.items.find((r) => r.user?.id === author.id)?.points).toBe(10);
    expect(Date.parse(folded.asOf)).toBeGreaterThanOrEqual(submittedAt);
    const again = await rewardsOfMine();
    expect(again.points).toEqual(me.points);
  });

  it("pays once when two requests for the same cause race (both read before either writes)", async () => {
    const db = createDb(env.DB);
    const author = await createUser(p.unit);
    const idea = await insertIdea(await openCampaign(p.agency), author, { status: "approved" });
    const event = (at: number) =>
      ({ type: "idea_implemented", agencyId: p.agency.id, actorId: p.admin.user.id, at, ideaId: idea.id }) as const;
    const first = await rewardStatements(db, event(Date.now()));
    const second = await rewardStatements(db, event(Date.now() + 1));
    await runBatch(db, first);
    await runBatch(db, second);
    expect((await ledgerOf(author.id)).map((r) => r.points)).toEqual([100]);
    expect(await totalOf(p.agency.id, "user", author.id)).toBe(100);
    await expectTotalsMatchLedger(p.agency.id);
  });

  it("keeps every statement within D1's 100 bound parameters for a large team", async () => {
    const db = createDb(env.DB);
    const team = await Promise.all(Array.from({ length: 12 }, () => createUser(p.unit)));
    const idea = await insertIdea(await openCampaign(p.agency), team[0]!, { status: "shortlisted" });
    for (const member of team.slice(1)) {
      await acceptCoauthor(idea.id, member.id);
    }
    const now = Date.now();
    const statements = await rewardStatements(db, {
      type: "idea_approved",
      agencyId: p.agency.id,
      actorId: null,
      at: now,
      ideaId: idea.id,
    });
    expect(statements.length).toBeGreaterThan(2);
    for (const s of statements) expect(parametersOf(s)).toBeLessThanOrEqual(MAX_PARAMETERS);
    await runBatch(db, statements);
    for (const member of team) expect(await totalOf(p.agency.id, "user", member.id)).toBe(50);
    expect(await totalOf(p.agency.id, "unit", p.unit.id, periodsFor(now, DEFAULT_TIME_ZONE)[3])).toBeGreaterThanOrEqual(
      600,
    );
    await expectTotalsMatchLedger(p.agency.id);
  });
});
