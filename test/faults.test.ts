/**
 * Faults: a write that fails part-way leaves nothing behind (a statement deep inside the batch is
 * made to fail with a temporary trigger), and a retried request — the same vote, the same step, the
 * same reward — changes nothing twice, even when the two copies arrive together.
 */
import { env } from "cloudflare:test";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { changesOf, createDb, runBatch, runNamedBatch } from "../src/db/client";
import { transitionStatements } from "../src/db/queries/idea-workflow.queries";
import { rewardStatements } from "../src/db/queries/rewards.queries";
import {
  comments,
  follows,
  ideaAuthors,
  ideaEvents,
  ideas,
  jobWatermarks,
  pointLedger,
  pointTotals,
  votes,
} from "../src/db/schema";
import { createPersonas, type Persona, type TestAgency } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { bodyOf, byId, client } from "./fixtures/client";
import { api } from "./fixtures/http";
import { COMPLETE_IDEA, competition, insertIdea, openCampaign, transition } from "./fixtures/ideas";
import { expectTotalsMatchLedger, foldTotals } from "./fixtures/rewards";
import { runScheduler } from "./fixtures/scheduler";
import { ideaCounts } from "./fixtures/voting";

let agency: TestAgency;
let asn: Persona;
let colleague: Persona;

beforeAll(async () => {
  const fx = await createPersonas();
  agency = fx.agency;
  asn = fx.asn;
  // the leader persona is an ASN too: here, simply a colleague who votes
  colleague = fx.leader;
});

let triggers = 0;

/**
 * Runs `work` while every `event` on `table` of this agency's rows fails, as a full disk or a
 * constraint added by a bad migration would, then removes the trigger.
 * @example await whileFailing("INSERT", "point_ledger", `NEW.agency_id = ${agency.id}`, () => submit())
 */
async function whileFailing<T>(event: string, table: string, when: string, work: () => Promise<T>): Promise<T> {
  const name = `simulated_fault_${++triggers}`;
  // raw D1 on purpose: a trigger is DDL, which drizzle's builders do not write
  await env.DB.prepare(
    `CREATE TRIGGER ${name} BEFORE ${event} ON ${table} WHEN ${when} BEGIN SELECT RAISE(ABORT, 'simulated fault'); END`,
  ).run();
  try {
    return await work();
  } finally {
    await env.DB.prepare(`DROP TRIGGER ${name}`).run();
  }
}

/** What an idea has in D1: its row, history, team, followers, and the points it earned anyone. */
async function footprint(ideaId: number) {
  return testDb
    .select({
      status: ideas.status,
      listed: ideas.listed,
      submittedAt: ideas.submittedAt,
      voteCount: ideas.voteCount,
      commentCount: ideas.commentCount,
      hot: ideas.hot,
      events: testDb.$count(ideaEvents, eq(ideaEvents.ideaId, ideas.id)),
      votes: testDb.$count(votes, eq(votes.ideaId, ideas.id)),
      comments: testDb.$count(comments, eq(comments.ideaId, ideas.id)),
      ledger: testDb.$count(pointLedger, and(eq(pointLedger.subjectType, "idea"), eq(pointLedger.subjectId, ideas.id))),
    })
    .from(ideas)
    .where(eq(ideas.id, ideaId))
    .get();
}

/** A person's all-time points once the scheduler has folded the ledger. */
async function pointsOf(userId: number) {
  await foldTotals();
  const row = await testDb
    .select({ p: sql<number>`total(${pointTotals.allPoints})` })
    .from(pointTotals)
    .where(and(eq(pointTotals.subjectType, "user"), eq(pointTotals.subjectId, userId)))
    .get();
  return row!.p;
}

/** A 500 that says only that something went wrong: no SQL, no trigger, no stack. */
async function expectInternalProblem(res: Response) {
  expect(res.status).toBe(500);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const text = await res.text();
  expect(JSON.parse(text)).toMatchObject({ status: 500, code: "internal" });
  expect(text).not.toMatch(/simulated|trigger|sqlite|INSERT|UPDATE/i);
}

