import { useEffect, useMemo, useState } from "preact/hooks";
import { toApiProblem } from "../../api/problem";
import { RECOMMENDATIONS, type AssignmentDetail, type Review } from "../../api/reviews";
import { Dialog } from "../../components/dialog";
import { ErrorSummary } from "../../components/form/error-summary";
import { Field } from "../../components/form/field";
import { t } from "../../i18n";
import { problemText } from "../../i18n/problem-text";
import { formatNumber, formatTime } from "../../lib/format";
import { createReviewDraft, type ReviewDraft } from "../../models/review-draft";
import { CriterionField } from "./criterion-field";
import {
  missingOf,
  NO_REVIEW_ERRORS,
  NOTE_FIELD,
  RECOMMENDATION_FIELD,
  reviewErrorsOf,
  reviewSummaryOf,
  type ReviewErrors,
} from "./review-errors";
import { REVIEW_LIMITS } from "../../api/contract";

/** "Perkiraan nilai 72,5 dari 100", and how many criteria it rests on while some are open. */
function Preview({ draft, total }: { draft: ReviewDraft; total: number }) {
  const score = draft.preview.value;
  const scored = draft.scored.value;
  return (
    <div class="score-preview" role="status" aria-atomic="true">
      <p class="score-preview-label">{t("review.previewLabel")}</p>
      <p class="score-preview-value">
        {score === null ? "—" : formatNumber(score)}
        <span class="score-preview-scale"> / 100</span>
      </p>
      <p class="score-preview-note">
        {scored === 0
          ? t("review.previewNone")
          : scored < total
            ? t("review.previewPartial", { scored, total })
            : t("review.previewComplete")}
      </p>
    </div>
  );
}

/** What autosave is doing, in the words of the idea form: saved, pending, kept offline, refused. */
function SaveLine({ draft }: { draft: ReviewDraft }) {
  const state = draft.save.value;
  let text: string;
  let tone = "";
  if (state.kind === "idle") text = t("review.autosaveIdle");
  else if (state.kind === "pending") text = t("autosave.pending");
  else if (state.kind === "saving") text = t("autosave.saving");
  else if (state.kind === "saved") {
    text = t(state.fromDevice ? "review.savedAfterOffline" : "review.savedAt", { time: formatTime(state.at) });
    tone = "save-ok";
  } else if (state.kind === "offline") {
    text = t("review.keptOffline");
    tone = "save-offline";
  } else {
    text = `${t("autosave.stopped")} ${problemText(state.problem.code)}`;
    tone = "save-failed";
  }
  return (
    <p class={`save-status ${tone}`} role="status" aria-atomic="true">
      {tone && (
        <span class="save-icon" aria-hidden="true">
          {tone === "save-ok" ? "\u2713" : "!"}
        </span>
      )}
      {text}
    </p>
  );
}

type RecommendationProps = { draft: ReviewDraft; error: string | undefined; onChange: () => void };

