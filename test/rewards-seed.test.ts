/**
 * The demo's points are the engine's: replaying every seeded cause (workflow steps, votes,
 * comments and their removal, reviews, awards) in time order through the pure engine arrives at
 * exactly the ledger and badges the seed wrote; totals equal the ledger; a rerun adds nothing.
 */
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { AGENCIES } from "../scripts/seed/organisation-data";
import {
  agencies,
  awardRecipients,
  awards,
  comments,
  ideaAuthors,
  ideaEvents,
  ideas as ideaRows,
  pointLedger,
  pointTotals,
  reviewAssignments,
  reviews,
  userBadges,
  users as userRows,
  votes,
} from "../src/db/schema";
import { DEFAULT_RULES } from "../src/domain/reward-rules";
import { reward, type RewardEvent } from "../src/domain/rewards";
import { signIn } from "./fixtures/builders";
import { applyDemoSeed } from "./fixtures/demo";
import { bodyOf, client } from "./fixtures/client";
import { testDb } from "./fixtures/db";
import { MemoryLedger, type World } from "./fixtures/memory-ledger";
import { expectTotalsMatchLedger } from "./fixtures/rewards";

/** An event before its time is known (distributes over the union, unlike `Omit`). */
type Untimed = RewardEvent extends infer E ? (E extends RewardEvent ? Omit<E, "at"> : never) : never;
const n = (v: unknown) => Number(v);

let agencyIds: number[];

beforeAll(async () => {
  await applyDemoSeed();
  const slugs = AGENCIES.map((a) => a.slug);
  agencyIds = (await testDb.select({ id: agencies.id }).from(agencies).where(inArray(agencies.slug, slugs))).map(
    (r) => r.id,
  );
});

/** Every seeded cause, as the features would have reported it, oldest first. */
async function seededEvents(): Promise<{ world: World; events: RewardEvent[] }> {
  const users: World["users"] = new Map(
    (await testDb.select({ id: userRows.id, agencyId: userRows.agencyId, unitId: userRows.unitId }).from(userRows)).map(
      (u) => [u.id, { agencyId: u.agencyId, unitId: u.unitId }],
    ),
  );
  const ideas: World["ideas"] = new Map();
  const team = sql<string>`(SELECT json_group_array(${ideaAuthors.userId}) FROM ${ideaAuthors}
    WHERE ${ideaAuthors.ideaId} = ${ideaRows.id} AND ${ideaAuthors.acceptedAt} IS NOT NULL)`;
  for (const i of await testDb
    .select({ id: ideaRows.id, agencyId: ideaRows.agencyId, replicatesId: ideaRows.replicatesId, team })
    .from(ideaRows)) {
    ideas.set(i.id, {
      agencyId: i.agencyId,
      team: JSON.parse(i.team) as number[],
      votes: 0,
      replicates: i.replicatesId,
    });
  }
  const timed: { at: number; order: number; event: RewardEvent }[] = [];
  const push = (at: unknown, order: number, event: Untimed) =>
    timed.push({ at: n(at), order, event: { ...event, at: n(at) } as RewardEvent });
  const steps: Record<string, RewardEvent["type"]> = {
    submit: "idea_submitted",
    shortlist: "idea_shortlisted",
    approve: "idea_approved",
    implement: "idea_implemented",
    withdraw: "idea_withdrawn",
    merge: "idea_merged",
  };
  for (const e of await testDb
    .select()
    .from(ideaEvents)
    .where(and(inArray(ideaEvents.agencyId, agencyIds), inArray(ideaEvents.action, Object.keys(steps))))) {
    const type = steps[e.action]!;
    push(e.at, 0, {
      type,
      agencyId: e.agencyId,
      actorId: n(e.actorId),
      ideaId: e.ideaId,
      intoId: 0,
    } as Untimed);
  }
  for (const v of await testDb
    .select()
    .from(votes)
    .where(inArray(votes.agencyId, agencyIds))
    .orderBy(asc(votes.createdAt), asc(votes.id))) {
    push(v.createdAt, 1, {
      type: "vote_cast",
      agencyId: v.agencyId,
      actorId: v.userId,
      ideaId: v.ideaId,
      voterId: v.userId,
    });
  }
  for (const c of await testDb
    .select()
    .from(comments)
    .where(inArray(comments.agencyId, agencyIds))
    .orderBy(asc(comments.createdAt), asc(comments.id))) {
    const base = { agencyId: c.agencyId, commentId: c.id };
    push(c.createdAt, 2, { type: "comment_posted", ...base, actorId: c.authorId, authorId: c.authorId });
    const hiddenFirst = c.hiddenAt !== null && (c.deletedAt === null || c.hiddenAt < c.deletedAt);
    if (hiddenFirst) push(c.hiddenAt, 3, { type: "comment_hidden", ...base, actorId: n(c.hiddenBy) });
    else if (c.deletedAt !== null) push(c.deletedAt, 3, { type: "comment_deleted", ...base, actorId: c.authorId });
  }
  for (const r of await testDb
    .select({
      id: reviews.id,
      agencyId: reviews.agencyId,
      reviewerId: reviews.reviewerId,
      submittedAt: reviews.submittedAt,
      dueAt: reviewAssignments.dueAt,
    })
    .from(reviews)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .where(and(eq(reviews.state, "submitted"), inArray(reviews.agencyId, agencyIds)))) {
    push(r.submittedAt, 2, {
      type: "review_completed",
      agencyId: r.agencyId,
      actorId: r.reviewerId,
      reviewId: r.id,
      reviewerId: r.reviewerId,
      dueAt: r.dueAt,
    });
  }
  for (const a of await testDb
    .select({
      id: awards.id,
      agencyId: awards.agencyId,
      announcedBy: awards.announcedBy,
      announcedAt: awards.announcedAt,
      bonusPoints: awards.bonusPoints,
      recipients: sql<string>`json_group_array(${awardRecipients.userId})`,
    })
    .from(awards)
    .innerJoin(awardRecipients, eq(awardRecipients.awardId, awards.id))
    .where(and(inArray(awards.agencyId, agencyIds), isNotNull(awardRecipients.userId)))
    .groupBy(awards.id)) {
    push(a.announcedAt, 2, {
      type: "award_granted",
      agencyId: a.agencyId,
      actorId: a.announcedBy,
      awardId: a.id,
      recipientIds: JSON.parse(a.recipients) as number[],
      points: a.bonusPoints,
    });
  }
  timed.sort((a, b) => a.at - b.at || a.order - b.order);
  return { world: { users, ideas }, events: timed.map((t) => t.event) };
}

