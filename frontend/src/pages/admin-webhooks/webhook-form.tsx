import { createWebhook, type WebhookKind } from "../../api/webhooks";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { refusedByField } from "../../lib/field-errors";
import { useFormSubmit } from "../../lib/use-form-submit";
import { ADMIN_LIMITS, NOTIFICATION_KINDS } from "../../api/contract";

/** Every kind an admin can forward: the server's notification kinds, in the order of the notification settings. */
export const WEBHOOK_KINDS: readonly WebhookKind[] = NOTIFICATION_KINDS;

type Errors = Record<string, string>;

/** A new webhook: name, HTTPS address, kinds. Its secret comes back once, for the page to show. */
export function WebhookForm({ onCreated }: { onCreated: (created: { name: string; secret: string }) => void }) {
  const { busy, errors, problem, fail, submit: send } = useFormSubmit<Errors>({}, refusedByField);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const kinds = WEBHOOK_KINDS.filter((k) => data.get(`kind-${k}`) === "on");
    if (kinds.length === 0) return fail({ kinds: t("webhooks.kindsRequired") });
    await send(async () => {
      const created = await createWebhook({
        name: String(data.get("webhook-name") ?? ""),
        url: String(data.get("webhook-url") ?? ""),
        kinds,
      });
      form.reset();
      onCreated({ name: created.name, secret: created.secret });
    });
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
