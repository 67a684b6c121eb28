/**
 * Property tests of the reward engine over random sequences of actions — submit, vote, retract,
 * comment, delete or hide a comment, review, decide, withdraw, merge, award, a person moving unit,
 * time passing across days, months and years, retries and races of any of them, and the
 * scheduler's fold of the totals at any point — each driven through the pure engine against an
 * in-memory ledger that behaves like D1 (unique keys, caps re-checked at insert, totals folded from
 * the rows past a watermark), under random rule sets.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodsOfDay } from "../../src/domain/reward-periods";
import { DEFAULT_RULES, RULE_KEYS, type Rule, type RuleSet, type Rules } from "../../src/domain/reward-rules";
import {
  causeOf,
  causeRange,
  isReversal,
  reward,
  type LedgerRow,
  type RewardEvent,
  type RewardOutcome,
} from "../../src/domain/rewards";
import { MemoryLedger, type Totals, type World } from "../fixtures/memory-ledger";

const HOME = 1;
const OTHER = 2;
const ASN = [1, 2, 3, 4, 5, 6];
const UNITS = [10, 11, 12];
const IDEAS = [1, 2, 3, 4, 5];
const ORIGINAL = 100;
const START = Date.parse("2026-12-30T10:00:00Z");

type Action =
  | { kind: "submit" | "withdraw"; idea: number }
  | { kind: "decide"; idea: number; step: "idea_shortlisted" | "idea_approved" | "idea_implemented" }
  | { kind: "merge"; idea: number; into: number }
  | { kind: "vote" | "retract"; idea: number; voter: number }
  | { kind: "comment"; author: number }
  | { kind: "uncomment"; pick: number; hidden: boolean }
  | { kind: "review"; reviewer: number; late: boolean }
  | { kind: "award"; recipients: number[]; points: number | null }
  | { kind: "move"; user: number; unit: number }
  | { kind: "advance"; ms: number }
  | { kind: "retry" | "race"; pick: number }
  | { kind: "fold"; limit: number | null };

const idea = fc.constantFrom(...IDEAS);
const asn = fc.constantFrom(...ASN);
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("submit" as const), idea }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("withdraw" as const), idea }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant("decide" as const),
      idea,
      step: fc.constantFrom("idea_shortlisted" as const, "idea_approved" as const, "idea_implemented" as const),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant("merge" as const), idea, into: idea }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("vote" as const), idea, voter: asn }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant("retract" as const), idea, voter: asn }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("comment" as const), author: asn }), weight: 3 },
  {
    arbitrary: fc.record({ kind: fc.constant("uncomment" as const), pick: fc.nat(), hidden: fc.boolean() }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant("review" as const), reviewer: asn, late: fc.boolean() }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("award" as const),
      recipients: fc.subarray(ASN, { minLength: 1, maxLength: 3 }),
      points: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant("move" as const), user: asn, unit: fc.constantFrom(...UNITS) }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("advance" as const),
      ms: fc.integer({ min: 60_000, max: 40 * 86_400_000 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant("retry" as const), pick: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("race" as const), pick: fc.nat() }), weight: 2 },
  {
    // a fold takes at most its batch of rows past the watermark (`FOLD_BATCH`), or all of them
    arbitrary: fc.record({
      kind: fc.constant("fold" as const),
      limit: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
    }),
    weight: 2,
  },
);

const ruleArb = (perSubject: boolean): fc.Arbitrary<Rule> =>
  fc.record({
    points: fc.integer({ min: -5, max: 60 }),
    dailyCap: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
    perSubjectCap: perSubject ? fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }) : fc.constant(null),
  });
const rulesArb: fc.Arbitrary<RuleSet> = fc.oneof(
  fc.constant(DEFAULT_RULES),
  fc
    .record(
      Object.fromEntries(RULE_KEYS.map((k) => [k, ruleArb(k === "vote_received")])) as Record<
        keyof Rules,
        fc.Arbitrary<Rule>
      >,
    )
    .map((rules) => ({ version: 7, rules })),
);

/** Teams for ideas 1–5 (author first); ideas 4 and 5 replicate the other agency's idea. */
const teamsArb = fc.array(fc.subarray(ASN, { minLength: 1, maxLength: 3 }), { minLength: 5, maxLength: 5 });