describe("the demo's rewards", () => {
  it("are exactly what the engine pays for the seeded causes: the same keys, points, days, units and badges", async () => {
    const { world, events } = await seededEvents();
    const replay = new MemoryLedger(world, DEFAULT_RULES);
    for (const event of events) {
      replay.apply(reward(event, replay.stateFor(event), DEFAULT_RULES));
      if (event.type === "vote_cast") world.ideas.get(event.ideaId)!.votes++;
    }
    const seeded = await testDb
      .select({
        idempotency_key: pointLedger.idempotencyKey,
        points: pointLedger.points,
        day: pointLedger.day,
        unit_id: pointLedger.unitId,
        rule_key: pointLedger.ruleKey,
        event_type: pointLedger.eventType,
      })
      .from(pointLedger)
      .where(inArray(pointLedger.agencyId, agencyIds))
      .orderBy(pointLedger.idempotencyKey);
    const expected = replay.rows
      .filter((r) => agencyIds.includes(r.agencyId))
      .map((r) => ({
        idempotency_key: r.idempotencyKey,
        points: r.points,
        day: r.day,
        unit_id: r.unitId,
        rule_key: r.ruleKey,
        event_type: r.eventType,
      }))
      .sort((a, b) => (a.idempotency_key < b.idempotency_key ? -1 : 1));
    expect(seeded).toEqual(expected);
    expect(seeded.length).toBeGreaterThan(50);

    const badges = await testDb
      .select({ user_id: userBadges.userId, badge_key: userBadges.badgeKey })
      .from(userBadges)
      .where(inArray(userBadges.agencyId, agencyIds));
    const held = [...replay.badges].flatMap(([userId, keys]) => [...keys].map((k) => `${userId}:${k}`));
    expect(badges.map((b) => `${b.user_id}:${b.badge_key}`).sort()).toEqual(held.sort());
    console.log(
      `demo rewards: ${seeded.length} ledger rows, ${badges.length} badges; by rule ${JSON.stringify(
        Object.fromEntries(
          [...new Set(seeded.map((r) => r.rule_key))].map((k) => [k, seeded.filter((r) => r.rule_key === k).length]),
        ),
      )}`,
    );
  });

  it("keep every total equal to the ledger, for people and units in all time and their current periods", async () => {
    for (const id of agencyIds) await expectTotalsMatchLedger(id);
  });

  it("add nothing when the seed runs again", async () => {
    const snapshot = async () => ({
      ledger: await testDb
        .select({ idempotency_key: pointLedger.idempotencyKey, points: pointLedger.points })
        .from(pointLedger)
        .orderBy(pointLedger.idempotencyKey),
      totals: await testDb
        .select()
        .from(pointTotals)
        .orderBy(pointTotals.agencyId, pointTotals.subjectType, pointTotals.subjectId),
      badges: await testDb
        .select({ user_id: userBadges.userId, badge_key: userBadges.badgeKey })
        .from(userBadges)
        .orderBy(userBadges.userId, userBadges.badgeKey),
    });
    const before = await snapshot();
    await applyDemoSeed();
    expect(await snapshot()).toEqual(before);
  });

  it("give the demo people points, levels, badges and a leaderboard to look at", async () => {
    const binjai = AGENCIES.find((a) => a.slug === "binjai")!;
    // Dewi Anggraini Sembiring: her KTP queue idea was implemented
    const cookie = await signIn({ nip: "199104172015032001" }, "Gagas-Demo-2026");
    const me = await bodyOf(await client(cookie).api.v1.rewards.me.$get(), 200);
    expect(me.points.all).toBeGreaterThanOrEqual(185);
    expect(me.level.key).not.toBe("pemula");
    expect(me.badges.map((b) => b.key)).toEqual(expect.arrayContaining(["ide_pertama", "terpilih", "diterapkan"]));
    const board = await bodyOf(
      await client(cookie).api.v1.leaderboards.$get({ query: { period: "all", limit: "5" } }),
      200,
    );
    expect(board.items.length).toBe(5);
    expect(board.items[0]!.rank).toBe(1);
    expect(binjai.users.map((u) => u.name)).toContain(board.items[0]!.user!.name);
  });
});
