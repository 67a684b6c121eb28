/**
 * "Trending" without recomputation: hot = log10(max(votes, 1)) + submitted_at seconds / 45000.
 * Ten times the votes is worth 12.5 hours of freshness. Stored and indexed; any write that changes
 * `vote_count` recomputes it in the same statement with `sqlHot` (src/db/hot.ts), this formula in SQL.
 */
export function hotScore(votes: number, submittedAtMs: number): number {
  return Math.log10(Math.max(votes, 1)) + submittedAtMs / 1000 / HOT_FRESHNESS_SECONDS;
}

/** Seconds of freshness worth one power of ten of votes (shared with the formula's SQL forms). */
export const HOT_FRESHNESS_SECONDS = 45_000;

/**
 * A campaign may hide vote counts until voting closes, so early numbers do not herd the rest.
 * Kotak Ide never closes, so it never hides.
 */
export function voteCountVisible(
  c: { kind: "open" | "competition"; hideVotesUntilClosed: boolean; votingEnd: number | null },
  now: number,
): boolean {
  if (c.kind === "open" || !c.hideVotesUntilClosed) return true;
  return c.votingEnd !== null && now >= c.votingEnd;
}

/**
 * Statuses in which an idea takes (and gives back) votes while its campaign's voting window is open:
 * submitted, and still in review or shortlisted, so that in the always-open Kotak Ide colleagues
 * keep showing support while the committee looks at it. A decided idea's votes are final.
 */
export const VOTABLE_STATUSES = ["submitted", "in_review", "shortlisted"] as const;

export const isVotableStatus = (status: string) => (VOTABLE_STATUSES as readonly string[]).includes(status);

export type VoteRefusal = "vote.own_idea" | "vote.idea_closed" | "vote.phase_closed" | "vote.budget_exhausted";

/** What a vote (or its retraction) found, read in the same batch right after the guarded write. */
export type VoteState = {
  status: string;
  /** the voter is the author or an accepted co-author */
  ownIdea: boolean;
  votingOpen: boolean;
  /** the voter's live votes in the campaign */
  used: number;
  budget: number;
};

/**
 * Why a guarded vote insert wrote nothing, in the order a person can act on: their own idea first,
 * then the idea's state, then the calendar, then their budget. `null`: no rule refuses it now
 * (something changed concurrently; asking again settles it).
 */
export function voteRefusal(s: VoteState): VoteRefusal | null {
  if (s.ownIdea) return "vote.own_idea";
  if (!isVotableStatus(s.status)) return "vote.idea_closed";
  if (!s.votingOpen) return "vote.phase_closed";
  if (s.used >= s.budget) return "vote.budget_exhausted";
  return null;
}

/** Why a retraction may not happen: votes only come back while they could be cast. */
export function retractRefusal(s: Pick<VoteState, "status" | "votingOpen">): VoteRefusal | null {
  if (!isVotableStatus(s.status)) return "vote.idea_closed";
  if (!s.votingOpen) return "vote.phase_closed";
  return null;
}

/**
 * A burst: at least {@link BURST.minVotes} votes, of which at least `windowShare` arrived within
 * one `windowMs`, and of those at least `unitShare` came from the idea's own unit. Organic support
 * trickles in from many units over days; a colleague rallying their office produces exactly this.
 */
export type BurstRules = { minVotes: number; windowMs: number; windowShare: number; unitShare: number };

export const BURST: Readonly<BurstRules> = { minVotes: 5, windowMs: 3_600_000, windowShare: 0.6, unitShare: 0.7 };

export type VoteSample = { at: number; unitId: number };

export type BurstFinding = {
  flagged: boolean;
  /** the densest window (the first flagged one when there is one); null without votes */
  window: { start: number; end: number; votes: number; fromAuthorUnit: number } | null;
};

/**
 * Looks at every window shorter than `windowMs` that starts and ends on a vote (two pointers over
 * the sorted times; within the widest window ending at each vote, every start that still holds
 * `windowShare` of all votes is tried, with prefix counts of the author-unit votes). Reports the
 * largest flagged window, or else the densest one.
 * @param authorUnitId the unit the idea belongs to
 * @example detectBurst(votes, 12).flagged
 */
export function detectBurst(
  votes: readonly VoteSample[],
  authorUnitId: number,
  rules: BurstRules = BURST,
): BurstFinding {
  const sorted = [...votes].sort((a, b) => a.at - b.at);
  const n = sorted.length;
  // prefix[i]: author-unit votes among the first i
  const prefix = [0];
  for (const v of sorted) prefix.push(prefix.at(-1)! + (v.unitId === authorUnitId ? 1 : 0));
  const windowOf = (lo: number, hi: number) => ({
    start: sorted[lo]!.at,
    end: sorted[hi]!.at,
    votes: hi - lo + 1,
    fromAuthorUnit: prefix[hi + 1]! - prefix[lo]!,
  });
  let densest: BurstFinding["window"] = null;
  let flagged: BurstFinding["window"] = null;
  let lo = 0;
  for (let hi = 0; hi < n; hi++) {
    while (sorted[hi]!.at - sorted[lo]!.at >= rules.windowMs) lo++;
    const widest = windowOf(lo, hi);
    if (!densest || widest.votes > densest.votes) densest = widest;
    if (n < rules.minVotes) continue;
    // the widest start first: the first window that qualifies is the largest ending here
    for (let start = lo; hi - start + 1 >= rules.windowShare * n; start++) {
      const w = windowOf(start, hi);
      if (w.fromAuthorUnit < rules.unitShare * w.votes) continue;
      if (!flagged || w.votes > flagged.votes) flagged = w;
      break;
    }
  }
  return flagged ? { flagged: true, window: flagged } : { flagged: false, window: densest };
}

export type UnitTally = { unitId: number; unitName: string; votes: number; authorUnit: boolean };

/**
 * Where an idea's support came from: votes per unit (most first), the share from the idea's own
 * unit, and the burst finding.
 */
export function voteSources(
  votes: readonly (VoteSample & { unitName: string })[],
  authorUnitId: number,
  rules: BurstRules = BURST,
) {
  const tallies = new Map<number, UnitTally>();
  for (const v of votes) {
    const t = tallies.get(v.unitId) ?? {
      unitId: v.unitId,
      unitName: v.unitName,
      votes: 0,
      authorUnit: v.unitId === authorUnitId,
    };
    t.votes++;
    tallies.set(v.unitId, t);
  }
  const units = [...tallies.values()].sort((a, b) => b.votes - a.votes || a.unitName.localeCompare(b.unitName));
  const fromAuthorUnit = tallies.get(authorUnitId)?.votes ?? 0;
  return {
    total: votes.length,
    units,
    authorUnitShare: votes.length === 0 ? 0 : fromAuthorUnit / votes.length,
    burst: detectBurst(votes, authorUnitId, rules),
  };
}
