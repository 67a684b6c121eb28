import { createToken, type ApiScope, type TokenKind } from "../../api/api-tokens";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { refusedByField } from "../../lib/field-errors";
import { useFormSubmit } from "../../lib/use-form-submit";
import { ADMIN_LIMITS } from "../../api/contract";

/** The lives a token can be given, in days; the server caps them at `maxDays`. */
const LIVES = [30, 90, 180, 365] as const;

type Errors = Record<string, string>;

/** A new token: its name, scopes (only those the server says the caller may grant) and life. */
export function TokenForm({
  kind,
  scopes,
  maxDays,
  onCreated,
}: {
  kind: TokenKind;
  scopes: readonly ApiScope[];
  maxDays: number;
  onCreated: (created: { name: string; secret: string }) => void;
}) {
  const { busy, errors, problem, fail, submit: send } = useFormSubmit<Errors>({}, refusedByField);
  const lives = LIVES.filter((d) => d <= maxDays);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const chosen = scopes.filter((s) => data.get(`scope-${s}`) === "on");
    if (chosen.length === 0) return fail({ scopes: t("tokens.scopesRequired") });
    await send(async () => {
      const created = await createToken(kind, {
        name: String(data.get("token-name") ?? ""),
        scopes: chosen,
        expiresInDays: Number(data.get("token-expiry") ?? lives[0]),
      });
      form.reset();
      onCreated({ name: created.name, secret: created.secret });
    });
  }

  return (
    <form class="card admin-form" onSubmit={submit} noValidate>
      <h2>{t("tokens.add")}</h2>
      <Field id="token-name" label={t("tokens.name")} hint={t("tokens.nameHint")} error={errors.name}>
        {(c) => <input {...c} required maxLength={ADMIN_LIMITS.tokenName} autocomplete="off" />}
      </Field>
      <fieldset class="fieldset" aria-describedby={errors.scopes ? "token-scopes-error" : undefined}>
        <legend>{t("tokens.scopes")}</legend>
        {errors.scopes && (
          <p id="token-scopes-error" class="field-error">
            {errors.scopes}
          </p>
        )}
        {scopes.map((scope) => (
          <label key={scope} class="checkbox">
            <input type="checkbox" name={`scope-${scope}`} />
            <span>
              {t(`scope.${scope}`)} <code>{scope}</code>
            </span>
          </label>
        ))}
      </fieldset>
      <Field id="token-expiry" label={t("tokens.expiry")} error={errors.expiresInDays}>
        {(c) => (
          <select {...c}>
            {lives.map((days) => (
              <option key={days} value={days}>
                {t("tokens.days", { count: days })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {problem && <ProblemMessage problem={problem} />}
      <button class="button" type="submit" aria-disabled={busy ? "true" : undefined}>
        {busy ? t("tokens.adding") : t("tokens.add")}
      </button>
    </form>
  );
}
