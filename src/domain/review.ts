/**
 * The rules of one review: what a draft may hold, what a submission needs, how long an idea is
 * under review (who reads it blind: `blind-review.ts`).
 */
import type { IdeaStatus } from "./idea-status";
import type { RubricItem } from "./scoring";

export const RECOMMENDATIONS = ["shortlist", "approve", "reject"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** An idea is under review from `start_review` until the committee decides (approve or reject). */
export const UNDER_REVIEW: readonly IdeaStatus[] = ["in_review", "shortlisted"];
export const isUnderReview = (status: IdeaStatus) => UNDER_REVIEW.includes(status);

export type ReviewProblem = { field: string; code: string; message: string };

/**
 * A draft may leave criteria open, but every score it holds belongs to the rubric and sits on
 * the criterion's scale (1..scaleMax).
 * @example checkDraftScores([{ key: "kebaruan", weight: 100, scaleMax: 5 }], { kebaruan: 6 }) // [{ field: "scores.kebaruan", code: "review.score_out_of_range", … }]
 */
export function checkDraftScores(
  rubric: readonly RubricItem[],
  scores: Readonly<Record<string, number>>,
): ReviewProblem[] {
  const byKey = new Map(rubric.map((c) => [c.key, c]));
  return Object.entries(scores).flatMap(([key, score]): ReviewProblem[] => {
    const c = byKey.get(key);
    if (!c)
      return [{ field: `scores.${key}`, code: "review.unknown_criterion", message: "Not a criterion of the rubric" }];
    if (!Number.isInteger(score) || score < 1 || score > c.scaleMax)
      return [
        {
          field: `scores.${key}`,
          code: "review.score_out_of_range",
          message: `Give a whole number from 1 to ${c.scaleMax}`,
        },
      ];
    return [];
  });
}

/** What a draft still lacks before it can be submitted: a score on every criterion and a recommendation. */
export function missingForSubmission(
  rubric: readonly RubricItem[],
  draft: { scores: Readonly<Record<string, number>>; recommendation: Recommendation | null },
): ReviewProblem[] {
  return [
    ...rubric
      .filter((c) => draft.scores[c.key] === undefined)
      .map((c) => ({ field: `scores.${c.key}`, code: "review.score_missing", message: "Score this criterion" })),
    ...(draft.recommendation === null
      ? [
          {
            field: "recommendation",
            code: "review.recommendation_missing",
            message: "Recommend shortlist, approve or reject",
          },
        ]
      : []),
  ];
}

/** Where a review stands, for queues: not started, a draft, or submitted. */
export type ReviewState = "pending" | "draft" | "submitted";