async function completeDraft() {
  return insertIdea(await openCampaign(agency), asn.user, { status: "draft" });
}

describe("a write that fails part-way leaves nothing behind", () => {
  it.each([
    ["the history row", "INSERT", "idea_events"],
    ["the ledger row", "INSERT", "point_ledger"],
  ])(
    "POST /api/v1/ideas/{id}/transitions (submit) failing at %s: still a draft, no event, no points",
    async (_, event, table) => {
      const draft = await completeDraft();
      const before = await footprint(draft.id);
      const points = await pointsOf(asn.user.id);
      const res = await whileFailing(event, table, `NEW.agency_id = ${agency.id}`, () =>
        transition(asn.cookie, draft.id, "submit"),
      );
      await expectInternalProblem(res);
      expect(await footprint(draft.id)).toEqual(before);
      expect(await pointsOf(asn.user.id)).toBe(points);

      // once the fault is gone the same request goes through, once
      expect((await transition(asn.cookie, draft.id, "submit")).status).toBe(200);
      expect(await footprint(draft.id)).toMatchObject({ status: "submitted", events: 1, ledger: 1 });
      await expectTotalsMatchLedger(agency.id);
    },
  );

  it("POST /api/v1/ideas failing at its history row: no idea, no team, no follower", async () => {
    const title = `Ide yang gagal disimpan ${Date.now()}`;
    const ofAgency = testDb.select({ id: ideas.id }).from(ideas).where(eq(ideas.agencyId, agency.id));
    const tables = async () => ({
      ideas: await testDb.$count(ideas, eq(ideas.agencyId, agency.id)),
      team: await testDb.$count(ideaAuthors, inArray(ideaAuthors.ideaId, ofAgency)),
      follows: await testDb.$count(follows, inArray(follows.ideaId, ofAgency)),
    });
    const before = await tables();
    const res = await whileFailing("INSERT", "idea_events", `NEW.agency_id = ${agency.id}`, () =>
      api("POST", "/api/v1/ideas", { cookie: asn.cookie, body: { ...COMPLETE_IDEA, title } }),
    );
    await expectInternalProblem(res);
    expect(await tables()).toEqual(before);
    expect(await testDb.select({ id: ideas.id }).from(ideas).where(eq(ideas.title, title)).get()).toBeUndefined();
  });

  it("PUT /api/v1/ideas/{id}/vote failing at the count: no vote row, count and hot score unchanged", async () => {
    const campaign = await competition(agency, "voting");
    const idea = await insertIdea(campaign, asn.user);
    const before = await footprint(idea.id);
    const res = await whileFailing("UPDATE OF vote_count", "ideas", `NEW.id = ${idea.id}`, () =>
      api("PUT", `/api/v1/ideas/${idea.id}/vote`, { cookie: colleague.cookie }),
    );
    await expectInternalProblem(res);
    expect(await footprint(idea.id)).toEqual(before);
    // and the vote it did not cast is not spent from the budget
    const mine = await api("GET", `/api/v1/campaigns/${campaign.id}/my-votes`, { cookie: colleague.cookie });
    expect(await mine.json()).toMatchObject({ ideaIds: [] });
  });

  it.each([["the ledger row", "point_ledger"]])(
    "PUT /api/v1/ideas/{id}/vote failing at %s: no vote, no count, no points for voter or author",
    async (_, table) => {
      const idea = await insertIdea(await competition(agency, "voting"), asn.user);
      const before = await footprint(idea.id);
      const points = [await pointsOf(colleague.user.id), await pointsOf(asn.user.id)];
      const res = await whileFailing("INSERT", table, `NEW.agency_id = ${agency.id}`, () =>
        api("PUT", `/api/v1/ideas/${idea.id}/vote`, { cookie: colleague.cookie }),
      );
      await expectInternalProblem(res);
      expect(await footprint(idea.id)).toEqual(before);
      expect(await ideaCounts(idea.id)).toMatchObject({ voteCount: 0, voteRows: 0 });
      expect([await pointsOf(colleague.user.id), await pointsOf(asn.user.id)]).toEqual(points);

      // once the fault is gone the same vote goes through and pays both, once
      expect((await api("PUT", `/api/v1/ideas/${idea.id}/vote`, { cookie: colleague.cookie })).status).toBe(200);
      expect(await pointsOf(asn.user.id)).toBeGreaterThan(points[1]!);
      await expectTotalsMatchLedger(agency.id);
    },
  );

  it("the scheduler's fold failing at the running totals: the vote stands, its points stay on the ledger and are folded once later", async () => {
    const idea = await insertIdea(await competition(agency, "voting"), asn.user);
    const points = [await pointsOf(colleague.user.id), await pointsOf(asn.user.id)];
    expect((await api("PUT", `/api/v1/ideas/${idea.id}/vote`, { cookie: colleague.cookie })).status).toBe(200);
    const watermark = () =>
      testDb
        .select({ lastId: jobWatermarks.lastId })
        .from(jobWatermarks)
        .where(eq(jobWatermarks.name, "point_totals"))
        .get();
    const before = await watermark();
    await whileFailing("INSERT", "point_totals", `NEW.agency_id = ${agency.id}`, async () => {
      await expect(foldTotals()).rejects.toThrow();
      await runScheduler();
    });
    // nothing folded, the watermark where it was; the ledger holds the vote's points
    expect(await watermark()).toEqual(before);
    expect(await ideaCounts(idea.id)).toMatchObject({ voteCount: 1, voteRows: 1 });
    // a person's own points are exact meanwhile: the folded totals plus their rows past the watermark
    const mine = await bodyOf(await client(colleague.cookie).api.v1.rewards.me.$get(), 200);
    expect(mine.points.all).toBeGreaterThan(points[0]!);
    // once the fault is gone the next fold adds each row once
    expect(await pointsOf(colleague.user.id)).toBe(mine.points.all);
    expect(await pointsOf(asn.user.id)).toBeGreaterThan(points[1]!);
    await runScheduler();
    expect(await pointsOf(colleague.user.id)).toBe(mine.points.all);
    await expectTotalsMatchLedger(agency.id);
  });

  it("DELETE /api/v1/ideas/{id}/vote failing at the count: the vote stays, counted once", async () => {
    const idea = await insertIdea(await competition(agency, "voting"), asn.user);
    expect((await api("PUT", `/api/v1/ideas/${idea.id}/vote`, { cookie: colleague.cookie })).status).toBe(200);
    const res = await whileFailing("UPDATE OF vote_count", "ideas", `NEW.id = ${idea.id}`, () =>
      api("DELETE", `/api/v1/ideas/${idea.id}/vote`, { cookie: colleague.cookie }),
    );
    await expectInternalProblem(res);
    expect(await ideaCounts(idea.id)).toMatchObject({ voteCount: 1, voteRows: 1 });
  });

  it("POST /api/v1/ideas/{id}/comments failing at the count: no comment", async () => {
    const idea = await insertIdea(await openCampaign(agency), asn.user);
    const before = await footprint(idea.id);
    const res = await whileFailing("UPDATE OF comment_count", "ideas", `NEW.id = ${idea.id}`, () =>
      api("POST", `/api/v1/ideas/${idea.id}/comments`, {
        cookie: colleague.cookie,
        body: { body: "Komentar yang tidak pernah tersimpan." },
      }),
    );
    await expectInternalProblem(res);
    expect(await footprint(idea.id)).toEqual(before);
  });
});

