import { describe, expect, it } from "vitest";
import { rankPage, FIRST_PAGE } from "../../src/domain/leaderboard";
import { levelFor } from "../../src/domain/levels";
import { currentPeriod, periodsFor, periodsOfDay } from "../../src/domain/reward-periods";
import { localDay } from "../../src/domain/time-zone";
import { DEFAULT_RULES, parseRules, type RuleSet } from "../../src/domain/reward-rules";
import { causeOf, reward, type Person, type RewardEvent, type RewardState } from "../../src/domain/rewards";

const AT = Date.parse("2026-11-05T03:00:00Z");
const person = (userId: number, extra: Partial<Person> = {}): Person => ({
  userId,
  agencyId: 1,
  unitId: 10 + userId,
  total: 0,
  badges: [],
  ...extra,
});
const state = (extra: Partial<RewardState> = {}): RewardState => ({
  people: [],
  causeRows: [],
  timeZone: "Asia/Jakarta",
  ...extra,
});
const common = { agencyId: 1, actorId: 1, at: AT };

describe("periods", () => {
  it("counts a day in Jakarta time: 00:30 WIB on 1 January is the new year, quarter and month", () => {
    expect(localDay(Date.parse("2026-12-31T16:59:59Z"), "Asia/Jakarta")).toBe("2026-12-31");
    expect(localDay(Date.parse("2026-12-31T17:30:00Z"), "Asia/Jakarta")).toBe("2027-01-01");
    expect(periodsFor(Date.parse("2026-12-31T17:30:00Z"), "Asia/Jakarta")).toEqual([
      "all",
      "2027",
      "2027-Q1",
      "2027-01",
    ]);
  });

  it("maps every month to its quarter", () => {
    const quarters = Array.from({ length: 12 }, (_, i) => periodsOfDay(`2026-${String(i + 1).padStart(2, "0")}-15`)[2]);
    expect(quarters).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4].map((q) => `2026-Q${q}`));
    expect(["month", "quarter", "year", "all"].map((k) => currentPeriod(k as "month", AT, "Asia/Jakarta"))).toEqual([
      "2026-11",
      "2026-Q4",
      "2026",
      "all",
    ]);
  });
});

describe("levelFor", () => {
  it("climbs Pemula → Penggagas → Inovator → Pelopor → Teladan at 100, 300, 750 and 1500 points", () => {
    expect([0, 99, 100, 299, 300, 749, 750, 1499, 1500, 99999].map((p) => levelFor(p).key)).toEqual([
      "pemula",
      "pemula",
      "penggagas",
      "penggagas",
      "inovator",
      "inovator",
      "pelopor",
      "pelopor",
      "teladan",
      "teladan",
    ]);
  });

  it("tells the progress to the next level, and is complete at the top; a negative total is Pemula", () => {
    expect(levelFor(200)).toMatchObject({ progress: 0.5, pointsToNext: 100, next: { key: "inovator", min: 300 } });
    expect(levelFor(2000)).toMatchObject({ key: "teladan", next: null, progress: 1, pointsToNext: 0 });
    expect(levelFor(-5)).toMatchObject({ key: "pemula", progress: 0, pointsToNext: 100 });
  });
});

