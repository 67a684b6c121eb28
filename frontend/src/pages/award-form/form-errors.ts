import type { AwardBody } from "../../api/awards";
import type { ApiProblem } from "../../api/problem";
import type { FormError } from "../../components/form/error-summary";
import { t, type PlainKey } from "../../i18n";
import { problemText } from "../../i18n/problem-text";
import type { Choice } from "./search-picker";
import { mapFormErrors } from "../../lib/field-errors";
import { AWARD_LIMITS, AWARD_TEXT_LIMITS } from "../../api/contract";

export type RecipientKind = "people" | "team" | "units";
export const RECIPIENT_KINDS: readonly RecipientKind[] = ["people", "team", "units"];

/** What the form holds; `bonusPoints` as typed, so an empty box stays empty. */
export type AwardValues = {
  title: string;
  citation: string;
  periodLabel: string;
  kind: RecipientKind;
  people: Choice[];
  team: Choice[];
  units: Choice[];
  ideas: Choice[];
  bonusPoints: string;
};

export const EMPTY_AWARD: AwardValues = {
  title: "",
  citation: "",
  periodLabel: "",
  kind: "people",
  people: [],
  team: [],
  units: [],
  ideas: [],
  bonusPoints: "",
};

/** The server's limits (`AWARD_LIMITS` and the body schema's `AWARD_TEXT_LIMITS`). */
export const LIMITS = { ...AWARD_TEXT_LIMITS, ...AWARD_LIMITS } as const;

export const FORM_FIELDS = ["title", "citation", "periodLabel", "recipients", "ideaIds", "bonusPoints"] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type FormErrors = { fields: Partial<Record<FormField, string>>; others: string[] };
export const NO_FORM_ERRORS: FormErrors = { fields: {}, others: [] };

const RECIPIENT_IDS: Record<RecipientKind, string> = {
  people: "award-people",
  team: "award-team",
  units: "award-units",
};

/** The input a field's message is about; the recipients' search box of the kind chosen. */
export function fieldId(field: FormField, kind: RecipientKind): string {
  if (field === "recipients") return RECIPIENT_IDS[kind];
  const ids = {
    title: "award-title",
    citation: "award-citation",
    periodLabel: "award-period",
    ideaIds: "award-ideas",
    bonusPoints: "award-bonus",
  } as const;
  return ids[field];
}

const LABELS: Record<FormField, PlainKey> = {
  title: "awardForm.awardTitle",
  citation: "awardForm.citation",
  periodLabel: "awardForm.period",
  recipients: "awardForm.kind",
  ideaIds: "awardForm.ideas",
  bonusPoints: "awardForm.bonus",
};

const INVALID: Record<"title" | "citation" | "periodLabel" | "bonusPoints", PlainKey> = {
  title: "awardForm.titleInvalid",
  citation: "awardForm.citationInvalid",
  periodLabel: "awardForm.periodInvalid",
  bonusPoints: "awardForm.bonusInvalid",
};

const REQUIRED: Record<RecipientKind, PlainKey> = {
  people: "awardForm.peopleRequired",
  team: "awardForm.teamRequired",
  units: "awardForm.unitsRequired",
};

const chosenOf = (values: AwardValues) => values[values.kind];

const within = (text: string, [min, max]: readonly [number, number]) => {
  const length = text.trim().length;
  return length >= min && length <= max;
};

/** The bonus as a number, or null when it is not a whole number the server takes. */
export function bonusOf(typed: string): number | null {
  if (!/^\d{1,4}$/.test(typed.trim())) return null;
  const points = Number(typed.trim());
  return points <= LIMITS.bonusPoints ? points : null;
}

/** What the server would refuse in the typed values, checked before sending them. */
export function validate(values: AwardValues): FormErrors {
  const fields: FormErrors["fields"] = {};
  for (const name of ["title", "citation", "periodLabel"] as const)
    if (!within(values[name], LIMITS[name])) fields[name] = t(INVALID[name]);
  if (chosenOf(values).length === 0) fields.recipients = t(REQUIRED[values.kind]);
  if (bonusOf(values.bonusPoints) === null) fields.bonusPoints = t(INVALID.bonusPoints);
  return { fields, others: [] };
}

/** The request body: only the recipients of the kind chosen. */
export function bodyOf(values: AwardValues): AwardBody {
  const ids = (choices: Choice[]) => choices.map((c) => c.id);
  const recipients =
    values.kind === "people"
      ? { userIds: ids(values.people) }
      : values.kind === "team"
        ? { ideaTeamOf: values.team[0]!.id }
        : { unitIds: ids(values.units) };
  return {
    title: values.title.trim(),
    citation: values.citation.trim(),
    periodLabel: values.periodLabel.trim(),
    recipients,
    ideaIds: ids(values.ideas),
    bonusPoints: bonusOf(values.bonusPoints) ?? 0,
  };
}

/** "Budi Santoso: Penerima harus ASN di instansi Anda." when the server names a chosen item by index. */
function named(choices: readonly Choice[], index: string | undefined, code: string): string {
  const choice = index === undefined ? undefined : choices[Number(index)];
  return choice ? `${choice.name}: ${problemText(code)}` : problemText(code);
}

/**
 * A refused announcement as messages on the fields the server named (`errors[].path`:
 * `json.title`, `json.recipients.userIds.2`, `json.ideaIds.0`…); an award announced before under
 * the same title and period on the title.
 */
export function formErrorsOf(problem: ApiProblem, values: AwardValues): FormErrors {
  if (problem.code === "award.already_announced") return { fields: { title: problemText(problem.code) }, others: [] };
  return mapFormErrors<FormField>(problem, (error) => {
    const [name, part, index] = error.parts;
    const known = error.code.startsWith("award.");
    if (name === "title" || name === "citation" || name === "periodLabel" || name === "bonusPoints")
      return [name, t(INVALID[name])];
    if (name === "recipients") {
      const choices = part === "userIds" ? values.people : part === "unitIds" ? values.units : values.team;
      return [
        "recipients",
        known ? named(choices, part === "ideaTeamOf" ? "0" : index, error.code) : t(REQUIRED[values.kind]),
      ];
    }
    if (name === "ideaIds") return ["ideaIds", named(values.ideas, part, error.code)];
    return problemText(error.code);
  });
}

/** The summary: field errors in the order of the form, each named and linked to its field, then the rest. */
export function summaryOf(errors: FormErrors, kind: RecipientKind): FormError[] {
  const fieldErrors = FORM_FIELDS.flatMap((field) => {
    const message = errors.fields[field];
    return message ? [{ message: `${t(LABELS[field])}: ${message}`, fieldId: fieldId(field, kind) }] : [];
  });
  return [...fieldErrors, ...errors.others.map((message) => ({ message }))];
}

/** The first field with an error, to take focus. */
export const firstInvalid = (errors: FormErrors) => FORM_FIELDS.find((field) => errors.fields[field]);
