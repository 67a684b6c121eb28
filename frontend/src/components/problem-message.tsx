import { useEffect } from "preact/hooks";
import { NETWORK_UNREACHABLE, type Problem } from "../api/problem";
import { t } from "../i18n";
import { problemText } from "../i18n/problem-text";
import { onReconnect } from "../models/connection";

type Props = {
  problem: Pick<Problem, "code" | "requestId">;
  /** Shows a "try again" button when given. */
  onRetry?: () => void;
  retryLabel?: string;
};

/**
 * A problem in the person's language, with the request id to quote to support. When the server
 * could not be reached, the view tries again by itself as soon as the connection returns.
 */
export function ProblemMessage({ problem, onRetry, retryLabel }: Props) {
  const unreachable = problem.code === NETWORK_UNREACHABLE;
  useEffect(() => (unreachable && onRetry ? onReconnect(onRetry) : undefined), [unreachable, onRetry]);
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
