/**
 * Which ideas enter review, and who reviews them. Pure and deterministic: the same committee,
 * ideas and loads always give the same assignments (ties go to the lower reviewer id).
 */

export type Selection = { mode: "all" } | { mode: "top"; k: number } | { mode: "threshold"; minVotes: number };

export type Candidate = { id: number; voteCount: number; submittedAt: number | null };

/**
 * The submitted ideas the chair sends to review: all of them, the top K by votes (ties: earlier
 * submission, then lower id), or those with at least `minVotes` votes.
 * @returns idea ids, most voted first
 */
export function selectForReview(candidates: readonly Candidate[], selection: Selection): number[] {
  const ordered = [...candidates].sort(
    (a, b) => b.voteCount - a.voteCount || (a.submittedAt ?? Infinity) - (b.submittedAt ?? Infinity) || a.id - b.id,
  );
  const chosen =
    selection.mode === "top"
      ? ordered.slice(0, selection.k)
      : selection.mode === "threshold"
        ? ordered.filter((c) => c.voteCount >= selection.minVotes)
        : ordered;
  return chosen.map((c) => c.id);
}

/** unit id → its parent unit id (null for an OPD at the top of the tree) */
export type UnitParents = ReadonlyMap<number, number | null>;

function lineOf(unitId: number, parents: UnitParents): Set<number> {
  const line = new Set<number>();
  for (
    let at: number | null | undefined = unitId;
    at !== null && at !== undefined && !line.has(at);
    at = parents.get(at)
  )
    line.add(at);
  return line;
}

/**
 * Two units are the same "unit" for conflicts of interest when they are equal or one contains the
 * other: the head of a Dinas does not review the idea of one of its Bidang, nor the other way round.
 * Sibling Bidang of one Dinas are independent.
 */
export function unitsRelated(a: number, b: number, parents: UnitParents): boolean {
  return lineOf(a, parents).has(b) || lineOf(b, parents).has(a);
}

export type ReviewerInfo = { id: number; unitId: number };

export type IdeaInfo = {
  id: number;
  /** the author and the co-authors who accepted */
  teamIds: readonly number[];
  /** the idea's unit and its team's units */
  unitIds: readonly number[];
  /** reviewers already assigned to the idea */
  reviewerIds?: readonly number[];
};

export type ConflictRules = { excludeSameUnit: boolean; parents: UnitParents };
export type Conflict = "author" | "same_unit";

/** Why `reviewer` may not review `idea`, or null when they may. */
export function conflictOf(reviewer: ReviewerInfo, idea: IdeaInfo, rules: ConflictRules): Conflict | null {
  if (idea.teamIds.includes(reviewer.id)) return "author";
  if (rules.excludeSameUnit && idea.unitIds.some((u) => unitsRelated(u, reviewer.unitId, rules.parents)))
    return "same_unit";
  return null;
}

export type Assignment = { ideaId: number; reviewerId: number };
export type Shortfall = { ideaId: number; missing: number };

export type AssignmentPlan = {
  assignments: Assignment[];
  /** ideas that could not get `perIdea` reviewers: too few committee members without a conflict */
  shortfalls: Shortfall[];
  /** each reviewer's load afterwards (existing assignments included), by reviewer id */
  loads: { reviewerId: number; load: number }[];
};

/**
 * Gives each idea `perIdea` reviewers without a conflict of interest, balancing the load.
 *
 * Greedy, most constrained idea first: each slot goes to the least-loaded eligible reviewer
 * (ties: lower id). Then single moves from a reviewer to one carrying at least two fewer, while
 * any exists, so loads differ by at most one wherever conflicts allow it. An idea short of
 * eligible reviewers gets all it can and is reported; it is never given a conflicted one.
 * @param input `existingLoad`: assignments each reviewer already carries in the campaign
 */
export function planAssignments(input: {
  ideas: readonly IdeaInfo[];
  reviewers: readonly ReviewerInfo[];
  perIdea: number;
  rules: ConflictRules;
  existingLoad?: ReadonlyMap<number, number>;
}): AssignmentPlan {
  const { perIdea, rules } = input;
  const reviewers = [...input.reviewers].sort((a, b) => a.id - b.id);
  const load = new Map(reviewers.map((r) => [r.id, input.existingLoad?.get(r.id) ?? 0]));
  const onIdea = new Map(input.ideas.map((i) => [i.id, new Set(i.reviewerIds ?? [])]));
  const eligible = new Map(
    input.ideas.map((i) => [i.id, reviewers.filter((r) => conflictOf(r, i, rules) === null).map((r) => r.id)]),
  );
  const need = (i: IdeaInfo) => Math.max(0, perIdea - onIdea.get(i.id)!.size);
  const open = (ideaId: number) => eligible.get(ideaId)!.filter((r) => !onIdea.get(ideaId)!.has(r));
  const byLoad = (a: number, b: number) => load.get(a)! - load.get(b)! || a - b;

  const ideas = [...input.ideas].sort(
    (a, b) => open(a.id).length - need(a) - (open(b.id).length - need(b)) || a.id - b.id,
  );
  const made: Assignment[] = [];
  const shortfalls: Shortfall[] = [];
  for (const idea of ideas) {
    const wanted = need(idea);
    const possible = Math.min(wanted, open(idea.id).length);
    for (let slot = 0; slot < possible; slot++) {
      const pick = open(idea.id).sort(byLoad)[0]!;
      onIdea.get(idea.id)!.add(pick);
      load.set(pick, load.get(pick)! + 1);
      made.push({ ideaId: idea.id, reviewerId: pick });
    }
    if (possible < wanted) shortfalls.push({ ideaId: idea.id, missing: wanted - possible });
  }

  rebalance(made, { load, onIdea, eligible, reviewers });
  return {
    assignments: made.sort((a, b) => a.ideaId - b.ideaId || a.reviewerId - b.reviewerId),
    shortfalls: shortfalls.sort((a, b) => a.ideaId - b.ideaId),
    loads: reviewers.map((r) => ({ reviewerId: r.id, load: load.get(r.id)! })),
  };
}

