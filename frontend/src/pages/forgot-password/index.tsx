import { useState } from "preact/hooks";
import { requestPasswordReset } from "../../api/account";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { TextField } from "../../components/form/text-field";
import { Logo } from "../../components/logo";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { SIGN_IN_PATH } from "../../lib/paths";
import { usePageTitle } from "../../lib/use-page-title";

type State = { kind: "idle" } | { kind: "sending" } | { kind: "sent" } | { kind: "problem"; problem: ApiProblem };

/** `/lupa-sandi`: asks for a reset link by e-mail; the page says the same whether or not the account exists. */
export default function ForgotPasswordPage() {
  usePageTitle("forgot.title");
  const [identifier, setIdentifier] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.kind === "sending") return;
    if (!identifier.trim()) return setError(t("signIn.identifierRequired"));
    setError(null);
    setState({ kind: "sending" });
    try {
      await requestPasswordReset(identifier.trim());
      setState({ kind: "sent" });
    } catch (caught) {
      setState({ kind: "problem", problem: toApiProblem(caught) });
    }
  };

  return (
    <div class="auth-page">
      <section class="card auth-card" aria-labelledby="forgot-title">
        <div class="auth-card-mark">
          <Logo size={48} />
        </div>
        <h1 id="forgot-title">{t("forgot.title")}</h1>
        {state.kind === "sent" ? (
          <p class="notice notice-ok" role="status">
            {t("forgot.sent")}
          </p>
        ) : (
          <>
            <p class="card-lead">{t("forgot.lead")}</p>
            {state.kind === "problem" && <ProblemMessage problem={state.problem} />}
            <form class="form" noValidate onSubmit={submit}>
              <TextField
                id="forgot-identifier"
                label={t("signIn.identifier")}
                hint={t("signIn.identifierHint")}
                value={identifier}
                onInput={setIdentifier}
                error={error}
                autocomplete="username"
                spellcheck={false}
              />
              <button
                type="submit"
                class="button button-block"
                aria-disabled={state.kind === "sending" ? "true" : undefined}
              >
                {state.kind === "sending" ? t("forgot.sending") : t("forgot.submit")}
              </button>
            </form>
          </>
        )}
        <p class="auth-help">
          <a class="link-alone" href={SIGN_IN_PATH}>
            {t("forgot.backToSignIn")}
          </a>
        </p>
      </section>
    </div>
  );
}
