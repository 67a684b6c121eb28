import { useState } from "preact/hooks";
import { createWebhook, type WebhookKind } from "../../api/webhooks";
import { ApiProblem } from "../../api/problem";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { errorsByField } from "../../lib/field-errors";
import { ADMIN_LIMITS } from "../../api/contract";

/** Every kind an admin can forward, in the order of the notification settings. */
export const WEBHOOK_KINDS: readonly WebhookKind[] = [
  "vote_on_my_idea",
  "comment_on_my_idea",
  "reply_to_me",
  "mention",
  "decision_on_my_idea",
  "followed_idea_status",
  "review_assigned",
  "review_due",
  "campaign_phase",
  "points_earned",
  "badge_earned",
  "award_received",
  "moderation",
  "report_received",
];

type Errors = Record<string, string>;

/** A new webhook: name, HTTPS address, kinds. Its secret comes back once, for the page to show. */
export function WebhookForm({ onCreated }: { onCreated: (created: { name: string; secret: string }) => void }) {
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const kinds = WEBHOOK_KINDS.filter((k) => data.get(`kind-${k}`) === "on");
    if (kinds.length === 0) {
      setErrors({ kinds: t("webhooks.kindsRequired") });
      return;
    }
    setBusy(true);
    try {
      const created = await createWebhook({
        name: String(data.get("webhook-name") ?? ""),
        url: String(data.get("webhook-url") ?? ""),
        kinds,
      });
      form.reset();
      setErrors({});
      setProblem(null);
      onCreated({ name: created.name, secret: created.secret });
    } catch (error) {
      if (error instanceof ApiProblem && error.errors) setErrors(errorsByField(error));
      else if (error instanceof ApiProblem) setProblem(error);
      else throw error;
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card admin-form" onSubmit={submit} noValidate>
      <h2>{t("webhooks.add")}</h2>
      <Field id="webhook-name" label={t("webhooks.name")} hint={t("webhooks.nameHint")} error={errors.name}>
        {(c) => <input {...c} required maxLength={ADMIN_LIMITS.webhookName} autocomplete="off" />}
      </Field>
      <Field id="webhook-url" label={t("webhooks.url")} hint={t("webhooks.urlHint")} error={errors.url}>
        {(c) => (
          <input
            {...c}
            type="url"
            inputMode="url"
            required
            maxLength={ADMIN_LIMITS.webhookUrl}
            autocomplete="off"
            placeholder="https://"
          />
        )}
      </Field>
      <fieldset class="fieldset" aria-describedby={errors.kinds ? "webhook-kinds-error" : undefined}>
        <legend>{t("webhooks.kinds")}</legend>
        {errors.kinds && (
          <p id="webhook-kinds-error" class="field-error">
            {errors.kinds}
          </p>
        )}
        {WEBHOOK_KINDS.map((kind) => (
          <label key={kind} class="checkbox">
            <input type="checkbox" name={`kind-${kind}`} />
            <span>{t(`notificationKind.${kind}`)}</span>
          </label>
        ))}
      </fieldset>
      {problem && <ProblemMessage problem={problem} />}
      <button class="button" type="submit" aria-disabled={busy ? "true" : undefined}>
        {busy ? t("webhooks.adding") : t("webhooks.add")}
      </button>
    </form>
  );
}