function worldOf(teams: number[][]): World {
  const users = new Map<number, { agencyId: number; unitId: number }>();
  ASN.forEach((u) => users.set(u, { agencyId: HOME, unitId: UNITS[u % 3]! }));
  [7, 8].forEach((u) => users.set(u, { agencyId: OTHER, unitId: 20 }));
  const ideas: World["ideas"] = new Map();
  IDEAS.forEach((id, i) =>
    ideas.set(id, { agencyId: HOME, team: [...teams[i]!], votes: 0, replicates: id >= 4 ? ORIGINAL : null }),
  );
  ideas.set(ORIGINAL, { agencyId: OTHER, team: [7, 8], votes: 0, replicates: null });
  return { users, ideas };
}

const VOTABLE = new Set(["submitted", "shortlisted"]);

/** Plays the actions, checking after every step; the model applies the workflow's own guards. */
function play(teams: number[][], rules: RuleSet, actions: Action[]) {
  const world = worldOf(teams);
  const store = new MemoryLedger(world, rules);
  const status = new Map(IDEAS.map((i) => [i, "draft"]));
  const votes = new Set<string>();
  const comments: { id: number; live: boolean }[] = [];
  const history: RewardEvent[] = [];
  let now = START;
  let seq = 0;
  const base = (actorId: number | null) => ({ agencyId: HOME, actorId, at: now });

  const run = (event: RewardEvent): RewardOutcome => {
    const state = store.stateFor(event);
    const outcome = reward(event, state, rules);
    const keys = outcome.ledger.map((r) => r.idempotencyKey);
    expect(new Set(keys).size, "keys within one outcome").toBe(keys.length);
    for (const change of outcome.levels) {
      const mine = outcome.ledger.filter((r) => r.userId === change.userId).reduce((s, r) => s + r.points, 0);
      expect(change.pointsAfter - change.pointsBefore).toBe(mine);
    }
    store.apply(outcome);
    history.push(event);
    return outcome;
  };

  for (const a of actions) {
    switch (a.kind) {
      case "submit":
        if (status.get(a.idea) === "draft") {
          status.set(a.idea, "submitted");
          run({ type: "idea_submitted", ...base(teams[a.idea - 1]![0]!), ideaId: a.idea });
        }
        break;
      case "withdraw":
        if (["draft", "submitted"].includes(status.get(a.idea)!)) {
          status.set(a.idea, "withdrawn");
          run({ type: "idea_withdrawn", ...base(teams[a.idea - 1]![0]!), ideaId: a.idea });
        }
        break;
      case "decide": {
        const from = {
          idea_shortlisted: ["submitted"],
          idea_approved: ["submitted", "shortlisted"],
          idea_implemented: ["approved"],
        }[a.step];
        if (from.includes(status.get(a.idea)!)) {
          status.set(
            a.idea,
            { idea_shortlisted: "shortlisted", idea_approved: "approved", idea_implemented: "implemented" }[a.step],
          );
          run({ type: a.step, ...base(null), ideaId: a.idea });
        }
        break;
      }
      case "merge": {
        const dup = world.ideas.get(a.idea)!;
        const into = world.ideas.get(a.into)!;
        if (a.idea !== a.into && VOTABLE.has(status.get(a.idea)!) && VOTABLE.has(status.get(a.into)!)) {
          status.set(a.idea, "merged");
          run({ type: "idea_merged", ...base(null), ideaId: a.idea, intoId: a.into });
          into.team = [...new Set([...into.team, ...dup.team])];
          for (const key of [...votes]) {
            const [ideaId, voter] = key.split(":").map(Number) as [number, number];
            if (ideaId !== a.idea) continue;
            votes.delete(key);
            dup.votes--;
            if (!into.team.includes(voter) && !votes.has(`${a.into}:${voter}`)) {
              votes.add(`${a.into}:${voter}`);
              into.votes++;
            }
          }
        }
        break;
      }
      case "vote": {
        const i = world.ideas.get(a.idea)!;
        const key = `${a.idea}:${a.voter}`;
        if (VOTABLE.has(status.get(a.idea)!) && !i.team.includes(a.voter) && !votes.has(key)) {
          run({ type: "vote_cast", ...base(a.voter), ideaId: a.idea, voterId: a.voter });
          votes.add(key);
          i.votes++;
        }
        break;
      }
      case "retract": {
        const key = `${a.idea}:${a.voter}`;
        if (votes.has(key)) {
          run({ type: "vote_retracted", ...base(a.voter), ideaId: a.idea, voterId: a.voter });
          votes.delete(key);
          world.ideas.get(a.idea)!.votes--;
        }
        break;
      }
      case "comment": {
        const id = ++seq;
        comments.push({ id, live: true });
        run({ type: "comment_posted", ...base(a.author), commentId: id, authorId: a.author });
        break;
      }
      case "uncomment": {
        const live = comments.filter((c) => c.live);
        const c = live[a.pick % Math.max(live.length, 1)];
        if (c) {
          c.live = false;
          run({ type: a.hidden ? "comment_hidden" : "comment_deleted", ...base(null), commentId: c.id });
        }
        break;
      }
      case "review":
        run({
          type: "review_completed",
          ...base(a.reviewer),
          reviewId: ++seq,
          reviewerId: a.reviewer,
          dueAt: now + (a.late ? -86_400_000 : 86_400_000),
        });
        break;
      case "award":
        run({ type: "award_granted", ...base(null), awardId: ++seq, recipientIds: a.recipients, points: a.points });
        break;
      case "move":
        world.users.get(a.user)!.unitId = a.unit;
        break;
      case "advance":
        now += a.ms;
        break;
      case "retry": {
        const previous = history[a.pick % Math.max(history.length, 1)];
        if (!previous) break;
        const event = { ...previous, at: now };
        const { from, to } = causeRange(causeOf(event).key);
        const live = liveBases(store.rows.filter((r) => r.idempotencyKey >= from && r.idempotencyKey < to));
        const outcome = run(event);
        // an earning retried while its cause is paid, or a reversal retried with nothing paid, is a no-op
        if (isReversal(event) ? live === 0 : live > 0) expect(outcome.ledger).toEqual([]);
        break;
      }
      case "fold": {
        // a fold writes one totals row per person and unit it moves, however many rows and periods it
        // folds; once all is folded, a fold writes nothing
        const taken = Math.min(store.rows.length - store.folded, a.limit ?? Infinity);
        expect(store.fold(a.limit ?? Infinity)).toBeLessThanOrEqual(2 * taken);
        if (a.limit === null) expect(store.fold()).toBe(0);
        break;
      }
      case "race": {
        const previous = history[a.pick % Math.max(history.length, 1)];
        if (!previous) break;
        const event = { ...previous, at: now };
        const state = store.stateFor(event);
        const first = store.apply(reward(event, state, rules));
        const second = store.apply(reward({ ...event, at: now + 1 }, state, rules));
        expect(second.filter((r) => first.some((f) => f.idempotencyKey === r.idempotencyKey))).toEqual([]);
        history.push(event);
        break;
      }
    }
    checkInvariants(store, history);
  }
  return { store, history, now };
}

