import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conflictCounts,
  conflictOf,
  planAssignments,
  planReassignment,
  selectForReview,
  unitsRelated,
  type IdeaInfo,
  type ReviewerInfo,
} from "../../src/domain/assignment";

// units: 1 Dinas Kominfo ⊃ 2 Bidang Aptika, 3 Bidang Statistik; 4 Bappeda; 5 Dinkes
const parents = new Map<number, number | null>([
  [1, null],
  [2, 1],
  [3, 1],
  [4, null],
  [5, null],
]);
const rules = { excludeSameUnit: true, parents };

const reviewers = (...units: number[]): ReviewerInfo[] => units.map((unitId, i) => ({ id: 101 + i, unitId }));
const idea = (id: number, teamIds: number[] = [900 + id], unitIds: number[] = [5]): IdeaInfo => ({
  id,
  teamIds,
  unitIds,
});

const loadsOf = (plan: ReturnType<typeof planAssignments>) => plan.loads.map((l) => l.load);

describe("unitsRelated", () => {
  it("relates a unit to itself, its ancestors and its descendants, not to its siblings", () => {
    expect(unitsRelated(2, 2, parents)).toBe(true);
    expect(unitsRelated(2, 1, parents)).toBe(true);
    expect(unitsRelated(1, 3, parents)).toBe(true);
    expect(unitsRelated(2, 3, parents)).toBe(false);
    expect(unitsRelated(4, 5, parents)).toBe(false);
  });

  it("survives a cycle in damaged data", () => {
    const cyclic = new Map<number, number | null>([
      [1, 2],
      [2, 1],
    ]);
    expect(unitsRelated(1, 3, cyclic)).toBe(false);
  });
});

describe("conflictOf", () => {
  it("names the author and co-author conflict, and the same-unit one only when the campaign excludes it", () => {
    const team = idea(1, [7, 8], [2]);
    expect(conflictOf({ id: 8, unitId: 4 }, team, rules)).toBe("author");
    expect(conflictOf({ id: 9, unitId: 1 }, team, rules)).toBe("same_unit");
    expect(conflictOf({ id: 9, unitId: 3 }, team, rules)).toBeNull();
    expect(conflictOf({ id: 9, unitId: 2 }, team, { ...rules, excludeSameUnit: false })).toBeNull();
    expect(conflictOf({ id: 7, unitId: 4 }, team, { ...rules, excludeSameUnit: false })).toBe("author");
  });
});