describe("a retried request changes nothing twice", () => {
  it("PUT /api/v1/ideas/{id}/vote twice, one after the other and both at once, is one vote", async () => {
    const campaign = await competition(agency, "voting");
    const [a, b] = [await insertIdea(campaign, asn.user), await insertIdea(campaign, asn.user)];
    const vote = (id: number) => api("PUT", `/api/v1/ideas/${id}/vote`, { cookie: colleague.cookie });
    expect([(await vote(a.id)).status, (await vote(a.id)).status]).toEqual([200, 200]);
    const together = await Promise.all([vote(b.id), vote(b.id), vote(b.id)]);
    expect(together.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const idea of [a, b]) expect(await ideaCounts(idea.id)).toMatchObject({ voteCount: 1, voteRows: 1 });
    const mine = await bodyOf(
      await client(colleague.cookie).api.v1.campaigns[":id"]["my-votes"].$get(byId(campaign.id)),
      200,
    );
    expect(mine.ideaIds.sort()).toEqual([a.id, b.id].sort());
  });

  it("DELETE /api/v1/ideas/{id}/vote twice takes one vote back, never below zero", async () => {
    const idea = await insertIdea(await competition(agency, "voting"), asn.user);
    expect((await api("PUT", `/api/v1/ideas/${idea.id}/vote`, { cookie: colleague.cookie })).status).toBe(200);
    const retract = () => api("DELETE", `/api/v1/ideas/${idea.id}/vote`, { cookie: colleague.cookie });
    const statuses = (await Promise.all([retract(), retract()])).map((r) => r.status);
    expect(statuses).toEqual([200, 200]);
    expect(await ideaCounts(idea.id)).toMatchObject({ voteCount: 0, voteRows: 0 });
  });

  it("the same step twice, or twice at once, moves the idea and pays its points once", async () => {
    const [first, second] = [await completeDraft(), await completeDraft()];
    expect((await transition(asn.cookie, first.id, "submit")).status).toBe(200);
    const again = await transition(asn.cookie, first.id, "submit");
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "transition.invalid_from_status" });

    const together = await Promise.all([
      transition(asn.cookie, second.id, "submit"),
      transition(asn.cookie, second.id, "submit"),
    ]);
    expect(together.map((r) => r.status).sort()).toEqual([200, 409]);
    for (const idea of [first, second]) {
      expect(await footprint(idea.id)).toMatchObject({ status: "submitted", events: 1, ledger: 1 });
    }
    await expectTotalsMatchLedger(agency.id);
  });

  it("a step that lost the race at the same instant writes no second history row", async () => {
    // what two concurrent submits do when both read the draft and the Workers clock gives both the same `now`
    const draft = await completeDraft();
    const db = createDb(env.DB);
    const step = () =>
      transitionStatements(db, {
        idea: { id: draft.id, agencyId: agency.id, replicatesId: null },
        action: "submit",
        from: "draft",
        to: "submitted",
        actorId: asn.user.id,
        reason: null,
        now: 1_800_000_000_000,
      });
    const { moved: won } = await runNamedBatch(db, step());
    const { moved: lost } = await runNamedBatch(db, step());
    expect([changesOf(won), changesOf(lost)]).toEqual([1, 0]);
    expect(await footprint(draft.id)).toMatchObject({ status: "submitted", events: 1 });
  });

  it("the same reward (same idempotency key) written twice earns once", async () => {
    const idea = await insertIdea(await openCampaign(agency), asn.user);
    const db = createDb(env.DB);
    const cause = {
      type: "idea_submitted" as const,
      agencyId: agency.id,
      actorId: asn.user.id,
      at: Date.now(),
      ideaId: idea.id,
    };
    const points = await pointsOf(asn.user.id);
    await runBatch(db, await rewardStatements(db, cause));
    const once = await pointsOf(asn.user.id);
    expect(once).toBeGreaterThan(points);
    await runBatch(db, await rewardStatements(db, cause));
    await Promise.all([
      runBatch(db, await rewardStatements(db, cause)),
      runBatch(db, await rewardStatements(db, cause)),
    ]);
    expect(await pointsOf(asn.user.id)).toBe(once);
    const rows = await testDb.$count(
      pointLedger,
      and(eq(pointLedger.subjectType, "idea"), eq(pointLedger.subjectId, idea.id)),
    );
    expect(rows).toBe(1);
    await expectTotalsMatchLedger(agency.id);
  });
});
