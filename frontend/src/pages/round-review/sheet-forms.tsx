import { useState } from "preact/hooks";
import { declareConflict, saveRoundSheet, type RoundSheet } from "../../api/competitions";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { ItemPhotos } from "./item-photos";
import { COMPETITION_LIMITS } from "../../api/contract";

type Props = { sheet: RoundSheet; onSaved: (sheet: RoundSheet) => void };

/** The declaration every reviewer makes, once, before scoring. */
export function ConflictForm({ sheet, onSaved }: Props) {
  const [conflict, setConflict] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  async function submit(event: Event) {
    event.preventDefault();
    if (conflict === null) return;
    const reason = String(new FormData(event.currentTarget as HTMLFormElement).get("conflict-reason") ?? "");
    try {
      onSaved(await declareConflict(sheet.id, conflict, reason));
    } catch (error) {
      setProblem(toApiProblem(error));
    }
  }
  return (
    <form class="card form" onSubmit={submit} aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t("roundReview.conflictTitle")}</h2>
      <p>{t("roundReview.conflictLead")}</p>
      <fieldset class="fieldset">
        <legend class="visually-hidden">{t("roundReview.conflictTitle")}</legend>
        <label class="choice">
          <input type="radio" name="conflict" checked={conflict === false} onChange={() => setConflict(false)} />
          <span>{t("roundReview.noConflict")}</span>
        </label>
        <label class="choice">
          <input type="radio" name="conflict" checked={conflict === true} onChange={() => setConflict(true)} />
          <span>{t("roundReview.hasConflict")}</span>
        </label>
      </fieldset>
      {conflict === true && (
        <Field id="conflict-reason" label={t("roundReview.conflictReason")}>
          {(c) => <textarea {...c} rows={3} maxLength={COMPETITION_LIMITS.conflictReason} required />}
        </Field>
      )}
      {problem && <ProblemMessage problem={problem} />}
      <button class="button" type="submit" aria-disabled={conflict === null ? "true" : undefined}>
        {t("roundReview.declare")}
      </button>
    </form>
  );
}

/** The items of the round: pass/fail boxes for a checklist, a score on its scale for each rubric item. */
export function ScoreForm({ sheet, onSaved }: Props) {
  const [scores, setScores] = useState<Record<string, number>>(sheet.scores);
  const [note, setNote] = useState(sheet.note);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = sheet.state === "submitted" || sheet.round.state !== "open";
  const checklist = sheet.round.kind === "checklist";
  const filled = checklist ? Object.fromEntries(sheet.round.items.map((i) => [i.key, scores[i.key] ?? 0])) : scores;

  async function save(submit: boolean) {
    setProblem(null);
    try {
      const saved = await saveRoundSheet(sheet.id, { scores: filled, note, submit });
      setMessage(submit ? t("roundReview.submitted") : t("roundReview.saved"));
      onSaved(saved);
    } catch (error) {
      setProblem(toApiProblem(error));
    }
  }

  return (
    <form
      class="card form"
      aria-labelledby="score-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save(true);
      }}
    >
      <h2 id="score-title">{t("roundReview.scoreTitle")}</h2>
      <fieldset class="fieldset" disabled={done}>
        <legend class="visually-hidden">{t("roundReview.scoreTitle")}</legend>
        {sheet.round.items.map((item) =>
          checklist ? (
            <div key={item.key} class="checklist-item">
              <label class="checkbox">
                <input
                  type="checkbox"
                  name={`score-${item.key}`}
                  checked={scores[item.key] === 1}
                  onChange={(e) => setScores({ ...scores, [item.key]: e.currentTarget.checked ? 1 : 0 })}
                />
                <span>
                  {item.label} — {t("roundReview.pass")}
                </span>
              </label>
              <ItemPhotos
                sheet={sheet}
                item={item}
                writable={!done}
                onPhotos={(photos) => onSaved({ ...sheet, photos })}
              />
            </div>
          ) : (
            <Field
              key={item.key}
              id={`score-${item.key}`}
              label={t("roundReview.scale", { label: item.label, max: item.scaleMax })}
            >
              {(c) => (
                <select
                  {...c}
                  value={scores[item.key] ?? ""}
                  onChange={(e) => setScores({ ...scores, [item.key]: Number(e.currentTarget.value) })}
                >
                  <option value="" disabled>
                    {t("roundReview.choose")}
                  </option>
                  {Array.from({ length: item.scaleMax }, (_, i) => i + 1).map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ),
        )}
        <Field id="round-note" label={t("roundReview.note")}>
          {(c) => (
            <textarea
              {...c}
              rows={3}
              maxLength={COMPETITION_LIMITS.sheetNote}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          )}
        </Field>
      </fieldset>
      {sheet.score !== null && <p>{t("roundReview.total", { score: formatNumber(sheet.score) })}</p>}
      {sheet.state === "submitted" ? (
        <p class="notice notice-ok">{t("roundReview.submitted")}</p>
      ) : (
        message && <p class="notice notice-ok">{message}</p>
      )}
      {problem && <ProblemMessage problem={problem} />}
      {!done && (
        <div class="button-row">
          <button type="button" class="button button-secondary" onClick={() => void save(false)}>
            {t("roundReview.save")}
          </button>
          <button class="button" type="submit">
            {t("roundReview.submit")}
          </button>
        </div>
      )}
    </form>
  );
}