describe("planAssignments", () => {
  it("never assigns an author, a co-author or (when excluded) a reviewer of a related unit", () => {
    const committee = [
      { id: 1, unitId: 4 }, // co-author of idea 10
      { id: 2, unitId: 1 }, // head office of the idea's Bidang
      { id: 3, unitId: 2 }, // same Bidang
      { id: 4, unitId: 3 }, // sibling Bidang: fine
      { id: 5, unitId: 4 },
      { id: 6, unitId: 5 },
    ];
    const plan = planAssignments({
      ideas: [{ id: 10, teamIds: [50, 1], unitIds: [2, 4] }],
      reviewers: committee,
      perIdea: 3,
      rules,
    });
    // unit 4 is also the co-author's unit: reviewer 5 is out too; 4 and 6 are left
    expect(plan.assignments).toEqual([
      { ideaId: 10, reviewerId: 4 },
      { ideaId: 10, reviewerId: 6 },
    ]);
    expect(plan.shortfalls).toEqual([{ ideaId: 10, missing: 1 }]);
  });

  it("balances the load within one: 7 ideas × 3 reviewers over 4 reviewers is 6, 5, 5, 5", () => {
    const plan = planAssignments({
      ideas: [1, 2, 3, 4, 5, 6, 7].map((id) => idea(id)),
      reviewers: reviewers(4, 4, 4, 4),
      perIdea: 3,
      rules,
    });
    expect(plan.assignments).toHaveLength(21);
    expect(loadsOf(plan).sort()).toEqual([5, 5, 5, 6]);
    expect(plan.shortfalls).toEqual([]);
  });

  it("counts the load reviewers already carry in the campaign", () => {
    const plan = planAssignments({
      ideas: [1, 2, 3].map((id) => idea(id)),
      reviewers: reviewers(4, 4, 4),
      perIdea: 1,
      rules,
      existingLoad: new Map([
        [101, 2],
        [102, 1],
      ]),
    });
    // 2, 1, 0 already: the three new ones go to 103, 103, 102 → 2, 2, 2
    expect(loadsOf(plan)).toEqual([2, 2, 2]);
    expect(plan.assignments.map((a) => a.reviewerId).sort()).toEqual([102, 103, 103]);
  });

  it("breaks ties by the lower reviewer id, so a rerun gives the same answer", () => {
    const input = { ideas: [idea(1)], reviewers: reviewers(4, 4, 4, 4).reverse(), perIdea: 2, rules };
    const plan = planAssignments(input);
    expect(plan.assignments).toEqual([
      { ideaId: 1, reviewerId: 101 },
      { ideaId: 1, reviewerId: 102 },
    ]);
    expect(planAssignments(input)).toEqual(plan);
  });

  it("assigns as many as it can and reports the shortfall per idea when too few are eligible", () => {
    const plan = planAssignments({
      ideas: [idea(1, [900], [4]), idea(2, [901], [5]), idea(3, [101], [5])],
      reviewers: reviewers(4, 4, 5),
      perIdea: 3,
      rules,
    });
    // idea 1 (Bappeda): only 103 of Dinkes; idea 2 (Dinkes): 101 and 102; idea 3: 101 authors it, unit 5 excludes 103
    expect(plan.assignments).toEqual([
      { ideaId: 1, reviewerId: 103 },
      { ideaId: 2, reviewerId: 101 },
      { ideaId: 2, reviewerId: 102 },
      { ideaId: 3, reviewerId: 102 },
    ]);
    expect(plan.shortfalls).toEqual([
      { ideaId: 1, missing: 2 },
      { ideaId: 2, missing: 1 },
      { ideaId: 3, missing: 2 },
    ]);
  });

  it("tops up an idea that already has reviewers, never doubling one", () => {
    const plan = planAssignments({
      ideas: [{ ...idea(1), reviewerIds: [101] }],
      reviewers: reviewers(4, 4, 4),
      perIdea: 2,
      rules,
      existingLoad: new Map([[101, 1]]),
    });
    expect(plan.assignments).toEqual([{ ideaId: 1, reviewerId: 102 }]);
  });

  it("keeps every idea conflict-free, fully staffed where possible, and leaves no move that would even the load (property)", () => {
    const scenario = fc.record({
      reviewerUnits: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }),
      ideas: fc.array(
        fc.record({
          unit: fc.integer({ min: 1, max: 5 }),
          coauthor: fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }),
        }),
        { maxLength: 15 },
      ),
      perIdea: fc.integer({ min: 1, max: 4 }),
      excludeSameUnit: fc.boolean(),
    });
    fc.assert(
      fc.property(scenario, (s) => {
        const committee = reviewers(...s.reviewerUnits);
        const ideas = s.ideas.map((i, n) => ({
          id: n + 1,
          teamIds: [500 + n, ...(i.coauthor !== undefined ? [101 + i.coauthor] : [])],
          unitIds: [i.unit],
        }));
        const r = { excludeSameUnit: s.excludeSameUnit, parents };
        const plan = planAssignments({ ideas, reviewers: committee, perIdea: s.perIdea, rules: r });
        const byId = new Map(committee.map((c) => [c.id, c]));
        for (const i of ideas) {
          const mine = plan.assignments.filter((a) => a.ideaId === i.id).map((a) => a.reviewerId);
          expect(new Set(mine).size).toBe(mine.length);
          for (const reviewerId of mine) expect(conflictOf(byId.get(reviewerId)!, i, r)).toBeNull();
          const eligible = committee.filter((c) => conflictOf(c, i, r) === null).length;
          expect(mine.length).toBe(Math.min(s.perIdea, eligible));
        }
        const load = new Map(plan.loads.map((l) => [l.reviewerId, l.load]));
        for (const a of plan.assignments)
          for (const to of committee) {
            const idea = ideas.find((i) => i.id === a.ideaId)!;
            const free = !plan.assignments.some((b) => b.ideaId === a.ideaId && b.reviewerId === to.id);
            if (free && conflictOf(to, idea, r) === null)
              expect(load.get(a.reviewerId)! - load.get(to.id)!).toBeLessThan(2);
          }
        // without conflicts the spread is at most one
        if (!s.excludeSameUnit && s.ideas.every((i) => i.coauthor === undefined) && s.perIdea <= committee.length)
          expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("selectForReview", () => {
  const candidates = [
    { id: 1, voteCount: 5, submittedAt: 300 },
    { id: 2, voteCount: 9, submittedAt: 200 },
    { id: 3, voteCount: 5, submittedAt: 100 },
    { id: 4, voteCount: 0, submittedAt: 50 },
    { id: 5, voteCount: 5, submittedAt: 100 },
  ];

  it("takes all submitted ideas, most voted first", () => {
    expect(selectForReview(candidates, { mode: "all" })).toEqual([2, 3, 5, 1, 4]);
  });

  it("takes the top K by votes; a tie goes to the earlier submission, then the lower id", () => {
    expect(selectForReview(candidates, { mode: "top", k: 3 })).toEqual([2, 3, 5]);
    expect(selectForReview(candidates, { mode: "top", k: 10 })).toHaveLength(5);
  });

  it("takes the ideas with at least the threshold of votes", () => {
    expect(selectForReview(candidates, { mode: "threshold", minVotes: 5 })).toEqual([2, 3, 5, 1]);
    expect(selectForReview(candidates, { mode: "threshold", minVotes: 10 })).toEqual([]);
  });
});

describe("planReassignment", () => {
  const open = (assignmentId: number, ideaId: number, reviewerId = 999) => ({ assignmentId, ideaId, reviewerId });

  it("spreads the open assignments over the least-loaded reviewers, lower id on a tie", () => {
    const plan = planReassignment({
      open: [open(1, 1), open(2, 2), open(3, 3)],
      ideas: [idea(1), idea(2), idea(3)],
      reviewers: reviewers(4, 4, 4),
      rules,
      existingLoad: new Map([[101, 2]]),
    });
    expect(plan.moves.map((m) => [m.assignmentId, m.toReviewerId])).toEqual([
      [1, 102],
      [2, 103],
      [3, 102],
    ]);
    expect(plan.stranded).toEqual([]);
  });

  it("never gives an idea to its team, to a related unit when excluded, or to a reviewer already on it", () => {
    // reviewer 101 Aptika (under idea 1's Kominfo), 102 on idea 1's team, 103 already reviews it, 104 Bappeda
    const plan = planReassignment({
      open: [open(1, 1)],
      ideas: [{ id: 1, teamIds: [900, 102], unitIds: [1], reviewerIds: [103] }],
      reviewers: reviewers(2, 4, 4, 4),
      rules,
      existingLoad: new Map([[104, 9]]),
    });
    expect(plan.moves.map((m) => m.toReviewerId)).toEqual([104]);
  });

  it("reports an assignment nobody may take as stranded, and serves the most constrained idea first", () => {
    const plan = planReassignment({
      open: [open(1, 1), open(2, 2)],
      // idea 2 only reviewer 101 may take; idea 1 either; idea 3 (no such idea info) nobody
      ideas: [idea(1), { id: 2, teamIds: [102], unitIds: [4] }],
      reviewers: reviewers(5, 4),
      rules,
    });
    expect(plan.moves.map((m) => [m.ideaId, m.toReviewerId])).toEqual([
      [1, 102],
      [2, 101],
    ]);
    const none = planReassignment({ open: [open(7, 3)], ideas: [idea(1)], reviewers: reviewers(4), rules });
    expect(none).toEqual({ moves: [], stranded: [open(7, 3)] });
  });

  it("with the unit rule off, a same-unit reviewer may take the idea", () => {
    const plan = planReassignment({
      open: [open(1, 1)],
      ideas: [idea(1, [900], [5])],
      reviewers: reviewers(5),
      rules: { excludeSameUnit: false, parents },
    });
    expect(plan.moves.map((m) => m.toReviewerId)).toEqual([101]);
  });
});

describe("conflictCounts", () => {
  it("counts the ideas a person is on the team of, and the others of a related unit", () => {
    const counts = conflictCounts(
      reviewers(1, 4),
      [idea(1, [101], [2]), idea(2, [900], [3]), idea(3, [900], [5])],
      parents,
    );
    expect(counts.get(101)).toEqual({ authored: 1, sameUnit: 1 });
    expect(counts.get(102)).toEqual({ authored: 0, sameUnit: 0 });
  });
});
