import type { ApiProblem } from "../../api/problem";
import { hasMessage, t } from "../../i18n";
import { mapFormErrors } from "../../lib/field-errors";

/**
 * The server's field errors by field (`json.indicators.0.name` → `indicators.0.name`), each in the
 * person's language when the code has words, else the server's own sentence (Bahasa Indonesia).
 */
export function fieldErrorsOf(problem: ApiProblem): Record<string, string> {
  if (!problem.errors?.length) return {};
  return mapFormErrors(problem, (e) => {
    const key = `code.${e.code}`;
    return [e.parts.join("."), hasMessage(key) ? t(key as "code.profile.locked") : e.message];
  }).fields as Record<string, string>;
}
