/**
 * Competition rounds (issue 20.3): a campaign may run several rounds — administrative screening,
 * desk evaluation, presentation and interview, field verification — each scored on its own rubric
 * or checklist by its own panel, each with a rule for who goes on, and a final score that weighs
 * the rounds. Pure: the handlers read the rows, this decides what they add up to.
 */
import { rankIdeas, reviewScore, round2, type RankedIdea, type RubricItem, type SubmittedReview } from "./scoring";

export const ROUND_KINDS = ["checklist", "rubric"] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

/** Who goes on to the next round: everyone scored, the best N (ties at the cut all go), or a passing grade. */
export type AdvanceRule = { mode: "all" } | { mode: "top"; n: number } | { mode: "grade"; grade: number };

/** A checklist item (pass/fail) or a rubric criterion (1..scaleMax, weighted). */
export type RoundItem = { key: string; label: string; weight: number; scaleMax: number };

export type RoundConfig = {
  name: string;
  kind: RoundKind;
  /** share of the final score, 0–100; the weighted rounds' shares add up to 100 */
  weight: number;
  advance: AdvanceRule;
  items: readonly RoundItem[];
};

export const MAX_ROUNDS = 6;
export const MAX_ITEMS = 12;

export type ConfigProblem = { path: string; code: string; message: string };

/**
 * A competition's rounds: 1–6, each with 1–12 items of distinct keys; a rubric's weights add up to
 * 100; the weighted rounds' shares add up to 100 (a round may weigh 0: a screening that only filters).
 */