const SUFFIX = /:(again|rev):\d+$/;

/** People-and-rules of a cause still paid (paid more often than reversed). */
function liveBases(rows: { idempotencyKey: string }[]): number {
  const balance = new Map<string, number>();
  for (const r of rows) {
    const base = r.idempotencyKey.replace(SUFFIX, "");
    balance.set(base, (balance.get(base) ?? 0) + (r.idempotencyKey.includes(":rev:") ? -1 : 1));
  }
  return [...balance.values()].filter((b) => b > 0).length;
}

/**
 * What every subject's totals must be once all is folded, from the rows alone: all time, and for
 * each kind the newest period its rows fall in with the sum of its rows in that period.
 */
function expectedTotals(rows: readonly LedgerRow[]): Map<string, Totals> {
  const daysOf = new Map<string, LedgerRow[]>();
  for (const r of rows)
    for (const key of [`${r.agencyId}|user|${r.userId}`, `${r.agencyId}|unit|${r.unitId}`])
      daysOf.set(key, [...(daysOf.get(key) ?? []), r]);
  const expected = new Map<string, Totals>();
  for (const [key, own] of daysOf) {
    const [, year, quarter, month] = periodsOfDay(
      own
        .map((r) => r.day)
        .sort()
        .at(-1)!,
    );
    const sumIn = (period: string) =>
      own.filter((r) => periodsOfDay(r.day).includes(period)).reduce((n, r) => n + r.points, 0);
    expected.set(key, {
      all: sumIn("all"),
      year: { key: year, points: sumIn(year) },
      quarter: { key: quarter, points: sumIn(quarter) },
      month: { key: month, points: sumIn(month) },
    });
  }
  return expected;
}

