import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { unsubscribe } from "../../api/account";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { usePageTitle } from "../../lib/use-page-title";

type State = { kind: "working" } | { kind: "done" } | { kind: "invalid" } | { kind: "problem"; problem: ApiProblem };

/** `/berhenti-langganan?token=…`: the unsubscribe link of an e-mail; its kind stays in the app only. */
export default function UnsubscribePage() {
  usePageTitle("unsubscribe.title");
  const { query } = useLocation();
  const token = query.token ?? "";
  const [state, setState] = useState<State>({ kind: "working" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!token) return setState({ kind: "invalid" });
    setState({ kind: "working" });
    unsubscribe(token).then(
      () => setState({ kind: "done" }),
      (error: unknown) => {
        const problem = toApiProblem(error);
        setState(problem.status === 404 || problem.status === 422 ? { kind: "invalid" } : { kind: "problem", problem });
      },
    );
  }, [token, attempt]);
  return (
    <div class="auth-page">
      <section class="card auth-card" aria-labelledby="unsubscribe-title">
        <h1 id="unsubscribe-title">{t("unsubscribe.title")}</h1>
        {state.kind === "working" && <Loading label={t("unsubscribe.working")} />}
        {state.kind === "done" && (
          <p class="notice notice-ok" role="status">
            {t("unsubscribe.done")}
          </p>
        )}
        {state.kind === "invalid" && (
          <p class="notice" role="alert">
            {t("unsubscribe.invalid")}
          </p>
        )}
        {state.kind === "problem" && (
          <ProblemMessage problem={state.problem} onRetry={() => setAttempt((n) => n + 1)} />
        )}
        <p class="auth-help">
          <a class="link-alone" href="/notifikasi/pengaturan">
            {t("unsubscribe.settings")}
          </a>
        </p>
      </section>
    </div>
  );
}
