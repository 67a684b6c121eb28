import { useState } from "preact/hooks";
import { toApiProblem } from "../../api/problem";
import { startReview, type ReviewSelection, type ReviewStartResult } from "../../api/reviews";
import { ErrorSummary, type FormError } from "../../components/form/error-summary";
import { Field } from "../../components/form/field";
import { t } from "../../i18n";
import { problemText } from "../../i18n/problem-text";
import { fromLocalInput, toLocalInput } from "../../lib/datetime-local";
import { formatDateTime, timeZoneName } from "../../lib/format";
import { mapFormErrors } from "../../lib/field-errors";
import { REVIEW_LIMITS } from "../../api/contract";

type Mode = ReviewSelection["mode"];
const MODES: readonly Mode[] = ["all", "top", "threshold"];
const FIELD = { dueAt: "start-due", k: "start-k", minVotes: "start-min-votes" } as const;
type FieldName = keyof typeof FIELD;

function defaultDue(reviewEnd: string | null, now = Date.now()): string {
  if (reviewEnd && Date.parse(reviewEnd) > now) return toLocalInput(reviewEnd);
  return toLocalInput(new Date(now + 14 * 86_400_000).toISOString());
}

/** What opening review did: ideas started with their reviewers, shortfalls, skipped ideas, loads. */
function StartResult({ result }: { result: ReviewStartResult }) {
  const titleOf = (id: number) => result.started.find((s) => s.ideaId === id)?.title ?? `#${id}`;
  return (
    <div class="start-result" role="status" tabIndex={-1}>
      <p class="notice notice-ok">
        {t("committee.startedCount", { count: result.started.length, date: formatDateTime(result.dueAt) })}
      </p>
      {result.started.length > 0 && (
        <ul class="start-list">
          {result.started.map((s) => (
            <li key={s.ideaId}>
              <strong>{s.title}</strong>:{" "}
              {s.reviewers.length ? s.reviewers.map((r) => r.name).join(", ") : t("committee.noReviewer")}
            </li>
          ))}
        </ul>
      )}
      {result.shortfalls.length > 0 && (
        <div class="notice notice-warn">
          <p>{t("committee.shortfallsTitle")}</p>
          <ul>
            {result.shortfalls.map((s) => (
              <li key={s.ideaId}>{t("committee.shortfall", { title: titleOf(s.ideaId), missing: s.missing })}</li>
            ))}
          </ul>
        </div>
      )}
      {result.skipped.length > 0 && <p class="notice">{t("committee.skipped", { count: result.skipped.length })}</p>}
      {result.loads.length > 0 && (
        <p class="muted">
          {t("committee.loads")}{" "}
          {result.loads.map((l) => t("committee.load", { name: l.reviewer.name, load: l.load })).join("; ")}
        </p>
      )}
    </div>
  );
}

type Props = { campaignId: number; reviewEnd: string | null; onStarted: () => void };

/**
 * "Mulai penilaian": which submitted ideas enter review (all, the top K by support, or those with
 * at least N supporters) and when the reviews are due; then what the server did.
 */
