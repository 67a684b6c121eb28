import type { ApiProblem, FieldError } from "../api/problem";
import { hasMessage, t } from "../i18n";
import { problemText } from "../i18n/problem-text";

/** A field error with where it points, read once: `json.criteria.2.key` → `["criteria", "2", "key"]`. */
export type PlacedError = FieldError & {
  /** the path without `json.`/`form.`, split on dots */
  parts: string[];
  /** the first part: the form field it names */
  field: string;
};

/**
 * Where a form shows one field error: `[field, message]` under a field, a string above the form,
 * `null` nowhere (a field the form does not have and that needs no words).
 */
export type Placement<F extends string> = readonly [F, string] | string | null;

/** What a refused form shows: messages under fields (the first per field wins), and the rest above it. */
export type FormErrors<F extends string = string> = { fields: Partial<Record<F, string>>; others: string[] };

/** `json.email` → `["email"]`; `form.file` → `["file"]`. */
export const pathOf = (error: Pick<FieldError, "path">): string[] =>
  error.path.replace(/^(json|form)\./, "").split(".");

/** `json.email` → `email`: which form field an error names. */
export const fieldOf = (error: Pick<FieldError, "path">): string => pathOf(error)[0] ?? "";

/**
 * A refused form's problem+json field errors (`errors[]`) mapped to the form: the one mapper every
 * form uses. When the refusal names no field the form shows, its code in words goes above the form.
 * @param place where one error goes and in which words; by default under the field it names, in {@link fieldText}'s words
 * @example mapFormErrors(problem, (e) => (e.field === "title" ? ["title", t("ideaForm.titleInvalid")] : null))
 */
export function mapFormErrors<F extends string = string>(
  problem: ApiProblem,
  place: (error: PlacedError) => Placement<F> = (e) => [e.field as F, fieldText(e)],
): FormErrors<F> {
  const fields: Partial<Record<F, string>> = {};
  const others: string[] = [];
  for (const error of problem.errors ?? []) {
    const parts = pathOf(error);
    const placed = place({ ...error, parts, field: fieldOf(error) });
    if (typeof placed === "string") others.push(placed);
    else if (placed) fields[placed[0]] ??= placed[1];
  }
  if (Object.keys(fields).length || others.length) return { fields, others };
  return { fields, others: [problemText(problem.code)] };
}

/**
 * A refused form's messages by field, the shape the admin forms keep (`{ email: "…" }`); errors
 * of no field are dropped, so check `errors` before relying on it.
 * @example setErrors(errorsByField(problem))
 */
export const errorsByField = (problem: ApiProblem, place?: (error: PlacedError) => Placement<string>) =>
  problem.errors?.length ? (mapFormErrors(problem, place).fields as Record<string, string>) : {};

/**
 * The refusal mapper of a form that keeps its messages by field (`useFormSubmit`): the refusal's
 * field errors, or null to show the problem above the form when it names no field.
 * @example useFormSubmit<Errors>({}, refusedByField)
 */
export const refusedByField = (problem: ApiProblem): Record<string, string> | null =>
  problem.errors ? errorsByField(problem) : null;

/**
 * The refusal mapper of a form with an error summary (`useFormSubmit`): one message per input, each
 * path placed on its input by `ids` (`json.name` → `oidc-name`), an unknown path on `fallback`.
 * @example useFormSubmit<FormError[]>([], summaryErrors(FIELD_IDS, "oidc-name"))
 */
export const summaryErrors =
  (ids: Readonly<Record<string, string>>, fallback: string) =>
  (problem: ApiProblem): { message: string; fieldId: string }[] | null => {
    if (!problem.errors) return null;
    const { fields } = mapFormErrors(problem, (e) => [ids[e.path] ?? fallback, fieldText(e)]);
    return Object.entries(fields).map(([fieldId, message]) => ({ message: message ?? "", fieldId }));
  };

/**
 * A field problem in the person's language, by its code (`nip.birth_date`, `user.email_taken`,
 * `email.duplicate_in_file`, `csv.missing_column`, any problem code); never the English detail.
 */
export function fieldText(error: Pick<FieldError, "code">): string {
  const key = `field.${error.code}`;
  if (hasMessage(key)) return t(key as never);
  if (error.code.endsWith(".duplicate_in_file")) return t("field.duplicate_in_file");
  if (error.code.startsWith("csv.")) return t("field.csv");
  return t("field.generic");
}
