import { ApiProblem } from "../api/problem";
import { t } from "../i18n";
import { ProblemMessage } from "./problem-message";

const reload = () => location.reload();

/** Shown in place of a page whose code could not be downloaded. */
export function PageLoadFailed({ error }: { error: unknown }) {
  return <ProblemMessage problem={ApiProblem.unreachable(error)} onRetry={reload} retryLabel={t("action.reload")} />;
}
