import { Field } from "../../components/form/field";
import { t } from "../../i18n";
import { MAX_INDICATORS, PROFILE_LIMITS } from "../../api/contract";

export type IndicatorRow = { key?: string; name: string; unit: string; before: string; after: string };

type Props = {
  rows: IndicatorRow[];
  /** field errors by path (`indicators.0`, `indicators.0.name`, …) */
  errors: Record<string, string>;
  onChange: (rows: IndicatorRow[]) => void;
};

/** The profile's before/after indicators as rows of name, unit, before and after, up to ten. */
export function IndicatorRows({ rows, errors, onChange }: Props) {
  const change = (i: number, patch: Partial<IndicatorRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset class="fieldset impl-figure-set">
      <legend>{t("innov.indicators")}</legend>
      <p class="field-hint">{t("innov.indicatorsHint")}</p>
      {rows.map((row, i) => {
        const error = errors[`indicators.${i}`] ?? errors[`indicators.${i}.name`] ?? errors[`indicators.${i}.unit`];
        return (
          <div key={i} class={error ? "impl-figure-row field-invalid" : "impl-figure-row"}>
            {error && (
              <p class="field-error" id={`innov-indicators-${i}-error`}>
                {error}
              </p>
            )}
            <div class="impl-figure-fields">
              <Field id={`innov-indicators-${i}-name`} label={t("innov.indicatorName")}>
                {(c) => (
                  <input
                    {...c}
                    type="text"
                    maxLength={PROFILE_LIMITS.indicatorName[1]}
                    value={row.name}
                    onInput={(e) => change(i, { name: e.currentTarget.value })}
                  />
                )}
              </Field>
              <Field id={`innov-indicators-${i}-unit`} label={t("innov.indicatorUnit")}>
                {(c) => (
                  <input
                    {...c}
                    type="text"
                    maxLength={PROFILE_LIMITS.indicatorUnit[1]}
                    value={row.unit}
                    onInput={(e) => change(i, { unit: e.currentTarget.value })}
                  />
                )}
              </Field>
              <Field id={`innov-indicators-${i}-before`} label={t("innov.before")}>
                {(c) => (
                  <input
                    {...c}
                    type="text"
                    inputMode="decimal"
                    maxLength={20}
                    value={row.before}
                    onInput={(e) => change(i, { before: e.currentTarget.value })}
                  />
                )}
              </Field>
              <Field id={`innov-indicators-${i}-after`} label={t("innov.after")}>
                {(c) => (
                  <input
                    {...c}
                    type="text"
                    inputMode="decimal"
                    maxLength={20}
                    value={row.after}
                    onInput={(e) => change(i, { after: e.currentTarget.value })}
                  />
                )}
              </Field>
            </div>
            <button type="button" class="link-button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t("innov.removeIndicator", { n: i + 1 })}
            </button>
          </div>
        );
      })}
      {rows.length < MAX_INDICATORS && (
        <button
          type="button"
          class="button button-secondary"
          onClick={() => onChange([...rows, { name: "", unit: "", before: "", after: "" }])}
        >
          {t("innov.addIndicator")}
        </button>
      )}
    </fieldset>
  );
}
