import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { resetPassword } from "../../api/account";
import { Loading } from "../../components/loading";
import { Logo } from "../../components/logo";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { FORGOT_PASSWORD_PATH } from "../../lib/paths";
import { usePageTitle } from "../../lib/use-page-title";
import { session } from "../../models/session";
import { NewPasswordForm } from "../activate/new-password-form";
import { useTokenCheck } from "../activate/use-token-check";

/** `/atur-ulang-sandi?token=…`: the e-mailed reset link; a new password ends every session and signs in here. */
export default function ResetPasswordPage() {
  usePageTitle("reset.title");
  const { query, route } = useLocation();
  const token = query.token ?? null;
  const [attempt, setAttempt] = useState(0);
  const check = useTokenCheck(token, attempt);

  const save = async (password: string) => {
    const { user } = await resetPassword(token!, password);
    session.value = { kind: "signed-in", user };
    route("/", true);
  };

  const invalid =
    check.kind === "none" || check.kind === "invalid" || (check.kind === "ready" && check.info.purpose !== "reset");
  return (
    <div class="auth-page">
      <section class="card auth-card" aria-labelledby="reset-title">
        <div class="auth-card-mark">
          <Logo size={48} />
        </div>
        <h1 id="reset-title">{t("reset.title")}</h1>
        {check.kind === "checking" && <Loading />}
        {check.kind === "problem" && (
          <ProblemMessage problem={check.problem} onRetry={() => setAttempt((n) => n + 1)} />
        )}
        {invalid && (
          <>
            <p class="notice" role="alert">
              {check.kind === "none" ? t("reset.missing") : t("reset.invalid")}
            </p>
            <p class="auth-help">
              <a class="link-alone" href={FORGOT_PASSWORD_PATH}>
                {t("reset.again")}
              </a>
            </p>
          </>
        )}
        {check.kind === "ready" && !invalid && (
          <>
            <p class="card-lead">{t("reset.lead", { name: check.info.name })}</p>
            <NewPasswordForm username={check.info.name} submit="reset.submit" saving="reset.saving" onSave={save} />
          </>
        )}
      </section>
    </div>
  );
}
