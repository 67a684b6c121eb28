import { getProblemSummary } from "../../api/problems";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { PROBLEMS_PATH } from "../../lib/problem-paths";
import { useResource } from "../../lib/use-resource";

/**
 * "Keluhan yang terjawab": citizen complaints whose problem an implemented idea answers, of all the
 * complaints in the agency's problem bank — what innovation did for the people who complained.
 */
export function ComplaintsAnswered() {
  const [summary, reload] = useResource(getProblemSummary, []);
  return (
    <section class="card complaints-answered" aria-labelledby="complaints-answered-title">
      <h2 id="complaints-answered-title">{t("dashboard.complaintsAnswered")}</h2>
      <ResourceView resource={summary} loading={t("dashboard.complaintsLoading")} onRetry={reload}>
        {(s) => (
          <>
            <p class="problem-figure">
              <strong>{formatNumber(s.complaintsAnswered)}</strong>{" "}
              {t("dashboard.complaintsOf", { total: formatNumber(s.complaints) })}
            </p>
            <p class="card-lead">
              {s.complaints === 0
                ? t("dashboard.complaintsEmpty")
                : t("dashboard.problemsAnswered", {
                    answered: formatNumber(s.problemsAnswered),
                    total: formatNumber(s.problems),
                  })}{" "}
              <a href={PROBLEMS_PATH}>{t("dashboard.toProblemBank")}</a>
            </p>
          </>
        )}
      </ResourceView>
    </section>
  );
}
