import type { ApiProblem } from "../../api/problem";
import type { FormError } from "../../components/form/error-summary";
import { t, type PlainKey } from "../../i18n";
import { DATE_FIELDS, type CampaignForm, type DateField } from "../../models/campaign-form";
import { mapFormErrors } from "../../lib/field-errors";

/** Messages by input id, and those about no input. */
export type EditorErrors = { fields: Record<string, string>; others: string[] };
export const NO_EDITOR_ERRORS: EditorErrors = { fields: {}, others: [] };

export const RUBRIC_TOTAL_ID = "campaign-rubric-total";
export const NEW_CATEGORY_ID = "campaign-category-new";
export const criterionId = (index: number, field: string) => `criterion-${index}-${field}`;

const isDateField = (value: string): value is DateField => (DATE_FIELDS as readonly string[]).includes(value);

/** The message for a date the server refused: missing, unreadable, or out of order (said per field). */
function dateMessage(field: DateField, code: string): string {
  if (code === "campaign.date_required") return t("editorError.date_required");
  if (code === "campaign.date_order" && field !== "submissionStart") return t(`editorError.${field}`);
  return t("editorError.date_invalid");
}

function criterionMessage(field: string, code: string): string {
  if (field === "key")
    return code === "rubric.duplicate_key" ? t("editorError.duplicate_key") : t("editorError.key_format");
  if (field === "labelId" || field === "labelEn") return t("editorError.label");
  if (field === "weight" || field === "scaleMax") return t("editorError.number");
  return t("form.invalidField");
}

const RUBRIC_CODES: Record<string, PlainKey> = {
  "rubric.weights_total": "editorError.weights_total",
  "rubric.size": "editorError.rubric_size",
  too_small: "editorError.rubric_size",
  too_big: "editorError.rubric_size",
};

/** Where one `errors[]` entry belongs: `[input id, message]`, or null when no input matches. */
function placeOf(path: string, code: string): [string, string] | null {
  const parts = path.replace(/^json\./, "").split(".");
  const [head, index, field] = parts;
  if (head === undefined) return null;
  if (isDateField(head)) return [`campaign-${head}`, dateMessage(head, code)];
  if (head === "title") return ["campaign-title", t("editorError.title")];
  if (head === "description") return ["campaign-description", t("form.invalidField")];
  if (head === "categories") return [NEW_CATEGORY_ID, t("form.invalidField")];
  if (head === "voteBudget" || head === "reviewersPerIdea" || head === "passingGrade")
    return [`campaign-${head}`, t("editorError.number")];
  if (head === "criteria" && index !== undefined && field !== undefined)
    return [criterionId(Number(index), field), criterionMessage(field, code)];
  if (head === "criteria") return [RUBRIC_TOTAL_ID, t(RUBRIC_CODES[code] ?? "editorError.weights_total")];
  return null;
}

/** A refused save as messages on the inputs the server named (`json.reviewStart`, `json.criteria.2.key`). */
export function editorErrorsOf(problem: ApiProblem): EditorErrors {
  const { fields, others } = mapFormErrors(problem, (e) => placeOf(e.path, e.code) ?? t("form.invalidField"));
  return { fields: fields as Record<string, string>, others };
}

const CRITERION_LABELS: Record<string, PlainKey> = {
  key: "editor.criterionKey",
  labelId: "editor.criterionLabelId",
  labelEn: "editor.criterionLabelEn",
  descriptionId: "editor.criterionDescriptionId",
  descriptionEn: "editor.criterionDescriptionEn",
  weight: "editor.criterionWeight",
  scaleMax: "editor.criterionScale",
};

/** The name of the input an error is about, for the summary ("Penilaian dimulai: …"). */
function labelOf(fieldId: string): string | null {
  const criterion = /^criterion-(\d+)-(\w+)$/.exec(fieldId);
  if (criterion) {
    const key = CRITERION_LABELS[criterion[2]!];
    return key ? `${t("editor.criterion", { n: Number(criterion[1]) + 1 })} · ${t(key)}` : null;
  }
  const field = fieldId.replace(/^campaign-/, "");
  if (isDateField(field)) return t(`date.${field}`);
  const simple: Record<string, PlainKey> = {
    title: "editor.title",
    description: "editor.description",
    "category-new": "editor.categories",
    voteBudget: "editor.voteBudget",
    reviewersPerIdea: "editor.reviewersPerIdea",
    passingGrade: "editor.passingGrade",
    "rubric-total": "editor.rubric",
  };
  return simple[field] ? t(simple[field]) : null;
}

const named = (fieldId: string, message: string) => {
  const label = labelOf(fieldId);
  return { message: label ? `${label}: ${message}` : message, fieldId };
};

/** Input ids in the order of the form, for the summary and for focus. */
export function fieldOrder(form: CampaignForm): string[] {
  return [
    "campaign-title",
    "campaign-description",
    NEW_CATEGORY_ID,
    ...DATE_FIELDS.map((f) => `campaign-${f}`),
    "campaign-voteBudget",
    "campaign-reviewersPerIdea",
    "campaign-passingGrade",
    ...form.criteria.flatMap((_, i) =>
      ["key", "labelId", "labelEn", "descriptionId", "descriptionEn", "weight", "scaleMax"].map((f) =>
        criterionId(i, f),
      ),
    ),
    RUBRIC_TOTAL_ID,
  ];
}

export function editorSummaryOf(errors: EditorErrors, form: CampaignForm): FormError[] {
  const order = fieldOrder(form);
  const known = order.filter((id) => errors.fields[id]).map((id) => named(id, errors.fields[id]!));
  const unknown = Object.keys(errors.fields)
    .filter((id) => !order.includes(id))
    .map((id) => named(id, errors.fields[id]!));
  return [...known, ...unknown, ...errors.others.map((message) => ({ message }))];
}
