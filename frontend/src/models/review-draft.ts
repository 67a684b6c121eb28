import { computed, signal } from "@preact/signals";
import { toApiProblem, type ApiProblem } from "../api/problem";
import {
  saveReviewDraft,
  submitReview,
  type AssignmentDetail,
  type Recommendation,
  type Review,
  type RubricCriterion,
} from "../api/reviews";

export type SaveState =
  { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "failed"; problem: ApiProblem };

/**
 * The estimate shown while scoring: the server's formula (each score as a share of its scale,
 * weighted mean, on 0–100, two decimals) over the criteria scored so far.
 * @returns null before any criterion is scored
 * @example previewScore([{ key: "a", weight: 60, scaleMax: 5 }, { key: "b", weight: 40, scaleMax: 4 }], { a: 4, b: 2 }) // 68
 */
export function previewScore(
  rubric: readonly Pick<RubricCriterion, "key" | "weight" | "scaleMax">[],
  scores: Readonly<Record<string, number>>,
): number | null {
  let weighted = 0;
  let weights = 0;
  for (const c of rubric) {
    const s = scores[c.key];
    if (s === undefined) continue;
    weighted += c.weight * ((s / c.scaleMax) * 100);
    weights += c.weight;
  }
  return weights === 0 ? null : Math.round((weighted / weights) * 100) / 100;
}

/**
 * A reviewer's review being written: scores, private note and recommendation, saved as a draft on
 * request and submitted after a confirmation. Nothing changes on the server without its answer.
 * @param assignment the assignment as `GET /assignments/{id}` answered it
 */
export function createReviewDraft(assignment: AssignmentDetail) {
  const id = assignment.id;
  const scores = signal<Record<string, number>>({ ...(assignment.review?.scores ?? {}) });
  const note = signal(assignment.review?.note ?? "");
  const recommendation = signal<Recommendation | null>(assignment.review?.recommendation ?? null);
  const dirty = signal(false);
  const save = signal<SaveState>(
    assignment.review ? { kind: "saved", at: new Date(assignment.review.updatedAt) } : { kind: "idle" },
  );
  const scored = computed(() => assignment.rubric.filter((c) => scores.value[c.key] !== undefined).length);
  const preview = computed(() => previewScore(assignment.rubric, scores.value));

  const changed = () => {
    dirty.value = true;
    if (save.value.kind === "failed") save.value = { kind: "idle" };
  };

  function setScore(key: string, value: number): void {
    scores.value = { ...scores.value, [key]: value };
    changed();
  }
  function setNote(value: string): void {
    note.value = value;
    changed();
  }
  function setRecommendation(value: Recommendation): void {
    recommendation.value = value;
    changed();
  }

  /**
   * Saves what is on the form as the draft.
   * @throws ApiProblem 422 with `errors[].path` `json.scores.<key>`, 409 `review.already_submitted`, `review.closed`
   */
  async function saveNow(): Promise<Review> {
    save.value = { kind: "saving" };
    try {
      const review = await saveReviewDraft(id, {
        scores: scores.value,
        note: note.value,
        recommendation: recommendation.value,
      });
      dirty.value = false;
      save.value = { kind: "saved", at: new Date(review.updatedAt) };
      return review;
    } catch (error) {
      const problem = toApiProblem(error);
      save.value = { kind: "failed", problem };
      throw problem;
    }
  }

  /**
   * Saves the form, then submits it.
   * @throws ApiProblem 422 `review.score_missing` (`scores.<key>`), `review.recommendation_missing`, 409 …
   */
  async function submit(): Promise<Review> {
    await saveNow();
    return submitReview(id);
  }

  return {
    scores,
    note,
    recommendation,
    dirty,
    save,
    scored,
    preview,
    setScore,
    setNote,
    setRecommendation,
    saveNow,
    submit,
  };
}

export type ReviewDraft = ReturnType<typeof createReviewDraft>;
