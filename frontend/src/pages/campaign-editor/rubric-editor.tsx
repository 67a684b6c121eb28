import { Field } from "../../components/form/field";
import { t } from "../../i18n";
import { newCriterionRow, totalWeight, type CriterionRow } from "../../models/campaign-form";
import { criterionId, RUBRIC_TOTAL_ID } from "./editor-errors";
import { CAMPAIGN_LIMITS } from "../../api/contract";

type Props = {
  rows: CriterionRow[];
  onChange: (rows: CriterionRow[]) => void;
  errors: Record<string, string>;
  locked: boolean;
};

type TextKey = "key" | "labelId" | "labelEn";
type AreaKey = "descriptionId" | "descriptionEn";

const MAX_ROWS = CAMPAIGN_LIMITS.criteria;

/** The running total of the weights, which must be exactly 100, as words and a bar. */
function WeightTotal({ rows, error }: { rows: CriterionRow[]; error: string | undefined }) {
  const total = totalWeight(rows);
  const ok = total === 100;
  return (
    <div class={`weight-total${ok ? " weight-total-ok" : ""}${error ? " field-invalid" : ""}`}>
      <p id={RUBRIC_TOTAL_ID} tabIndex={-1} role="status" aria-atomic="true">
        <strong>{t("editor.total", { total })}</strong> {ok ? t("editor.totalOk") : t("editor.totalOff", { total })}
      </p>
      {error && <p class="field-error">{error}</p>}
      <div class="weight-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(total, 100)}%` }} />
      </div>
    </div>
  );
}

/** Rows of criteria (key, names and descriptions in both languages, weight, scale) with a live total. */
export function RubricEditor({ rows, onChange, errors, locked }: Props) {
  const set = (index: number, patch: Partial<CriterionRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const text = (index: number, row: CriterionRow, key: TextKey, label: string, hint?: string) => (
    <Field id={criterionId(index, key)} label={label} hint={hint} error={errors[criterionId(index, key)]}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={row[key]}
          maxLength={key === "key" ? 32 : CAMPAIGN_LIMITS.criterionLabel[1]}
          spellcheck={key !== "key"}
          autocapitalize={key === "key" ? "off" : undefined}
          onInput={(event) => set(index, { [key]: event.currentTarget.value })}
        />
      )}
    </Field>
  );
  const area = (index: number, row: CriterionRow, key: AreaKey, label: string) => (
    <Field id={criterionId(index, key)} label={label} error={errors[criterionId(index, key)]}>
      {(control) => (
        <textarea
          {...control}
          rows={2}
          maxLength={CAMPAIGN_LIMITS.criterionDescription}
          value={row[key]}
          onInput={(event) => set(index, { [key]: event.currentTarget.value })}
        />
      )}
    </Field>
  );
  const number = (index: number, row: CriterionRow, key: "weight" | "scaleMax", label: string, max: number) => (
    <Field id={criterionId(index, key)} label={label} error={errors[criterionId(index, key)]} class="field-number">
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={key === "weight" ? 1 : 2}
          max={max}
          value={row[key]}
          onInput={(event) => set(index, { [key]: event.currentTarget.value })}
        />
      )}
    </Field>
  );

  return (
    <fieldset class="rubric-editor" disabled={locked}>
      {rows.map((row, index) => (
        <fieldset key={row.uid} class="fieldset criterion-row">
          <legend>{t("editor.criterion", { n: index + 1 })}</legend>
          <div class="criterion-grid">
            {text(index, row, "key", t("editor.criterionKey"), t("editor.criterionKeyHint"))}
            {number(index, row, "weight", t("editor.criterionWeight"), 100)}
            {number(index, row, "scaleMax", t("editor.criterionScale"), 10)}
            {text(index, row, "labelId", t("editor.criterionLabelId"))}
            {text(index, row, "labelEn", t("editor.criterionLabelEn"))}
            {area(index, row, "descriptionId", t("editor.criterionDescriptionId"))}
            {area(index, row, "descriptionEn", t("editor.criterionDescriptionEn"))}
          </div>
          {rows.length > 1 && (
            <button
              type="button"
              class="link-button link-danger"
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              {t("editor.criterionRemove", { n: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {rows.length < MAX_ROWS && (
        <button type="button" class="button button-secondary" onClick={() => onChange([...rows, newCriterionRow()])}>
          {t("editor.criterionAdd")}
        </button>
      )}
      {(rows.length > 0 || errors[RUBRIC_TOTAL_ID]) && <WeightTotal rows={rows} error={errors[RUBRIC_TOTAL_ID]} />}
    </fieldset>
  );
}
