/**
 * Scoring a campaign's reviews: a review's score on 0–100 from the rubric, an idea's score as the
 * mean of its submitted reviews, optional per-reviewer normalisation, the disagreement flag and a
 * deterministic ranking. Pure: the handler reads the rows, this decides what they add up to.
 */

/** A criterion as scoring needs it: its weight and the top of its scale (scores run 1..scaleMax). */
export type RubricItem = { key: string; weight: number; scaleMax: number };

/** Reviewers whose scores for one idea spread more than this (standard deviation, points) disagree. */
export const DISAGREEMENT_THRESHOLD = 15;

/** Normalised scores are mapped back as 50 + 15·z, so ±1 standard deviation spans 35–65. */
export const NORMAL_CENTRE = 50;
export const NORMAL_SPREAD = 15;

/** Scores are shown, compared and stored to two decimals: what looks tied is tied. */
export const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The weighted mean of each criterion's score as a share of its scale, on 0–100.
 * @returns null while a criterion of the rubric has no score
 * @example reviewScore([{ key: "a", weight: 60, scaleMax: 5 }, { key: "b", weight: 40, scaleMax: 4 }], { a: 4, b: 2 }) // 68
 */
export function reviewScore(rubric: readonly RubricItem[], scores: Readonly<Record<string, number>>): number | null {
  let weighted = 0;
  let weights = 0;
  for (const c of rubric) {
    const s = scores[c.key];
    if (s === undefined) return null;
    weighted += c.weight * ((s / c.scaleMax) * 100);
    weights += c.weight;
  }
  return weights === 0 ? null : round2(weighted / weights);
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Population standard deviation (the reviews are all there is, not a sample of them). */
export function standardDeviation(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length);
}

export type SubmittedReview = {
  id: number;
  ideaId: number;
  reviewerId: number;
  /** the review's score, 0–100 */
  score: number;
  recommendation: "shortlist" | "approve" | "reject";
  submittedAt: number;
};

/**
 * Each reviewer's scores as z-scores over their own submitted reviews in the campaign, mapped
 * back to 0–100 as 50 + 15·z (clamped), so a lenient and a harsh reviewer weigh alike. A reviewer
 * with a single review, or who gave every idea the same score, has no spread to measure against:
 * their raw scores are kept.
 * @returns review id → normalised score
 */
export function normaliseScores(reviews: readonly Pick<SubmittedReview, "id" | "reviewerId" | "score">[]) {
  const byReviewer = new Map<number, number[]>();
  for (const r of reviews) byReviewer.set(r.reviewerId, [...(byReviewer.get(r.reviewerId) ?? []), r.score]);
  const stats = new Map(
    [...byReviewer].map(([id, scores]) => [id, { n: scores.length, m: mean(scores)!, sd: standardDeviation(scores)! }]),
  );
  const out = new Map<number, number>();
  for (const r of reviews) {
    const { n, m, sd } = stats.get(r.reviewerId)!;
    // below 1e-9 the spread is rounding noise of identical scores
    if (n < 2 || sd < 1e-9) out.set(r.id, r.score);
    else out.set(r.id, Math.min(100, Math.max(0, NORMAL_CENTRE + (NORMAL_SPREAD * (r.score - m)) / sd)));
  }
  return out;
}

export type RankingIdea = {
  id: number;
  voteCount: number;
  /** earlier submission wins a tie; null (never submitted) comes last */
  submittedAt: number | null;
  /** reviewers assigned to the idea, submitted or not */
  assigned: number;
};

export type RankedIdea = {
  ideaId: number;
  rank: number;
  /** the score the ranking used: raw, or normalised when asked */
  score: number | null;
  rawScore: number | null;
  normalisedScore: number | null;
  submitted: number;
  assigned: number;
  /** standard deviation of the ranking's review scores; null below two reviews */
  spread: number | null;
  disagreement: boolean;
  voteCount: number;
  /** the raw score meets the passing grade (an absolute standard, so never the normalised one) */
  passes: boolean;
  recommendations: Record<SubmittedReview["recommendation"], number>;
};

/**
 * Orders ideas by score (highest first; unscored last), then votes, then earliest submission,
 * then id, so two runs over the same reviews always agree.
 */
export function compareRanked(
  a: Pick<RankedIdea, "score" | "voteCount" | "ideaId"> & { submittedAt: number | null },
  b: Pick<RankedIdea, "score" | "voteCount" | "ideaId"> & { submittedAt: number | null },
): number {
  const score = (x: number | null) => (x === null ? -Infinity : x);
  const time = (x: number | null) => (x === null ? Infinity : x);
  return (
    score(b.score) - score(a.score) ||
    b.voteCount - a.voteCount ||
    time(a.submittedAt) - time(b.submittedAt) ||
    a.ideaId - b.ideaId
  );
}

/**
 * The campaign's ranking from its ideas and their submitted reviews.
 * @param options `normalised`: rank on per-reviewer normalised scores; `passingGrade`: 0–100
 * @example rankIdeas([{ id: 1, voteCount: 3, submittedAt: 0, assigned: 2 }], reviews, { normalised: false, passingGrade: 70 })
 */
export function rankIdeas(
  ideas: readonly RankingIdea[],
  reviews: readonly SubmittedReview[],
  options: { normalised: boolean; passingGrade: number; threshold?: number },
): RankedIdea[] {
  const threshold = options.threshold ?? DISAGREEMENT_THRESHOLD;
  const normalised = normaliseScores(reviews);
  const byIdea = new Map<number, SubmittedReview[]>();
  for (const r of reviews) byIdea.set(r.ideaId, [...(byIdea.get(r.ideaId) ?? []), r]);
  const rows = ideas.map((idea) => {
    const own = byIdea.get(idea.id) ?? [];
    const raw = own.map((r) => r.score);
    const norm = own.map((r) => normalised.get(r.id)!);
    const rawScore = mean(raw);
    const normalisedScore = mean(norm);
    const used = options.normalised ? norm : raw;
    const spread = used.length < 2 ? null : standardDeviation(used)!;
    const recommendations = { shortlist: 0, approve: 0, reject: 0 };
    for (const r of own) recommendations[r.recommendation] += 1;
    return {
      ideaId: idea.id,
      rank: 0,
      score: null as number | null,
      rawScore: rawScore === null ? null : round2(rawScore),
      normalisedScore: normalisedScore === null ? null : round2(normalisedScore),
      submitted: own.length,
      assigned: idea.assigned,
      spread: spread === null ? null : round2(spread),
      disagreement: spread !== null && spread > threshold,
      voteCount: idea.voteCount,
      passes: rawScore !== null && round2(rawScore) >= options.passingGrade,
      recommendations,
      submittedAt: idea.submittedAt,
    };
  });
  for (const row of rows) row.score = options.normalised ? row.normalisedScore : row.rawScore;
  rows.sort(compareRanked);
  return rows.map(({ submittedAt: _submittedAt, ...row }, i) => ({ ...row, rank: i + 1 }));
}