describe("reward", () => {
  it("pays each member of the team for a submission, with keys from the cause, and Ide Pertama", () => {
    const out = reward(
      { type: "idea_submitted", ...common, ideaId: 7 },
      state({ people: [person(1), person(2, { badges: ["ide_pertama"] })], team: [1, 2] }),
      DEFAULT_RULES,
    );
    expect(out.ledger.map((r) => [r.userId, r.unitId, r.points, r.idempotencyKey, r.day])).toEqual([
      [1, 11, 10, "idea:7:submit:idea_submitted:user:1", "2026-11-05"],
      [2, 12, 10, "idea:7:submit:idea_submitted:user:2", "2026-11-05"],
    ]);
    expect(out.badges.map((b) => [b.userId, b.badgeKey])).toEqual([[1, "ide_pertama"]]);
    expect(out.levels).toEqual([
      { userId: 1, pointsBefore: 0, pointsAfter: 10, before: "pemula", after: "pemula" },
      { userId: 2, pointsBefore: 0, pointsAfter: 10, before: "pemula", after: "pemula" },
    ]);
  });

  it("pays nothing for a cause already paid (a retry), whatever the time", () => {
    const event: RewardEvent = { type: "idea_approved", ...common, ideaId: 7 };
    const s = state({ people: [person(1)], team: [1] });
    const [row] = reward(event, s, DEFAULT_RULES).ledger;
    const again = reward(
      { ...event, at: AT + 86_400_000 },
      { ...s, causeRows: [{ ...row!, idempotencyKey: row!.idempotencyKey }] },
      DEFAULT_RULES,
    );
    expect(again).toEqual({ ledger: [], badges: [], levels: [] });
  });

  it("reverses exactly what the cause earned, on the day, unit and version it was earned", () => {
    const earned = reward(
      { type: "vote_cast", ...common, ideaId: 3, voterId: 5 },
      state({ people: [person(5), person(1, { unitId: 99 })], team: [1], ideaVotes: 0 }),
      DEFAULT_RULES,
    ).ledger;
    const later = AT + 40 * 86_400_000;
    const reversed = reward(
      { type: "vote_retracted", ...common, at: later, ideaId: 3, voterId: 5 },
      state({ people: [person(5), person(1, { unitId: 42, total: 2 })], causeRows: earned }),
      DEFAULT_RULES,
    );
    expect(reversed.ledger.map((r) => [r.userId, r.unitId, r.points, r.day, r.at, r.idempotencyKey])).toEqual([
      [5, 15, -1, "2026-11-05", later, "vote:idea:3:voter:5:vote_cast:user:5:rev:1"],
      [1, 99, -2, "2026-11-05", later, "vote:idea:3:voter:5:vote_received:user:1:rev:1"],
    ]);
    const again = reward(
      { type: "vote_cast", ...common, at: later, ideaId: 3, voterId: 5 },
      state({ people: [person(5), person(1)], team: [1], ideaVotes: 0, causeRows: [...earned, ...reversed.ledger] }),
      DEFAULT_RULES,
    );
    expect(again.ledger.map((r) => r.idempotencyKey)).toEqual([
      "vote:idea:3:voter:5:vote_cast:user:5:again:1",
      "vote:idea:3:voter:5:vote_received:user:1:again:1",
    ]);
  });

  it("respects daily caps and the per-idea cap of votes received", () => {
    const capped = reward(
      { type: "vote_cast", ...common, ideaId: 3, voterId: 5 },
      state({ people: [person(5, { today: { vote_cast: 10 } }), person(1)], team: [1], ideaVotes: 50 }),
      DEFAULT_RULES,
    );
    expect(capped.ledger).toEqual([]);
    const comment = reward(
      { type: "comment_posted", ...common, commentId: 9, authorId: 5 },
      state({ people: [person(5, { today: { comment_posted: 4 } })] }),
      DEFAULT_RULES,
    );
    expect(comment.ledger.map((r) => [r.points, r.dailyCap])).toEqual([[2, 5]]);
  });

  it("pays the original's team for a replica from another agency only", () => {
    const other = person(8, { agencyId: 2 });
    const event: RewardEvent = { type: "idea_submitted", ...common, ideaId: 7 };
    const across = reward(
      event,
      state({ people: [person(1), other], team: [1], lineage: [{ ideaId: 4, agencyId: 2, team: [8] }] }),
      DEFAULT_RULES,
    );
    expect(across.ledger.map((r) => [r.agencyId, r.userId, r.ruleKey, r.subjectId])).toEqual([
      [1, 1, "idea_submitted", 7],
      [2, 8, "idea_replicated", 4],
    ]);
    expect(across.badges.map((b) => b.badgeKey)).toContain("direplikasi");
    const within = reward(
      event,
      state({ people: [person(1), person(2)], team: [1], lineage: [{ ideaId: 4, agencyId: 1, team: [2] }] }),
      DEFAULT_RULES,
    );
    expect(within.ledger.map((r) => r.userId)).toEqual([1]);
  });

  it("prices with the rules given: version on every row, an award's own bonus, no row for a rule worth 0", () => {
    const rules: RuleSet = parseRules(3, JSON.stringify({ review_late: { points: 0 }, award_granted: { points: 10 } }));
    const late = reward(
      { type: "review_completed", ...common, reviewId: 2, reviewerId: 1, dueAt: AT - 1 },
      state({ people: [person(1)] }),
      rules,
    );
    expect(late.ledger).toEqual([]);
    const award = reward(
      { type: "award_granted", ...common, awardId: 4, recipientIds: [1, 1, 2], points: 300 },
      state({ people: [person(1), person(2)] }),
      rules,
    );
    expect(award.ledger.map((r) => [r.userId, r.points, r.rulesVersion])).toEqual([
      [1, 300, 3],
      [2, 300, 3],
    ]);
    expect(rules.rules.idea_submitted).toEqual(DEFAULT_RULES.rules.idea_submitted);
  });

  it("gives Tim Hebat only to a team of two or more, and counts a badge's n-th occurrence", () => {
    const approve = (team: number[]) =>
      reward(
        { type: "idea_approved", ...common, ideaId: 7 },
        state({ people: team.map((u) => person(u)), team }),
        DEFAULT_RULES,
      );
    expect(approve([1]).badges).toEqual([]);
    expect(approve([1, 2]).badges.map((b) => b.badgeKey)).toEqual(["tim_hebat", "tim_hebat"]);
    const fifth = reward(
      { type: "idea_submitted", ...common, ideaId: 7 },
      state({ people: [person(1, { badges: ["ide_pertama"], counted: { idea_submitted: 4 } })], team: [1] }),
      DEFAULT_RULES,
    );
    expect(fifth.badges.map((b) => b.badgeKey)).toEqual(["penggagas_produktif"]);
  });

  it("names every cause by its subject", () => {
    expect(causeOf({ type: "comment_hidden", ...common, commentId: 4 })).toEqual({
      key: "comment:4",
      subject: { type: "comment", id: 4 },
    });
    expect(causeOf({ type: "idea_merged", ...common, ideaId: 4, intoId: 5 }).key).toBe("idea:4:submit");
  });
});

describe("rankPage", () => {
  it("ranks equal points equally and carries the ranking into the next page", () => {
    const first = rankPage([{ points: 9 }, { points: 7 }], FIRST_PAGE);
    expect(first.ranks).toEqual([1, 2]);
    expect(rankPage([{ points: 7 }, { points: 3 }], first.carry).ranks).toEqual([2, 4]);
  });
});
