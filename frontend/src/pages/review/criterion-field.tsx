import type { RubricCriterion } from "../../api/reviews";
import { locale, t } from "../../i18n";
import { criterionFieldId, criterionLabel } from "./review-errors";

type Props = {
  criterion: RubricCriterion;
  value: number | undefined;
  error: string | undefined;
  onChange: (value: number) => void;
};

/**
 * One criterion of the rubric as a radio group 1..scaleMax in a fieldset: the legend names it and
 * its weight, its description and the meaning of the scale's ends describe the group.
 */
export function CriterionField({ criterion, value, error, onChange }: Props) {
  const id = criterionFieldId(criterion.key);
  const description = locale.value === "en" ? criterion.descriptionEn : criterion.descriptionId;
  const describedBy = [error ? `${id}-error` : "", description ? `${id}-description` : "", `${id}-scale`]
    .filter(Boolean)
    .join(" ");
  const options = Array.from({ length: criterion.scaleMax }, (_, i) => i + 1);
  return (
    <fieldset id={id} class={`fieldset criterion${error ? " field-invalid" : ""}`} aria-describedby={describedBy}>
      <legend>
        <span class="criterion-label">{criterionLabel(criterion)}</span>{" "}
        <span class="criterion-weight">{t("review.weight", { weight: criterion.weight })}</span>
      </legend>
      {description && (
        <p id={`${id}-description`} class="criterion-description">
          {description}
        </p>
      )}
      <p id={`${id}-scale`} class="field-hint">
        {t("review.scaleHint", { max: criterion.scaleMax })}
      </p>
      {error && (
        <p id={`${id}-error`} class="field-error">
          <span class="visually-hidden">{t("form.errorPrefix")} </span>
          {error}
        </p>
      )}
      <div class="score-options">
        {options.map((n) => (
          <label key={n} class="score-option">
            <input
              type="radio"
              id={`${id}-${n}`}
              name={id}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
            />
            <span>{n}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
