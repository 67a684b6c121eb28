import type { ApiProblem } from "../../api/problem";
import type { FormError } from "../../components/form/error-summary";
import { t, type PlainKey } from "../../i18n";
import { mapFormErrors } from "../../lib/field-errors";

export const PASSWORD_FIELD_IDS = {
  currentPassword: "password-current",
  newPassword: "password-new",
  confirmPassword: "password-confirm",
} as const;
type Field = keyof typeof PASSWORD_FIELD_IDS;

export type PasswordErrors = { fields: Partial<Record<Field, string>>; others: string[] };
export const NO_PASSWORD_ERRORS: PasswordErrors = { fields: {}, others: [] };

/** The server's field codes (`src/routes/auth`), in the person's language. */
const CODE_TEXT: Record<string, PlainKey> = {
  "password.incorrect": "password.incorrect",
  "password.too_short": "password.tooShort",
  "password.too_long": "password.tooLong",
  "password.too_common": "password.tooCommon",
};

// The server's limits (`src/domain/password-policy.ts`), counted in characters as it does.
const MIN = 8;
const MAX = 128;

export type PasswordInput = Record<Field, string>;

/** What the form checks before asking: the current password, the length rule, the two copies match. */
export function checkPasswords({
  currentPassword,
  newPassword,
  confirmPassword,
}: PasswordInput): PasswordErrors | null {
  const fields: PasswordErrors["fields"] = {};
  const length = [...newPassword].length;
  if (!currentPassword) fields.currentPassword = t("password.currentRequired");
  if (length < MIN) fields.newPassword = t("password.tooShort");
  else if (length > MAX) fields.newPassword = t("password.tooLong");
  if (!confirmPassword) fields.confirmPassword = t("password.confirmRequired");
  else if (confirmPassword !== newPassword) fields.confirmPassword = t("password.mismatch");
  return Object.keys(fields).length ? { fields, others: [] } : null;
}

/** A refused change as messages on the fields the server named; anything else above the form. */
export function passwordErrorsOf(problem: ApiProblem): PasswordErrors {
  return mapFormErrors<Field>(problem, (e) => {
    if (e.field !== "currentPassword" && e.field !== "newPassword") return null;
    const key = CODE_TEXT[e.code];
    return [e.field, key ? t(key) : t("form.invalidField")];
  });
}

export function passwordSummaryOf(errors: PasswordErrors): FormError[] {
  const fieldErrors = (Object.keys(PASSWORD_FIELD_IDS) as Field[]).flatMap((field) => {
    const message = errors.fields[field];
    return message ? [{ message, fieldId: PASSWORD_FIELD_IDS[field] }] : [];
  });
  return [...fieldErrors, ...errors.others.map((message) => ({ message }))];
}
