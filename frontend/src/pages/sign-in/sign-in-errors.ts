import type { ApiProblem } from "../../api/problem";
import type { FormError } from "../../components/form/error-summary";
import { t } from "../../i18n";
import { problemText } from "../../i18n/problem-text";
import { mapFormErrors } from "../../lib/field-errors";

export const FIELD_IDS = { identifier: "signin-identifier", password: "signin-password" } as const;
type Field = keyof typeof FIELD_IDS;

export type SignInErrors = { fields: Partial<Record<Field, string>>; others: string[] };

export const NO_ERRORS: SignInErrors = { fields: {}, others: [] };

/** What the form can tell before asking the server: both fields are required. */
export function checkSignIn(identifier: string, password: string): SignInErrors | null {
  const fields: SignInErrors["fields"] = {};
  if (!identifier.trim()) fields.identifier = t("signIn.identifierRequired");
  if (!password) fields.password = t("signIn.passwordRequired");
  return Object.keys(fields).length ? { fields, others: [] } : null;
}

/** "Try again in N minutes", from the `Retry-After` seconds (rounded up to whole minutes). */
function throttledText(retryAfter: number | undefined): string {
  if (retryAfter === undefined) return problemText("auth.throttled");
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  return minutes === 1 ? t("signIn.throttledMinute") : t("signIn.throttled", { minutes });
}

/**
 * A failed sign-in as messages: wrong credentials on the password field (the server does not
 * say which of the two was wrong), validation errors on their fields, anything else above the form.
 */
export function signInErrorsOf(problem: ApiProblem): SignInErrors {
  if (problem.code === "auth.invalid_credentials") {
    return { fields: { password: t("signIn.invalidCredentials") }, others: [] };
  }
  if (problem.code === "auth.throttled") return { fields: {}, others: [throttledText(problem.retryAfter)] };
  return mapFormErrors<Field>(problem, (e) =>
    e.field === "identifier" || e.field === "password" ? [e.field, t("form.invalidField")] : null,
  );
}

/** The summary lists field errors first, in the order of the form, each linked to its field. */
export function summaryOf(errors: SignInErrors): FormError[] {
  const fieldErrors = (Object.keys(FIELD_IDS) as Field[]).flatMap((field) => {
    const message = errors.fields[field];
    return message ? [{ message, fieldId: FIELD_IDS[field] }] : [];
  });
  return [...fieldErrors, ...errors.others.map((message) => ({ message }))];
}
