import { ROUND_REVIEWS_PATH } from "../../lib/competition-paths";
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { activateAccount } from "../../api/account";
import { TextField } from "../../components/form/text-field";
import { Loading } from "../../components/loading";
import { Logo } from "../../components/logo";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { usePageTitle } from "../../lib/use-page-title";
import { session } from "../../models/session";
import { NewPasswordForm } from "./new-password-form";
import { useTokenCheck } from "./use-token-check";

function CodeForm({ onCode }: { onCode: (code: string) => void }) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!code.trim()) return setError(t("activate.codeRequired"));
    setError(null);
    onCode(code.trim());
  };
  return (
    <form class="form" noValidate onSubmit={submit}>
      <TextField
        id="activation-code"
        label={t("activate.code")}
        hint={t("activate.codeHint")}
        value={code}
        onInput={setCode}
        error={error}
        autocomplete="one-time-code"
        spellcheck={false}
      />
      <button type="submit" class="button button-block">
        {t("activate.continue")}
      </button>
    </form>
  );
}

/**
 * `/aktivasi?token=…` (the e-mailed link) or `/aktivasi?kode=…` (the QR code of a printed slip), or
 * `/aktivasi` to type the slip's code: the person chooses their own password and is signed in.
 */
export default function ActivatePage() {
  usePageTitle("activate.title");
  const { query, route } = useLocation();
  const [token, setToken] = useState<string | null>(query.token ?? query.kode ?? null);
  const [attempt, setAttempt] = useState(0);
  const check = useTokenCheck(token, attempt);

  const save = async (password: string) => {
    const { user } = await activateAccount(token!, password);
    session.value = { kind: "signed-in", user };
    // an external reviewer's home is their assignments: the rest of the agency is closed to them
    route(user.can.participate ? "/" : ROUND_REVIEWS_PATH, true);
  };

  return (
    <div class="auth-page">
      <section class="card auth-card" aria-labelledby="activate-title">
        <div class="auth-card-mark">
          <Logo size={48} />
        </div>
        {check.kind === "ready" ? (
          <>
            <h1 id="activate-title">{t("activate.welcome", { name: check.info.name })}</h1>
            <p class="card-lead">{t("activate.welcomeLead", { agency: check.info.agencyName })}</p>
            <NewPasswordForm
              username={check.info.name}
              submit="activate.submit"
              saving="activate.saving"
              onSave={save}
            />
          </>
        ) : (
          <>
            <h1 id="activate-title">{t("activate.title")}</h1>
            {check.kind === "none" && (
              <>
                <p class="card-lead">{t("activate.lead")}</p>
                <CodeForm onCode={setToken} />
              </>
            )}
            {check.kind === "checking" && <Loading label={t("activate.checking")} />}
            {check.kind === "invalid" && (
              <>
                <p class="notice" role="alert">
                  {t("activate.invalid")}
                </p>
                <button type="button" class="button button-secondary" onClick={() => setToken(null)}>
                  {t("activate.tryAnother")}
                </button>
              </>
            )}
            {check.kind === "problem" && (
              <ProblemMessage problem={check.problem} onRetry={() => setAttempt((n) => n + 1)} />
            )}
          </>
        )}
      </section>
    </div>
  );
}
