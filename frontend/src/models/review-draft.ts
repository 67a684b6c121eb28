import { computed, signal } from "@preact/signals";
import { toApiProblem, type ApiProblem } from "../api/problem";
import { online, onReconnect } from "./connection";
import {
  saveReviewDraft,
  submitReview,
  type AssignmentDetail,
  type Recommendation,
  type Review,
  type RubricCriterion,
} from "../api/reviews";

export type SaveState =
  | { kind: "idle" }
  /** changed; saved after {@link REVIEW_AUTOSAVE_MS} of quiet */
  | { kind: "pending" }
  | { kind: "saving" }
  /** `fromDevice`: what had been kept on this device is on the server now */
  | { kind: "saved"; at: Date; fromDevice?: true }
  /** offline, or the server out of reach: kept on this device and sent when the connection returns */
  | { kind: "offline" }
  /** refused (review closed, already submitted): said in words; a new change tries again */
  | { kind: "failed"; problem: ApiProblem };

/** Quiet time after the last change before the draft is saved, as for an idea. */
export const REVIEW_AUTOSAVE_MS = 1500;

type ReviewValues = { scores: Record<string, number>; note: string; recommendation: Recommendation | null };
type KeptReview = ReviewValues & { keptAt: number };

const keptKey = (userId: number) => `gagas.reviewDrafts.${userId}`;

function readKept(userId: number): Record<string, KeptReview> {
  try {
    const stored = JSON.parse(localStorage.getItem(keptKey(userId)) ?? "{}") as unknown;
    return stored && typeof stored === "object" ? (stored as Record<string, KeptReview>) : {};
  } catch {
    return {};
  }
}

function writeKept(userId: number, assignmentId: number, value: KeptReview | null): void {
  const all = readKept(userId);
  if (value) all[assignmentId] = value;
  else delete all[assignmentId];
  try {
    if (Object.keys(all).length === 0) localStorage.removeItem(keptKey(userId));
    else localStorage.setItem(keptKey(userId), JSON.stringify(all));
  } catch {
    // storage full or disabled: the form still holds the values and autosave keeps trying
  }
}

/**
 * The review kept on this device for an assignment, if it is newer than what the server holds.
 * @example keptReviewOf(user.id, assignment) // { scores: { kebaruan: 4 }, note: "", recommendation: null, keptAt: … }
 */
export function keptReviewOf(userId: number, assignment: AssignmentDetail): KeptReview | null {
  const kept = readKept(userId)[assignment.id];
  const serverAt = assignment.review ? Date.parse(assignment.review.updatedAt) : 0;
  return kept && kept.keptAt > serverAt ? kept : null;
}

const transient = (problem: ApiProblem) => problem.status === 0 || problem.status >= 500 || problem.status === 429;

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
 * A reviewer's review being written: scores, private note and recommendation, saved as the
 * reviewer works, like an idea draft: {@link REVIEW_AUTOSAVE_MS} after the last change the draft is
 * PUT to the server; until the server has it, it is also kept on this device (per person), so a
 * reload or a lost connection loses nothing, and the returning connection sends it. Submitting
 * saves first, then submits after a confirmation.
 * @param assignment the assignment as `GET /assignments/{id}` answered it
 * @param userId whose device keeps the draft
 */
export function createReviewDraft(assignment: AssignmentDetail, userId: number) {
  const id = assignment.id;
  const kept = keptReviewOf(userId, assignment);
  const scores = signal<Record<string, number>>({ ...(kept?.scores ?? assignment.review?.scores ?? {}) });
  const note = signal(kept?.note ?? assignment.review?.note ?? "");
  const recommendation = signal<Recommendation | null>(
    kept ? kept.recommendation : (assignment.review?.recommendation ?? null),
  );
  const dirty = signal(kept !== null);
  const save = signal<SaveState>(
    kept
      ? { kind: online.peek() ? "pending" : "offline" }
      : assignment.review
        ? { kind: "saved", at: new Date(assignment.review.updatedAt) }
        : { kind: "idle" },
  );
  const scored = computed(() => assignment.rubric.filter((c) => scores.value[c.key] !== undefined).length);
  const preview = computed(() => previewScore(assignment.rubric, scores.value));
  /** what was typed since the request in flight left: another save follows it */
  let edits = 0;
  let fromDevice = kept !== null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<Review> | null = null;

  const values = (): ReviewValues => ({ scores: scores.value, note: note.value, recommendation: recommendation.value });

  function schedule(delay = REVIEW_AUTOSAVE_MS): void {
    clearTimeout(timer);
    if (!online.peek()) {
      save.value = { kind: "offline" };
      return;
    }
    save.value = { kind: "pending" };
    timer = setTimeout(() => void flush(), delay);
  }

  const changed = () => {
    edits += 1;
    dirty.value = true;
    fromDevice = fromDevice || !online.peek();
    writeKept(userId, id, { ...values(), keptAt: Date.now() });
    schedule();
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
   * Saves what is on the form as the draft (one request at a time).
   * @throws ApiProblem 422 with `errors[].path` `json.scores.<key>`, 409 `review.already_submitted`, `review.closed`
   */
  async function saveNow(): Promise<Review> {
    clearTimeout(timer);
    if (inFlight) await inFlight.catch(() => undefined);
    const sent = edits;
    save.value = { kind: "saving" };
    inFlight = saveReviewDraft(id, values());
    try {
      const review = await inFlight;
      if (edits === sent) {
        dirty.value = false;
        writeKept(userId, id, null);
        save.value = { kind: "saved", at: new Date(review.updatedAt), ...(fromDevice ? { fromDevice: true } : {}) };
        fromDevice = false;
      } else schedule();
      return review;
    } catch (error) {
      const problem = toApiProblem(error);
      if (transient(problem)) {
        fromDevice = true;
        save.value = { kind: "offline" };
      } else save.value = { kind: "failed", problem };
      throw problem;
    } finally {
      inFlight = null;
    }
  }

  /** The autosave: a failure is shown on the save line, never as field errors. */
  async function flush(): Promise<void> {
    if (!dirty.peek()) return;
    await saveNow().catch(() => undefined);
  }

  /**
   * Saves the form, then submits it.
   * @throws ApiProblem 422 `review.score_missing` (`scores.<key>`), `review.recommendation_missing`, 409 …
   */
  async function submit(): Promise<Review> {
    await saveNow();
    const review = await submitReview(id);
    writeKept(userId, id, null);
    return review;
  }

  const stopReconnect = onReconnect(() => {
    if (dirty.peek() && save.peek().kind !== "saving") void flush();
  });
  if (kept && online.peek()) schedule(0);

  /** Stops the timers; what is unsaved stays kept on this device. */
  function dispose(): void {
    clearTimeout(timer);
    stopReconnect();
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
    flush,
    submit,
    dispose,
  };
}

export type ReviewDraft = ReturnType<typeof createReviewDraft>;