function RecommendationField({ draft, error, onChange }: RecommendationProps) {
  const id = RECOMMENDATION_FIELD;
  return (
    <fieldset
      id={id}
      class={`fieldset recommendation${error ? " field-invalid" : ""}`}
      aria-describedby={[error ? `${id}-error` : "", `${id}-hint`].filter(Boolean).join(" ")}
    >
      <legend>{t("review.recommendation")}</legend>
      <p id={`${id}-hint`} class="field-hint">
        {t("review.recommendationHint")}
      </p>
      {error && (
        <p id={`${id}-error`} class="field-error">
          <span class="visually-hidden">{t("form.errorPrefix")} </span>
          {error}
        </p>
      )}
      <div class="recommendation-options">
        {RECOMMENDATIONS.map((value) => (
          <label key={value} class={`choice choice-${value}`}>
            <input
              type="radio"
              id={`${id}-${value}`}
              name={id}
              value={value}
              checked={draft.recommendation.value === value}
              onChange={() => {
                draft.setRecommendation(value);
                onChange();
              }}
            />
            <span>{t(`recommendation.${value}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

type Props = { assignment: AssignmentDetail; onSubmitted: (review: Review) => void };

/**
 * The scoring form: each criterion of the rubric, an estimate of the score, a private note and a
 * recommendation. It saves itself as the reviewer works (on this device too while offline);
 * "Kirim penilaian" first checks that every criterion is scored and a recommendation chosen, then
 * asks to confirm, saves and submits. Errors appear only after "Kirim" and go as each is fixed.
 */
export function ReviewForm({ assignment, onSubmitted }: Props) {
  const draft = useMemo(() => createReviewDraft(assignment, assignment.reviewer.id), [assignment.id]);
  useEffect(() => () => draft.dispose(), [draft]);
  const [errors, setErrors] = useState<ReviewErrors>(NO_REVIEW_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<"save" | "submit" | null>(null);
  const rubric = assignment.rubric;
  const summary = reviewSummaryOf(errors, rubric);

  function fail(error: unknown) {
    setErrors(reviewErrorsOf(toApiProblem(error), rubric));
    setAttempt((n) => n + 1);
  }

  async function onSave() {
    if (busy) return;
    setBusy("save");
    try {
      await draft.saveNow();
    } catch {
      // said on the save line; field errors are for "Kirim" alone
    } finally {
      setBusy(null);
    }
  }

  function onSubmit() {
    const missing = missingOf(rubric, draft.scores.value, draft.recommendation.value);
    setErrors(missing);
    if (reviewSummaryOf(missing, rubric).length > 0) setAttempt((n) => n + 1);
    else setConfirming(true);
  }

  /** A fixed field loses its message at once; the others keep theirs until they are fixed too. */
  const fixed = (change: (errors: ReviewErrors) => ReviewErrors) => setErrors((errors) => change(errors));

  async function onConfirmSubmit() {
    if (busy) return;
    setBusy("submit");
    setErrors(NO_REVIEW_ERRORS);
    try {
      const review = await draft.submit();
      setConfirming(false);
      onSubmitted(review);
    } catch (error) {
      setConfirming(false);
      fail(error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <form
      class="form review-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <ErrorSummary id="review-errors" errors={summary} attempt={attempt} />
      <section class="card" aria-labelledby="review-rubric-title">
        <h2 id="review-rubric-title">{t("review.rubricTitle")}</h2>
        <p class="card-lead">{t("review.rubricLead")}</p>
        <div class="criteria">
          {rubric.map((criterion) => (
            <CriterionField
              key={criterion.key}
              criterion={criterion}
              value={draft.scores.value[criterion.key]}
              error={errors.scores[criterion.key]}
              onChange={(value) => {
                draft.setScore(criterion.key, value);
                fixed(({ scores: { [criterion.key]: _, ...scores }, ...rest }) => ({ ...rest, scores }));
              }}
            />
          ))}
        </div>
      </section>
      <section class="card review-conclusion" aria-labelledby="review-conclusion-title">
        <h2 id="review-conclusion-title">{t("review.conclusionTitle")}</h2>
        <Preview draft={draft} total={rubric.length} />
        <RecommendationField
          draft={draft}
          error={errors.recommendation}
          onChange={() => fixed(({ recommendation: _, ...rest }) => rest)}
        />
        <Field
          id={NOTE_FIELD}
          label={t("review.note")}
          labelNote={t("ideaForm.optional")}
          hint={t("review.noteHint")}
          error={errors.note}
        >
          {(control) => (
            <textarea
              {...control}
              rows={5}
              maxLength={REVIEW_LIMITS.note}
              value={draft.note.value}
              onInput={(event) => {
                draft.setNote(event.currentTarget.value);
                if (errors.note && event.currentTarget.value.length <= REVIEW_LIMITS.note)
                  fixed(({ note: _, ...rest }) => rest);
              }}
            />
          )}
        </Field>
      </section>
      <div class="form-footer review-footer">
        <SaveLine draft={draft} />
        <div class="button-row">
          <button
            type="button"
            class="button button-secondary"
            aria-disabled={busy ? "true" : undefined}
            onClick={() => void onSave()}
          >
            {busy === "save" ? t("review.saving") : t("review.saveDraft")}
          </button>
          <button type="submit" class="button" aria-disabled={busy ? "true" : undefined}>
            {t("review.submit")}
          </button>
        </div>
      </div>
      {confirming && (
        <Dialog
          id="review-confirm"
          title={t("review.confirmTitle")}
          text={t("review.confirmText")}
          onClose={() => setConfirming(false)}
        >
          <p class="confirm-score">
            {t("review.confirmScore", {
              score: draft.preview.value === null ? "—" : formatNumber(draft.preview.value),
              scored: draft.scored.value,
              total: rubric.length,
            })}
          </p>
          <div class="button-row">
            <button
              type="button"
              class="button"
              data-autofocus
              aria-disabled={busy ? "true" : undefined}
              onClick={() => void onConfirmSubmit()}
            >
              {busy === "submit" ? t("review.submitting") : t("review.confirmSubmit")}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setConfirming(false)}>
              {t("ideaAction.cancel")}
            </button>
          </div>
        </Dialog>
      )}
    </form>
  );
}
