/**
 * The demo's points are the engine's: replaying every seeded cause (workflow steps, votes,
 * comments and their removal, reviews, awards) in time order through the pure engine arrives at
 * exactly the ledger and badges the seed wrote; totals equal the ledger; a rerun adds nothing.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { AGENCIES } from "../scripts/seed/organisation-data";
import { DEFAULT_RULES } from "../src/domain/reward-rules";
import { reward, type RewardEvent } from "../src/domain/rewards";
import { signIn } from "./fixtures/builders";
import { applyDemoSeed } from "./fixtures/demo";
import { bodyOf, client } from "./fixtures/client";
import { MemoryLedger, type World } from "./fixtures/memory-ledger";
import { expectTotalsMatchLedger } from "./fixtures/rewards";

type Row = Record<string, number | string | null>;
/** An event before its time is known (distributes over the union, unlike `Omit`). */
type Untimed = RewardEvent extends infer E ? (E extends RewardEvent ? Omit<E, "at"> : never) : never;
const all = async (sql: string) => (await env.DB.prepare(sql).all<Row>()).results;
const n = (v: unknown) => Number(v);

let agencyIds: number[];

beforeAll(async () => {
  await applyDemoSeed();
  const slugs = AGENCIES.map((a) => `'${a.slug}'`).join(", ");
  agencyIds = (await all(`SELECT id FROM agencies WHERE slug IN (${slugs})`)).map((r) => n(r.id));
});

/** Every seeded cause, as the features would have reported it, oldest first. */
async function seededEvents(): Promise<{ world: World; events: RewardEvent[] }> {
  const users: World["users"] = new Map(
    (await all("SELECT id, agency_id, unit_id FROM users")).map((u) => [
      n(u.id),
      { agencyId: n(u.agency_id), unitId: n(u.unit_id) },
    ]),
  );
  const ideas: World["ideas"] = new Map();
  for (const i of await all(
    "SELECT i.id, i.agency_id, i.replicates_id, (SELECT json_group_array(user_id) FROM idea_authors a WHERE a.idea_id = i.id AND a.accepted_at IS NOT NULL) AS team FROM ideas i",
  )) {
    const replicates = i.replicates_id === null ? null : n(i.replicates_id);
    ideas.set(n(i.id), {
      agencyId: n(i.agency_id),
      team: JSON.parse(String(i.team)) as number[],
      votes: 0,
      replicates,
    });
  }
  const demo = `IN (${agencyIds.join(", ")})`;
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
  for (const e of await all(
    `SELECT * FROM idea_events WHERE agency_id ${demo} AND action IN (${Object.keys(steps)
      .map((s) => `'${s}'`)
      .join(", ")})`,
  )) {
    const type = steps[String(e.action)]!;
    push(e.at, 0, {
      type,
      agencyId: n(e.agency_id),
      actorId: n(e.actor_id),
      ideaId: n(e.idea_id),
      intoId: 0,
    } as Untimed);
  }
  for (const v of await all(`SELECT * FROM votes WHERE agency_id ${demo} ORDER BY created_at, id`)) {
    push(v.created_at, 1, {
      type: "vote_cast",
      agencyId: n(v.agency_id),
      actorId: n(v.user_id),
      ideaId: n(v.idea_id),
      voterId: n(v.user_id),
    });
  }
  for (const c of await all(`SELECT * FROM comments WHERE agency_id ${demo} ORDER BY created_at, id`)) {
    const base = { agencyId: n(c.agency_id), commentId: n(c.id) };
    push(c.created_at, 2, { type: "comment_posted", ...base, actorId: n(c.author_id), authorId: n(c.author_id) });
    const hiddenFirst = c.hidden_at !== null && (c.deleted_at === null || n(c.hidden_at) < n(c.deleted_at));
    if (hiddenFirst) push(c.hidden_at, 3, { type: "comment_hidden", ...base, actorId: n(c.hidden_by) });
    else if (c.deleted_at !== null)
      push(c.deleted_at, 3, { type: "comment_deleted", ...base, actorId: n(c.author_id) });
  }
  for (const r of await all(
    `SELECT r.id, r.agency_id, r.reviewer_id, r.submitted_at, ra.due_at FROM reviews r JOIN review_assignments ra ON ra.id = r.assignment_id
     WHERE r.state = 'submitted' AND r.agency_id ${demo}`,
  )) {
    push(r.submitted_at, 2, {
      type: "review_completed",
      agencyId: n(r.agency_id),
      actorId: n(r.reviewer_id),
      reviewId: n(r.id),
      reviewerId: n(r.reviewer_id),
      dueAt: n(r.due_at),
    });
  }
  for (const a of await all(
    `SELECT aw.id, aw.agency_id, aw.announced_by, aw.announced_at, aw.bonus_points, json_group_array(ar.user_id) AS recipients
     FROM awards aw JOIN award_recipients ar ON ar.award_id = aw.id WHERE aw.agency_id ${demo} AND ar.user_id IS NOT NULL GROUP BY aw.id`,
  )) {
    push(a.announced_at, 2, {
      type: "award_granted",
      agencyId: n(a.agency_id),
      actorId: n(a.announced_by),
      awardId: n(a.id),
      recipientIds: JSON.parse(String(a.recipients)) as number[],
      points: n(a.bonus_points),
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
    const demo = agencyIds.join(", ");
    const seeded = await all(
      `SELECT idempotency_key, points, day, unit_id, rule_key, event_type FROM point_ledger WHERE agency_id IN (${demo}) ORDER BY idempotency_key`,
    );
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

    const badges = await all(`SELECT user_id, badge_key FROM user_badges WHERE agency_id IN (${demo})`);
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
      ledger: await all("SELECT idempotency_key, points FROM point_ledger ORDER BY idempotency_key"),
      totals: await all("SELECT * FROM point_totals ORDER BY agency_id, subject_type, subject_id"),
      badges: await all("SELECT user_id, badge_key FROM user_badges ORDER BY 1, 2"),
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
