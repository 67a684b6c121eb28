import { useState } from "preact/hooks";
import { saveOidcSettings, type OidcSettings, type OidcSettingsChange } from "../../api/oidc";
import { ErrorSummary, type FormError } from "../../components/form/error-summary";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { StatusLine } from "../../components/status-line";
import { t } from "../../i18n";
import { summaryErrors } from "../../lib/field-errors";
import { useFormSubmit } from "../../lib/use-form-submit";
import { ADMIN_LIMITS } from "../../api/contract";

const FIELD_IDS: Record<string, string> = {
  "json.displayName": "oidc-name",
  "json.issuer": "oidc-issuer",
  "json.clientId": "oidc-client-id",
  "json.clientSecret": "oidc-client-secret",
  "json.scope": "oidc-scope",
  "json.nipClaim": "oidc-nip-claim",
};
const REQUIRED = ["oidc-name", "oidc-issuer", "oidc-client-id", "oidc-scope", "oidc-nip-claim"];

function changeOf(data: FormData): OidcSettingsChange {
  const value = (id: string) => String(data.get(id) ?? "").trim();
  const secret = String(data.get("oidc-client-secret") ?? "");
  const removeSecret = data.get("oidc-remove-secret") === "on";
  return {
    displayName: value("oidc-name"),
    issuer: value("oidc-issuer"),
    clientId: value("oidc-client-id"),
    // empty: keep the stored secret; the box: none at all
    ...(removeSecret ? { clientSecret: "" } : secret ? { clientSecret: secret } : {}),
    scope: value("oidc-scope"),
    nipClaim: value("oidc-nip-claim"),
    passwordSignIn: data.get("oidc-password-sign-in") === "on",
  };
}

/** The provider's settings: one save, checked against the provider's discovery document, one audit row. */
export function OidcForm({ settings, onSaved }: { settings: OidcSettings; onSaved: (s: OidcSettings) => void }) {
  const {
    busy,
    errors,
    attempt,
    problem,
    fail,
    submit: send,
  } = useFormSubmit<FormError[]>([], summaryErrors(FIELD_IDS, "oidc-name"));
  const [status, setStatus] = useState("");
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const missing = REQUIRED.filter((id) => !String(data.get(id) ?? "").trim());
    if (missing.length > 0) return fail(missing.map((fieldId) => ({ fieldId, message: t("platform.required") })));
    setStatus("");
    await send(async () => {
      onSaved(await saveOidcSettings(changeOf(data)));
      // the secret is stored now, and never shown again: not even as the dots it was typed in
      const secret = form.elements.namedItem("oidc-client-secret");
      if (secret instanceof HTMLInputElement) secret.value = "";
      setStatus(t("oidcAdmin.saved"));
    });
  }

  const text = (id: string, label: string, hint: string, value: string, extra: Record<string, unknown> = {}) => (
    <Field id={id} label={label} hint={hint} error={errorOf(id)}>
      {(c) => <input {...c} defaultValue={value} aria-required="true" spellcheck={false} {...extra} />}
    </Field>
  );

  return (
    <form class="form settings-form" onSubmit={submit} noValidate>
      <ErrorSummary id="oidc-errors" errors={errors} attempt={attempt} />
      {text("oidc-name", t("oidcAdmin.displayName"), t("oidcAdmin.displayNameHint"), settings.displayName, {
        maxLength: 60,
      })}
      {text("oidc-issuer", t("oidcAdmin.issuer"), t("oidcAdmin.issuerHint"), settings.issuer, {
        type: "url",
        maxLength: 300,
        autocomplete: "off",
      })}
      {text("oidc-client-id", t("oidcAdmin.clientId"), "", settings.clientId, { maxLength: 200, autocomplete: "off" })}
      <Field
        id="oidc-client-secret"
        label={t("oidcAdmin.clientSecret")}
        hint={settings.hasClientSecret ? t("oidcAdmin.clientSecretKept") : t("oidcAdmin.clientSecretHint")}
        error={errorOf("oidc-client-secret")}
      >
        {(c) => (
          <input
            {...c}
            type="password"
            maxLength={ADMIN_LIMITS.oidcClientSecret}
            autocomplete="new-password"
            spellcheck={false}
          />
        )}
      </Field>
      {!settings.secretKeyConfigured && (
        <p class="notice" role="status">
          {t("oidcAdmin.noSecretKey")}
        </p>
      )}
      {settings.hasClientSecret && (
        <label class="checkbox">
          <input type="checkbox" name="oidc-remove-secret" />
          <span>{t("oidcAdmin.removeSecret")}</span>
        </label>
      )}
      {text("oidc-scope", t("oidcAdmin.scope"), t("oidcAdmin.scopeHint"), settings.scope, { maxLength: 300 })}
      {text("oidc-nip-claim", t("oidcAdmin.nipClaim"), t("oidcAdmin.nipClaimHint"), settings.nipClaim, {
        maxLength: 100,
      })}
      <div class="setting">
        <label class="checkbox">
          <input
            type="checkbox"
            name="oidc-password-sign-in"
            defaultChecked={settings.passwordSignIn}
            aria-describedby="oidc-password-sign-in-hint"
          />
          <span>{t("oidcAdmin.passwordSignIn")}</span>
        </label>
        <p id="oidc-password-sign-in-hint" class="field-hint setting-hint">
          {t("oidcAdmin.passwordSignInHint")}
        </p>
      </div>
      {problem && <ProblemMessage problem={problem} />}
      <div class="button-row">
        <button class="button" type="submit" aria-disabled={busy ? "true" : undefined}>
          {busy ? t("oidcAdmin.saving") : t("oidcAdmin.save")}
        </button>
      </div>
      <StatusLine text={status} />
    </form>
  );
}
