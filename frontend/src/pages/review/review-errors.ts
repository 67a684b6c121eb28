import type { ApiProblem } from "../../api/problem";
import type { RubricCriterion } from "../../api/reviews";
import type { FormError } from "../../components/form/error-summary";
import { locale, t } from "../../i18n";
import { problemText } from "../../i18n/problem-text";
import { mapFormErrors } from "../../lib/field-errors";

/** Messages on the form: per criterion key, on the recommendation and the note, and the rest. */
export type ReviewErrors = {
  scores: Record<string, string>;
  recommendation?: string;
  note?: string;
  others: string[];
};
export const NO_REVIEW_ERRORS: ReviewErrors = { scores: {}, others: [] };

export const criterionFieldId = (key: string) => `score-${key}`;
/** The first radio of a criterion: where its error summary entry leads. */
export const criterionFirstInputId = (key: string) => `score-${key}-1`;
export const RECOMMENDATION_FIELD = "review-recommendation";
export const RECOMMENDATION_FIRST_INPUT = "review-recommendation-shortlist";
export const NOTE_FIELD = "review-note";

export const criterionLabel = (c: Pick<RubricCriterion, "labelId" | "labelEn">) =>
  locale.value === "en" ? c.labelEn : c.labelId;

function scoreMessage(code: string, criterion: RubricCriterion | undefined): string {
  if (code === "review.score_missing") return t("review.scoreMissing");
  if (code === "review.score_out_of_range" && criterion)
    return t("review.scoreOutOfRange", { max: criterion.scaleMax });
  return t("form.invalidField");
}

/**
 * A refused save or submit as messages on the fields the server named: `json.scores.<key>` (save),
 * `scores.<key>` and `recommendation` (submit), `json.note`; other refusals in words.
 */
export function reviewErrorsOf(problem: ApiProblem, rubric: readonly RubricCriterion[]): ReviewErrors {
  // scores by criterion as `scores.<key>`, the other two fields by name
  const { fields, others } = mapFormErrors(problem, (error) => {
    const [head, key] = error.parts;
    if (head === "scores" && key !== undefined) {
      const criterion = rubric.find((c) => c.key === key);
      return criterion ? [`scores.${key}`, scoreMessage(error.code, criterion)] : problemText(error.code);
    }
    if (head === "recommendation") return ["recommendation", t("review.recommendationMissing")];
    return head === "note" ? ["note", t("review.noteTooLong")] : null;
  });
  const scores: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    if (field.startsWith("scores.") && message) scores[field.slice("scores.".length)] = message;
  }
  return {
    scores,
    others,
    ...(fields.recommendation ? { recommendation: fields.recommendation } : {}),
    ...(fields.note ? { note: fields.note } : {}),
  };
}

/**
 * What "Kirim penilaian" checks before asking to confirm, so an empty or half-scored review is
 * never sent: every criterion scored and a recommendation chosen (the server checks the same).
 */
export function missingOf(
  rubric: readonly RubricCriterion[],
  scores: Readonly<Record<string, number>>,
  recommendation: string | null,
): ReviewErrors {
  const missing: ReviewErrors = { scores: {}, others: [] };
  for (const c of rubric) if (scores[c.key] === undefined) missing.scores[c.key] = t("review.scoreMissing");
  if (recommendation === null) missing.recommendation = t("review.recommendationMissing");
  return missing;
}

/** The summary: criteria in rubric order, then the recommendation, the note and the rest. */
export function reviewSummaryOf(errors: ReviewErrors, rubric: readonly RubricCriterion[]): FormError[] {
  return [
    ...rubric.flatMap((c) => {
      const message = errors.scores[c.key];
      return message ? [{ message: `${criterionLabel(c)}: ${message}`, fieldId: criterionFirstInputId(c.key) }] : [];
    }),
    ...(errors.recommendation
      ? [{ message: `${t("review.recommendation")}: ${errors.recommendation}`, fieldId: RECOMMENDATION_FIRST_INPUT }]
      : []),
    ...(errors.note ? [{ message: `${t("review.note")}: ${errors.note}`, fieldId: NOTE_FIELD }] : []),
    ...errors.others.map((message) => ({ message })),
  ];
}