function checkInvariants(store: MemoryLedger, history: RewardEvent[]) {
  expect(store.keys.size, "no idempotency key twice").toBe(store.rows.length);
  const expected = expectedTotals(store.rows);
  // before the fold: a person's own points are exact at once (folded totals plus their rows past the
  // watermark), for all time and for each of their current periods
  for (const [key, t] of expected) {
    const [agency, type, id] = key.split("|");
    if (type !== "user") continue;
    for (const [period, points] of [
      ["all", t.all],
      [t.year.key, t.year.points],
      [t.quarter.key, t.quarter.points],
      [t.month.key, t.month.points],
    ] as const)
      expect(store.ownTotal(Number(agency), period, Number(id)), `own ${key} ${period}`).toBe(points);
  }
  // after the scheduler's fold: each current period's total is the sum of the subject's rows whose day
  // falls in it, all time the sum of all its rows; people and units add up to the same (checked on
  // the folded state, then the store goes back to where the actions left it)
  const saved = { totals: new Map(store.totals), folded: store.folded };
  store.fold();
  expect(Object.fromEntries(store.totals)).toEqual(Object.fromEntries(expected));
  const all = (type: string) =>
    [...store.totals].filter(([k]) => k.split("|")[1] === type).reduce((n, [, t]) => n + t.all, 0);
  expect(all("unit"), "units add up to the people").toBe(all("user"));
  expect(all("user"), "people add up to the ledger").toBe(store.rows.reduce((n, r) => n + r.points, 0));
  store.totals.clear();
  saved.totals.forEach((v, k) => store.totals.set(k, v));
  store.folded = saved.folded;
  // a cause fully reversed nets to zero for every person and unit in every period
  for (const causeKey of new Set(history.map((e) => causeOf(e).key))) {
    const { from, to } = causeRange(causeKey);
    const rows = store.rows.filter((r) => r.idempotencyKey >= from && r.idempotencyKey < to);
    if (rows.length === 0 || liveBases(rows) > 0) continue;
    const net = new Map<string, number>();
    for (const r of rows) {
      for (const period of periodsOfDay(r.day)) {
        for (const k of [`${period}|user|${r.userId}`, `${period}|unit|${r.unitId}`])
          net.set(k, (net.get(k) ?? 0) + r.points);
      }
    }
    for (const [k, v] of net) expect(v, `${causeKey} ${k}`).toBe(0);
  }
}

describe("reward engine properties", () => {
  it("keeps totals equal to the ledger, pays no key twice and lets reversed causes net to zero", () => {
    fc.assert(
      fc.property(teamsArb, rulesArb, fc.array(action, { minLength: 1, maxLength: 80 }), (teams, rules, actions) => {
        play(teams, rules, actions);
      }),
      { numRuns: 300 },
    );
  });

  it("does nothing for a retry of a request that already took effect, even a day later", () => {
    fc.assert(
      fc.property(teamsArb, rulesArb, fc.array(action, { minLength: 1, maxLength: 60 }), (teams, rules, actions) => {
        const { store, history, now } = play(teams, rules, actions);
        for (const previous of history) {
          const event = { ...previous, at: now + 86_400_000 };
          const { from, to } = causeRange(causeOf(event).key);
          const before = store.rows.filter((r) => r.idempotencyKey >= from && r.idempotencyKey < to);
          const outcome = reward(event, store.stateFor(event), rules);
          // an earning retried while its cause is paid, or a reversal retried with nothing paid, is a no-op
          if (isReversal(event) ? liveBases(before) === 0 : liveBases(before) > 0) expect(outcome.ledger).toEqual([]);
          store.apply(outcome);
          checkInvariants(store, history);
        }
      }),
      { numRuns: 100 },
    );
  });
});
