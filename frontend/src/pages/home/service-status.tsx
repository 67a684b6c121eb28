import { useEffect } from "preact/hooks";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { healthState, refreshHealth } from "../../models/health";

const retry = () => void refreshHealth(true);

/** One line on whether Gagas works right now: loading, ok, degraded, or a problem. */
export function ServiceStatus() {
  useEffect(() => {
    void refreshHealth();
  }, []);
  const state = healthState.value;

  return (
    <section class="service-status" aria-labelledby="service-status-title">
      <h2 id="service-status-title">{t("home.statusTitle")}</h2>
      {state.kind === "loading" && <Loading label={t("status.loading")} />}
      {state.kind === "problem" && <ProblemMessage problem={state.problem} onRetry={retry} />}
      {state.kind === "ready" && (
        <p class={`status-line status-${state.health.status}`} role="status">
          <span class="status-dot" aria-hidden="true" />
          {state.health.status === "ok" ? t("status.ok") : t("status.degraded")}
        </p>
      )}
    </section>
  );
}
