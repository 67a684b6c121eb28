import { useState } from "preact/hooks";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Dialog, DialogButtons } from "../../components/dialog";
import { t } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { bodyOf, type AwardValues } from "./form-errors";

type Props = {
  values: AwardValues;
  /** announces it; throws the server's refusal, which the form then shows on its fields */
  announce: () => Promise<void>;
  onRefused: (problem: ApiProblem) => void;
  onClose: () => void;
};

/**
 * The award as it will be announced, read once more before it is published: what it says, who
 * receives it, which ideas it recognises and the points it pays. "Umumkan sekarang" publishes it;
 * "Batal" goes back to the form with everything kept.
 */
export function AwardPreview({ values, announce, onRefused, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const body = bodyOf(values);
  const recipients =
    values.kind === "team"
      ? [t("awardPreview.teamOf", { title: values.team[0]?.name ?? "" })]
      : (values.kind === "people" ? values.people : values.units).map((c) => c.name);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    try {
      await announce();
    } catch (error) {
      setBusy(false);
      onRefused(toApiProblem(error));
    }
  }

  return (
    <Dialog id="award-preview" title={t("awardPreview.title")} text={t("awardPreview.text")} onClose={onClose}>
      <div class="award-preview">
        <p class="eyebrow">{body.periodLabel}</p>
        <h3>{body.title}</h3>
        <p class="award-preview-citation">{body.citation}</p>
        <h3>{t("awardPreview.recipients")}</h3>
        <ul>
          {recipients.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
        {values.ideas.length > 0 && (
          <>
            <h3>{t("awardPreview.ideas")}</h3>
            <ul>
              {values.ideas.map((idea) => (
                <li key={idea.id}>{idea.name}</li>
              ))}
            </ul>
          </>
        )}
        <ul class="consequences">
          <li>
            {body.bonusPoints > 0
              ? t("awardPreview.bonus", { points: formatNumber(body.bonusPoints) })
              : t("awardPreview.noBonus")}
          </li>
        </ul>
      </div>
      <DialogButtons
        label={t("awardPreview.confirm")}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={onClose}
      />
    </Dialog>
  );
}