export function checkRounds(rounds: readonly RoundConfig[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (rounds.length === 0 || rounds.length > MAX_ROUNDS)
    problems.push({ path: "rounds", code: "rounds.size", message: `A competition has 1 to ${MAX_ROUNDS} rounds` });
  rounds.forEach((r, i) => {
    const keys = new Set<string>();
    if (r.items.length === 0 || r.items.length > MAX_ITEMS)
      problems.push({ path: `rounds.${i}.items`, code: "rounds.items_size", message: `1 to ${MAX_ITEMS} items` });
    for (const item of r.items) {
      if (keys.has(item.key))
        problems.push({ path: `rounds.${i}.items`, code: "rounds.duplicate_key", message: `Key "${item.key}" twice` });
      keys.add(item.key);
    }
    const total = r.items.reduce((s, c) => s + c.weight, 0);
    if (r.kind === "rubric" && total !== 100)
      problems.push({ path: `rounds.${i}.items`, code: "rounds.weights_total", message: `Weights add up to ${total}` });
    if (r.advance.mode === "top" && r.advance.n < 1)
      problems.push({ path: `rounds.${i}.advance`, code: "rounds.advance", message: "Top N needs N of at least 1" });
  });
  const shares = rounds.reduce((s, r) => s + r.weight, 0);
  if (rounds.length > 0 && shares !== 100)
    problems.push({
      path: "rounds",
      code: "rounds.shares_total",
      message: `Round weights add up to ${shares}, not 100`,
    });
  return problems;
}

/** What one reviewer gave one entry: per item a score (rubric) or 1 = pass / 0 = fail (checklist). */
export type ItemScores = Readonly<Record<string, number>>;

/** Whether a score sheet is complete and each value on its item's scale. */
export function sheetProblems(kind: RoundKind, items: readonly RoundItem[], scores: ItemScores): ConfigProblem[] {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const problems: ConfigProblem[] = Object.entries(scores).flatMap(([key, v]) => {
    const item = byKey.get(key);
    if (!item) return [{ path: `scores.${key}`, code: "round.unknown_item", message: "Not an item of this round" }];
    const [lo, hi] = kind === "checklist" ? [0, 1] : [1, item.scaleMax];
    return Number.isInteger(v) && v >= lo && v <= hi
      ? []
      : [{ path: `scores.${key}`, code: "round.score_out_of_range", message: `A whole number from ${lo} to ${hi}` }];
  });
  return problems;
}

export const missingItems = (items: readonly RoundItem[], scores: ItemScores) =>
  items.filter((i) => scores[i.key] === undefined).map((i) => i.key);

/**
 * One sheet's score on 0–100: a rubric's weighted mean (as `reviewScore`), a checklist's share of
 * items passed.
 * @example sheetScore("checklist", items3, { a: 1, b: 1, c: 0 }) // 66.67
 */
export function sheetScore(kind: RoundKind, items: readonly RoundItem[], scores: ItemScores): number | null {
  if (missingItems(items, scores).length > 0) return null;
  if (kind === "rubric") return reviewScore(items as readonly RubricItem[], scores);
  return round2((100 * items.filter((i) => scores[i.key] === 1).length) / items.length);
}

export type RoundSheet = { id: number; entryId: number; reviewerId: number; score: number; submittedAt: number };
export type RoundEntry = { entryId: number; enteredAt: number };

/**
 * A round's ranking of its entries (per round: its own normalisation and disagreement), through
 * the campaign ranking's rules; the entry id stands in for the idea id.
 */
export function rankRound(
  entries: readonly RoundEntry[],
  sheets: readonly RoundSheet[],
  options: { normalised: boolean; passingGrade: number },
): RankedIdea[] {
  const perEntry = new Map<number, number>();
  for (const s of sheets) perEntry.set(s.entryId, (perEntry.get(s.entryId) ?? 0) + 1);
  const reviews: SubmittedReview[] = sheets.map((s) => ({
    id: s.id,
    ideaId: s.entryId,
    reviewerId: s.reviewerId,
    score: s.score,
    recommendation: "shortlist",
    submittedAt: s.submittedAt,
  }));
  return rankIdeas(
    entries.map((e) => ({
      id: e.entryId,
      voteCount: 0,
      submittedAt: e.enteredAt,
      assigned: perEntry.get(e.entryId) ?? 0,
    })),
    reviews,
    options,
  );
}

/**
 * Who goes on, from a round's ranking: with `top`, the best N and every entry tied (to two
 * decimals) with the N-th; with `grade`, each whose raw score reaches the grade; with `all`, each
 * scored entry. An entry without a score never goes on.
 * @returns the entry ids that advance
 */
export function advancing(ranked: readonly Pick<RankedIdea, "ideaId" | "score" | "rawScore">[], rule: AdvanceRule) {
  const scored = ranked.filter((r) => r.score !== null);
  if (rule.mode === "all") return scored.map((r) => r.ideaId);
  if (rule.mode === "grade")
    return scored.filter((r) => r.rawScore !== null && r.rawScore >= rule.grade).map((r) => r.ideaId);
  const ordered = [...scored].sort((a, b) => b.score! - a.score!);
  const cut = ordered[rule.n - 1]?.score;
  if (cut === undefined || cut === null) return ordered.map((r) => r.ideaId);
  return ordered.filter((r) => r.score! >= cut).map((r) => r.ideaId);
}

export type EntryProgress = {
  entryId: number;
  /** the entry's score in each round it was scored in, by round position (1-based) */
  scores: ReadonlyMap<number, number>;
  /** the last round the entry was in */
  reached: number;
  enteredAt: number;
};

export type FinalRow = {
  entryId: number;
  rank: number;
  reached: number;
  /** Σ weight·score / Σ weight over the weighted rounds it was scored in; null before any */
  combined: number | null;
  /** scored in every weighted round: the combined score is final */
  complete: boolean;
};

/**
 * The final ranking: entries that went furthest first, then by the combined score, then by earlier
 * entry and id. The combined score weighs each round's score by the round's share.
 * @example finalRanking([{ position: 2, weight: 70 }, { position: 3, weight: 30 }], [{ entryId: 1, scores: new Map([[2, 88], [3, 80]]), reached: 3, enteredAt: 0 }])
 * // [{ entryId: 1, rank: 1, reached: 3, combined: 85.6, complete: true }]
 */
export function finalRanking(
  rounds: readonly { position: number; weight: number }[],
  entries: readonly EntryProgress[],
): FinalRow[] {
  const weighted = rounds.filter((r) => r.weight > 0);
  const rows = entries.map((e) => {
    let sum = 0;
    let weights = 0;
    for (const r of weighted) {
      const s = e.scores.get(r.position);
      if (s === undefined) continue;
      sum += r.weight * s;
      weights += r.weight;
    }
    return {
      entryId: e.entryId,
      rank: 0,
      reached: e.reached,
      combined: weights === 0 ? null : round2(sum / weights),
      complete: weighted.every((r) => e.scores.has(r.position)),
      enteredAt: e.enteredAt,
    };
  });
  const score = (x: number | null) => (x === null ? -Infinity : x);
  rows.sort(
    (a, b) =>
      b.reached - a.reached ||
      score(b.combined) - score(a.combined) ||
      a.enteredAt - b.enteredAt ||
      a.entryId - b.entryId,
  );
  return rows.map(({ enteredAt: _e, ...row }, i) => ({ ...row, rank: i + 1 }));
}

/**
 * Presentation slots: the round's entries one after another from `start`, `minutes` each, in the
 * order given.
 */
export function scheduleSlots(entryIds: readonly number[], start: number, minutes: number) {
  return new Map(entryIds.map((id, i) => [id, start + i * minutes * 60_000]));
}
