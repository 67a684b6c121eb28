import type { ApiProblem } from "../../api/problem";
import type { FormError } from "../../components/form/error-summary";
import { t } from "../../i18n";
import { mapFormErrors } from "../../lib/field-errors";
import { SUBMISSION_MINIMUMS } from "../../api/contract";

export const FORM_FIELDS = [
  "campaignId",
  "title",
  "problem",
  "solution",
  "benefit",
  "targetService",
  "category",
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export const FIELD_IDS: Record<FormField, string> = {
  campaignId: "idea-campaign",
  title: "idea-title",
  problem: "idea-problem",
  solution: "idea-solution",
  benefit: "idea-benefit",
  targetService: "idea-target-service",
  category: "idea-category",
};

/** The labels of the fields, for the summary: "Gagasan: tulis minimal 30 karakter…". */
const LABELS = {
  campaignId: "ideaForm.campaign",
  title: "ideaForm.ideaTitle",
  problem: "ideaForm.problem",
  solution: "ideaForm.solution",
  benefit: "ideaForm.benefit",
  targetService: "ideaForm.targetService",
  category: "ideaForm.category",
} as const satisfies Record<FormField, string>;

/** What a submitted idea must say (the server's `SUBMISSION_MINIMUMS`), in characters. */
export const MINIMUMS = SUBMISSION_MINIMUMS;
export const TITLE_MIN = 5;

export type FormErrors = { fields: Partial<Record<FormField, string>>; others: string[] };
export const NO_FORM_ERRORS: FormErrors = { fields: {}, others: [] };

const isFormField = (value: string): value is FormField => (FORM_FIELDS as readonly string[]).includes(value);

function messageFor(field: FormField, code: string): string {
  if (code === "idea.incomplete" && field in MINIMUMS)
    return t("ideaForm.tooShortToSubmit", { min: MINIMUMS[field as keyof typeof MINIMUMS] });
  if (field === "title") return t("ideaForm.titleTooShort");
  if (code === "idea.category_unknown") return t("ideaForm.categoryUnknown");
  if (code === "idea.campaign_unknown") return t("ideaForm.campaignUnknown");
  return t("form.invalidField");
}

/**
 * A refused save or submit as messages on the fields the server named (`errors[].path`: `problem`
 * for an incomplete idea, `json.title` for a bad body); a closed campaign on the campaign field.
 */
export function formErrorsOf(problem: ApiProblem): FormErrors {
  if (problem.code === "idea.submission_closed") {
    return { fields: { campaignId: t("ideaForm.submissionClosed") }, others: [] };
  }
  return mapFormErrors<FormField>(problem, (e) => {
    const field = e.parts.join(".");
    if (isFormField(field)) return [field, messageFor(field, e.code)];
    return field === "replicatesId" ? t("ideaForm.replicatesInvalid") : null;
  });
}

/** The summary: field errors in the order of the form, each named and linked to its field, then the rest. */
export function summaryOf(errors: FormErrors): FormError[] {
  const fieldErrors = FORM_FIELDS.flatMap((field) => {
    const message = errors.fields[field];
    return message ? [{ message: `${t(LABELS[field])}: ${message}`, fieldId: FIELD_IDS[field] }] : [];
  });
  return [...fieldErrors, ...errors.others.map((message) => ({ message }))];
}

/** The first field with an error, to take focus. */
export const firstInvalid = (errors: FormErrors) => FORM_FIELDS.find((field) => errors.fields[field]);
