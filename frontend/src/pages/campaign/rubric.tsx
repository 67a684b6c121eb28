import type { Criterion } from "../../api/campaigns";
import { locale, t } from "../../i18n";

/** The rubric: each criterion with its description, its scale and its weight drawn as a bar. */
export function Rubric({ criteria }: { criteria: readonly Criterion[] }) {
  const english = locale.value === "en";
  return (
    <ul class="rubric">
      {criteria.map((criterion) => {
        const label = english ? criterion.labelEn : criterion.labelId;
        const description = english ? criterion.descriptionEn : criterion.descriptionId;
        return (
          <li key={criterion.key} class="rubric-row">
            <div class="rubric-head">
              <h3>{label}</h3>
              <span class="rubric-weight">{t("campaign.weight", { weight: criterion.weight })}</span>
            </div>
            <div class="rubric-bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, Math.max(0, criterion.weight))}%` }} />
            </div>
            {description && <p class="rubric-description">{description}</p>}
            <p class="rubric-scale">{t("campaign.scale", { max: criterion.scaleMax })}</p>
          </li>
        );
      })}
    </ul>
  );
}
