import { useRef, useState } from "preact/hooks";
import type { UpdateBody } from "../../api/implementation";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { StatusLine } from "../../components/status-line";
import { t } from "../../i18n";
import { useFormSubmit } from "../../lib/use-form-submit";
import { IMPLEMENTATION_LIMITS } from "../../api/contract";

type Row = { label: string; value: string; unit: string };
const EMPTY_ROW: Row = { label: "", value: "", unit: "" };
const MAX_FIGURES = IMPLEMENTATION_LIMITS.figures;

/** A figure's value as typed (Indonesian "1.250,5" or "1250.5") → a number; null when it is none. */
export function parseValue(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, "");
  if (!cleaned) return null;
  const normal = /,\d{1,2}$/.test(cleaned) ? cleaned.replace(/\./g, "").replace(",", ".") : cleaned.replace(/,/g, "");
  const value = Number(normal);
  return Number.isFinite(value) ? value : null;
}

type Errors = { body?: string; rows?: Record<number, string> };

/** A progress update: what changed, and optionally figures (measure, value, unit). */
export function UpdateForm({ onPost }: { onPost: (body: UpdateBody) => Promise<void> }) {
  const [body, setBody] = useState("");
  const [rows, setRows] = useState<Row[]>([]);
  const { busy, errors, problem, fail, submit } = useFormSubmit<Errors>({}, (refused) =>
    refused.errors?.some((e) => e.path === "json.body") ? { body: t("impl.updateShort") } : null,
  );
  const [done, setDone] = useState<string | null>(null);
  const text = useRef<HTMLTextAreaElement>(null);

  const change = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const rowErrors: Record<number, string> = {};
    const figures = rows.flatMap((r, i) => {
      if (!r.label.trim() && !r.value.trim() && !r.unit.trim()) return [];
      const value = parseValue(r.value);
      if (!r.label.trim() || value === null) {
        rowErrors[i] = t("impl.figureIncomplete");
        return [];
      }
      return [{ label: r.label.trim(), value, unit: r.unit.trim() }];
    });
    const found = {
      ...(body.trim().length >= IMPLEMENTATION_LIMITS.update.min ? {} : { body: t("impl.updateShort") }),
      ...(Object.keys(rowErrors).length > 0 ? { rows: rowErrors } : {}),
    };
    setDone(null);
    if (found.body || found.rows) fail(found);
    if (found.body) return text.current?.focus();
    if (found.rows) return document.getElementById(`figure-${Object.keys(rowErrors)[0]}-label`)?.focus();
    await submit(async () => {
      await onPost({ body: body.trim(), figures });
      setBody("");
      setRows([]);
      setDone(t("impl.updatePosted"));
    });
  }

  return (
    <form class="form impl-update-form" noValidate onSubmit={onSubmit} aria-labelledby="impl-add-title">
      <h3 id="impl-add-title">{t("impl.addUpdate")}</h3>
      {problem && <ProblemMessage problem={problem} />}
      <Field id="impl-update-body" label={t("impl.updateText")} hint={t("impl.updateTextHint")} error={errors.body}>
        {(c) => (
          <textarea
            {...c}
            ref={text}
            rows={3}
            maxLength={IMPLEMENTATION_LIMITS.update.max}
            value={body}
            onInput={(e) => setBody(e.currentTarget.value)}
          />
        )}
      </Field>
      <fieldset class="fieldset impl-figure-set">
        <legend>{t("impl.figures")}</legend>
        <p class="field-hint">{t("impl.figuresHint")}</p>
        {rows.map((row, i) => (
          <div key={i} class={errors.rows?.[i] ? "impl-figure-row field-invalid" : "impl-figure-row"}>
            {errors.rows?.[i] && (
              <p class="field-error" id={`figure-${i}-error`}>
                {errors.rows[i]}
              </p>
            )}
            <div class="impl-figure-fields">
              <Field id={`figure-${i}-label`} label={t("impl.figureLabel")}>
                {(c) => (
                  <input
                    {...c}
                    type="text"
                    maxLength={IMPLEMENTATION_LIMITS.figureLabel}
                    value={row.label}
                    aria-describedby={errors.rows?.[i] ? `figure-${i}-error` : undefined}
                    onInput={(e) => change(i, { label: e.currentTarget.value })}
                  />
                )}
              </Field>
              <Field id={`figure-${i}-value`} label={t("impl.figureValue")}>
                {(c) => (
                  <input
                    {...c}
                    type="text"
                    inputMode="decimal"
                    maxLength={20}
                    value={row.value}
                    onInput={(e) => change(i, { value: e.currentTarget.value })}
                  />
                )}
              </Field>
              <Field id={`figure-${i}-unit`} label={t("impl.figureUnit")}>
                {(c) => (
                  <input
                    {...c}
                    type="text"
                    maxLength={IMPLEMENTATION_LIMITS.figureUnit}
                    value={row.unit}
                    onInput={(e) => change(i, { unit: e.currentTarget.value })}
                  />
                )}
              </Field>
            </div>
            <button type="button" class="link-button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t("impl.removeFigure", { n: i + 1 })}
            </button>
          </div>
        ))}
        {rows.length < MAX_FIGURES && (
          <button type="button" class="button button-secondary" onClick={() => setRows([...rows, EMPTY_ROW])}>
            {t("impl.addFigure")}
          </button>
        )}
      </fieldset>
      <div class="button-row">
        <button type="submit" class="button" aria-disabled={busy ? "true" : undefined}>
          {busy ? t("idea.working") : t("impl.postUpdate")}
        </button>
      </div>
      <StatusLine text={done} />
    </form>
  );
}
