import type { ApiProblem } from "../../api/problem";
import { hasMessage, t } from "../../i18n";

/**
 * The server's field errors by field (`json.indicators.0.name` → `indicators.0.name`), each in the
 * person's language when the code has words, else the server's own sentence (Bahasa Indonesia).
 */
export function fieldErrorsOf(problem: ApiProblem): Record<string, string> {
  const found: Record<string, string> = {};
  for (const e of problem.errors ?? []) {
    const field = e.path.replace(/^(json|form)\./, "");
    const key = `code.${e.code}`;
    found[field] ??= hasMessage(key) ? t(key as "code.profile.locked") : e.message;
  }
  return found;
}