export function StartReviewForm({ campaignId, reviewEnd, onStarted }: Props) {
  const [mode, setMode] = useState<Mode>("all");
  const [k, setK] = useState("10");
  const [minVotes, setMinVotes] = useState("5");
  const [due, setDue] = useState(() => defaultDue(reviewEnd));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [other, setOther] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReviewStartResult | null>(null);

  function fail(fields: Partial<Record<FieldName, string>>, message: string | null = null) {
    setErrors(fields);
    setOther(message);
    setAttempt((n) => n + 1);
  }

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const dueAt = fromLocalInput(due);
    const fields: Partial<Record<FieldName, string>> = {};
    if (!dueAt) fields.dueAt = t("committee.dueRequired");
    const kValue = Number(k);
    const minValue = Number(minVotes);
    if (mode === "top" && !(Number.isInteger(kValue) && kValue >= 1 && kValue <= 500))
      fields.k = t("committee.kInvalid");
    if (mode === "threshold" && !(Number.isInteger(minValue) && minValue >= 0))
      fields.minVotes = t("committee.minInvalid");
    if (Object.keys(fields).length || !dueAt) return fail(fields);
    const selection: ReviewSelection =
      mode === "top" ? { mode, k: kValue } : mode === "threshold" ? { mode, minVotes: minValue } : { mode };
    setBusy(true);
    setResult(null);
    try {
      setResult(await startReview(campaignId, selection, dueAt));
      setErrors({});
      setOther(null);
      onStarted();
    } catch (error) {
      const problem = toApiProblem(error);
      const next: Partial<Record<FieldName, string>> = mapFormErrors<FieldName>(problem, (e) => {
        const last = e.parts.at(-1);
        if (last === "dueAt") return ["dueAt", problemText(e.code)];
        if (last === "k") return ["k", t("committee.kInvalid")];
        return last === "minVotes" ? ["minVotes", t("committee.minInvalid")] : null;
      }).fields;
      if (problem.code === "review.due_in_past") next.dueAt = problemText(problem.code);
      fail(next, Object.keys(next).length ? null : problemText(problem.code));
    } finally {
      setBusy(false);
    }
  }

  const summary: FormError[] = [
    ...(Object.entries(errors) as [FieldName, string][]).map(([field, message]) => ({
      message,
      fieldId: FIELD[field],
    })),
    ...(other ? [{ message: other }] : []),
  ];

  return (
    <section class="card" aria-labelledby="start-review-title">
      <h2 id="start-review-title">{t("committee.startTitle")}</h2>
      <p class="card-lead">{t("committee.startLead")}</p>
      <form class="form" noValidate onSubmit={onSubmit}>
        <ErrorSummary id="start-errors" errors={summary} attempt={attempt} />
        <fieldset class="fieldset selection-modes">
          <legend>{t("committee.selection")}</legend>
          {MODES.map((value) => (
            <div key={value} class="selection-mode">
              <label class="checkbox">
                <input
                  type="radio"
                  name="start-mode"
                  value={value}
                  checked={mode === value}
                  onChange={() => setMode(value)}
                />
                <span>{t(`committee.mode.${value}`)}</span>
              </label>
              {value === "top" && mode === "top" && (
                <Field id={FIELD.k} label={t("committee.k")} error={errors.k} class="field-number nested-field">
                  {(control) => (
                    <input
                      {...control}
                      type="number"
                      inputMode="numeric"
                      min={REVIEW_LIMITS.topK[0]}
                      max={REVIEW_LIMITS.topK[1]}
                      value={k}
                      onInput={(e) => setK(e.currentTarget.value)}
                    />
                  )}
                </Field>
              )}
              {value === "threshold" && mode === "threshold" && (
                <Field
                  id={FIELD.minVotes}
                  label={t("committee.minVotes")}
                  error={errors.minVotes}
                  class="field-number nested-field"
                >
                  {(control) => (
                    <input
                      {...control}
                      type="number"
                      inputMode="numeric"
                      min={REVIEW_LIMITS.minVotes}
                      value={minVotes}
                      onInput={(e) => setMinVotes(e.currentTarget.value)}
                    />
                  )}
                </Field>
              )}
            </div>
          ))}
        </fieldset>
        <Field
          id={FIELD.dueAt}
          label={t("committee.dueAt")}
          hint={t("committee.dueHint", { zone: timeZoneName() })}
          error={errors.dueAt}
        >
          {(control) => (
            <input {...control} type="datetime-local" value={due} onInput={(e) => setDue(e.currentTarget.value)} />
          )}
        </Field>
        <div class="button-row">
          <button type="submit" class="button" aria-disabled={busy ? "true" : undefined}>
            {busy ? t("committee.starting") : t("committee.start")}
          </button>
        </div>
      </form>
      {result && <StartResult result={result} />}
    </section>
  );
}
