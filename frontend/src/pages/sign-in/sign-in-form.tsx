import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { toApiProblem } from "../../api/problem";
import { ErrorSummary } from "../../components/form/error-summary";
import { TextField } from "../../components/form/text-field";
import { t } from "../../i18n";
import { SIGN_IN_PATH, safeNext } from "../../lib/paths";
import { signIn } from "../../models/session";
import { checkSignIn, FIELD_IDS, NO_ERRORS, signInErrorsOf, summaryOf, type SignInErrors } from "./sign-in-errors";

/**
 * NIP or e-mail and password. On failure everything typed stays, the summary takes focus and
 * each message sits on its field. On success the session changes and the page moves on.
 */
export function SignInForm() {
  const [identifier, setIdentifier] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<SignInErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const { query, route } = useLocation();

  const fail = (found: SignInErrors) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const invalid = checkSignIn(identifier, password);
    if (invalid) return fail(invalid);
    setBusy(true);
    try {
      await signIn(identifier.trim(), password);
      setErrors(NO_ERRORS);
    } catch (error) {
      const problem = toApiProblem(error);
      // the agency signs in with its own provider: its page shows the button (and says why)
      if (problem.code === "auth.password_sign_in_disabled" && problem.signIn) {
        const agencyPage = `${SIGN_IN_PATH}?instansi=${encodeURIComponent(problem.signIn.agencySlug)}`;
        const next = safeNext(query.next);
        route(next === "/" ? agencyPage : `${agencyPage}&next=${encodeURIComponent(next)}`);
      }
      fail(signInErrorsOf(problem));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form" noValidate onSubmit={onSubmit}>
      <ErrorSummary id="signin-errors" errors={summaryOf(errors)} attempt={attempt} />
      <TextField
        id={FIELD_IDS.identifier}
        label={t("signIn.identifier")}
        hint={t("signIn.identifierHint")}
        value={identifier}
        onInput={setIdentifier}
        error={errors.fields.identifier}
        autocomplete="username"
        spellcheck={false}
      />
      <TextField
        id={FIELD_IDS.password}
        label={t("signIn.password")}
        type={showPassword ? "text" : "password"}
        value={password}
        onInput={setPassword}
        error={errors.fields.password}
        autocomplete="current-password"
        spellcheck={false}
      />
      <div class="checkbox">
        <input
          id="signin-show-password"
          type="checkbox"
          checked={showPassword}
          onChange={(event) => setShowPassword(event.currentTarget.checked)}
        />
        <label for="signin-show-password">{t("form.showPassword")}</label>
      </div>
      <button type="submit" class="button button-block" aria-disabled={busy ? "true" : undefined}>
        {busy ? t("signIn.submitting") : t("signIn.submit")}
      </button>
    </form>
  );
}
