import type { ComponentChildren } from "preact";
import { useEffect, useErrorBoundary } from "preact/hooks";
import { useLocation } from "preact-iso";
import { toApiProblem } from "../api/problem";
import { t } from "../i18n";
import { ProblemMessage } from "./problem-message";

const reload = () => location.reload();

/**
 * Catches a page that throws while rendering, so the header and footer stay usable.
 * Navigating elsewhere clears it.
 */
export function CrashGuard({ children }: { children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary((caught) => console.error(caught));
  const { url } = useLocation();
  useEffect(() => {
    if (error) reset();
    // Only a change of page clears the error, not the error itself.
  }, [url]);

  if (!error) return <>{children}</>;
  return <ProblemMessage problem={toApiProblem(error)} onRetry={reload} retryLabel={t("action.reload")} />;
}