/**
 * Moves new assignments from heavier to lighter reviewers (by at least two) until no such move
 * is left. Each move lowers the sum of squared loads, so it ends.
 */
function rebalance(
  made: Assignment[],
  state: {
    load: Map<number, number>;
    onIdea: Map<number, Set<number>>;
    eligible: Map<number, number[]>;
    reviewers: readonly ReviewerInfo[];
  },
) {
  const { load, onIdea, eligible, reviewers } = state;
  const ids = reviewers.map((r) => r.id);
  for (;;) {
    const heavy = [...ids].sort((a, b) => load.get(b)! - load.get(a)! || a - b);
    const light = [...ids].sort((a, b) => load.get(a)! - load.get(b)! || a - b);
    const move = findMove(made, heavy, light, { load, onIdea, eligible });
    if (!move) return;
    const { index, to } = move;
    const { ideaId, reviewerId: from } = made[index]!;
    onIdea.get(ideaId)!.delete(from);
    onIdea.get(ideaId)!.add(to);
    load.set(from, load.get(from)! - 1);
    load.set(to, load.get(to)! + 1);
    made[index] = { ideaId, reviewerId: to };
  }
}

function findMove(
  made: readonly Assignment[],
  heavy: readonly number[],
  light: readonly number[],
  state: { load: Map<number, number>; onIdea: Map<number, Set<number>>; eligible: Map<number, number[]> },
): { index: number; to: number } | null {
  const { load, onIdea, eligible } = state;
  for (const from of heavy) {
    const mine = made
      .map((a, index) => ({ ...a, index }))
      .filter((a) => a.reviewerId === from)
      .sort((a, b) => a.ideaId - b.ideaId);
    for (const a of mine) {
      for (const to of light) {
        if (load.get(from)! - load.get(to)! < 2) break;
        if (eligible.get(a.ideaId)!.includes(to) && !onIdea.get(a.ideaId)!.has(to)) return { index: a.index, to };
      }
    }
  }
  return null;
}

export type OpenAssignment = { assignmentId: number; ideaId: number; reviewerId: number };
export type Move = OpenAssignment & { toReviewerId: number };

/**
 * Where the open assignments of reviewers leaving a committee go: each to the least-loaded
 * remaining reviewer (ties: lower id) who has no conflict with its idea and is not already on it,
 * the ideas with the fewest such reviewers first. An assignment nobody may take is `stranded`:
 * the caller refuses the whole change rather than leave an idea short of a reviewer.
 * @param input `ideas`: the ideas concerned, `reviewerIds` being the reviewers who stay on them;
 *   `existingLoad`: assignments each remaining reviewer already carries in the campaign
 */
export function planReassignment(input: {
  open: readonly OpenAssignment[];
  ideas: readonly IdeaInfo[];
  reviewers: readonly ReviewerInfo[];
  rules: ConflictRules;
  existingLoad?: ReadonlyMap<number, number>;
}): { moves: Move[]; stranded: OpenAssignment[] } {
  const reviewers = [...input.reviewers].sort((a, b) => a.id - b.id);
  const load = new Map(reviewers.map((r) => [r.id, input.existingLoad?.get(r.id) ?? 0]));
  const ideas = new Map(input.ideas.map((i) => [i.id, i]));
  const onIdea = new Map(input.ideas.map((i) => [i.id, new Set(i.reviewerIds ?? [])]));
  const candidates = (a: OpenAssignment) => {
    const idea = ideas.get(a.ideaId);
    if (!idea) return [];
    return reviewers.filter((r) => !onIdea.get(a.ideaId)!.has(r.id) && conflictOf(r, idea, input.rules) === null);
  };
  const order = [...input.open].sort(
    (a, b) => candidates(a).length - candidates(b).length || a.ideaId - b.ideaId || a.assignmentId - b.assignmentId,
  );
  const moves: Move[] = [];
  const stranded: OpenAssignment[] = [];
  for (const a of order) {
    const pick = candidates(a).sort((x, y) => load.get(x.id)! - load.get(y.id)! || x.id - y.id)[0];
    if (!pick) {
      stranded.push(a);
      continue;
    }
    onIdea.get(a.ideaId)!.add(pick.id);
    load.set(pick.id, load.get(pick.id)! + 1);
    moves.push({ ...a, toReviewerId: pick.id });
  }
  return {
    moves: moves.sort((a, b) => a.assignmentId - b.assignmentId),
    stranded: stranded.sort((a, b) => a.assignmentId - b.assignmentId),
  };
}

/**
 * How many of the campaign's ideas each person is on the team of (`authored`), and how many others
 * come from their unit or one above or below it (`sameUnit`, a conflict only when the campaign
 * excludes such reviewers): what an admin weighs before seating them.
 */
export function conflictCounts(
  people: readonly ReviewerInfo[],
  ideas: readonly IdeaInfo[],
  parents: UnitParents,
): Map<number, { authored: number; sameUnit: number }> {
  const rules = { excludeSameUnit: true, parents };
  return new Map(
    people.map((p) => {
      let authored = 0;
      let sameUnit = 0;
      for (const idea of ideas) {
        const conflict = conflictOf(p, idea, rules);
        if (conflict === "author") authored++;
        else if (conflict === "same_unit") sameUnit++;
      }
      return [p.id, { authored, sameUnit }];
    }),
  );
}
