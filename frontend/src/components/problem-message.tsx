import type { Problem } from "../api/problem";
import { t } from "../i18n";
import { problemText } from "../i18n/problem-text";

type Props = {
  problem: Pick<Problem, "code" | "requestId">;
  /** Shows a "try again" button when given. */
  onRetry?: () => void;
  retryLabel?: string;
};

/** A problem in the person's language, with the request id to quote to support. */
export function ProblemMessage({ problem, onRetry, retryLabel }: Props) {
  return (
    <div class="problem" role="alert">
      <p class="problem-title">{t("problem.title")}</p>
      <p>{problemText(problem.code)}</p>
      {problem.requestId && <p class="problem-ref">{t("problem.reference", { requestId: problem.requestId })}</p>}
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>
          {retryLabel ?? t("action.retry")}
        </button>
      )}
    </div>
  );
}
