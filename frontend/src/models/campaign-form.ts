import type { Campaign, CampaignBody, CampaignPatch, Criterion } from "../api/campaigns";
import { fromLocalInput, toLocalInput } from "../lib/datetime-local";

export const DATE_FIELDS = [
  "submissionStart",
  "submissionEnd",
  "votingStart",
  "votingEnd",
  "reviewStart",
  "reviewEnd",
  "announcementAt",
] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/** A rubric row as typed: numbers stay text until sent, so a half-typed weight is not lost. */
export type CriterionRow = {
  /** stable across edits, for list keys */
  uid: number;
  key: string;
  labelId: string;
  labelEn: string;
  descriptionId: string;
  descriptionEn: string;
  weight: string;
  scaleMax: string;
};

/** The campaign editor's values, as the inputs hold them. */
export type CampaignForm = {
  title: string;
  description: string;
  categories: string[];
  /** `datetime-local` values, in the browser's time zone */
  dates: Record<DateField, string>;
  voteBudget: string;
  reviewersPerIdea: string;
  passingGrade: string;
  blindReview: boolean;
  excludeSameUnitReviewers: boolean;
  hideVotesUntilClosed: boolean;
  /** a new campaign without its own rubric gets the KIPP one from the server */
  useDefaultRubric: boolean;
  criteria: CriterionRow[];
};

let lastUid = 0;

export function newCriterionRow(from?: Criterion): CriterionRow {
  return {
    uid: ++lastUid,
    key: from?.key ?? "",
    labelId: from?.labelId ?? "",
    labelEn: from?.labelEn ?? "",
    descriptionId: from?.descriptionId ?? "",
    descriptionEn: from?.descriptionEn ?? "",
    weight: from ? String(from.weight) : "",
    scaleMax: from ? String(from.scaleMax) : "5",
  };
}

const noDates = () => Object.fromEntries(DATE_FIELDS.map((f) => [f, ""])) as Record<DateField, string>;

/** A new competition: the server's defaults, the KIPP rubric. */
export function emptyCampaignForm(): CampaignForm {
  return {
    title: "",
    description: "",
    categories: [],
    dates: noDates(),
    voteBudget: "5",
    reviewersPerIdea: "3",
    passingGrade: "70",
    blindReview: false,
    excludeSameUnitReviewers: true,
    hideVotesUntilClosed: false,
    useDefaultRubric: true,
    criteria: [],
  };
}

/** An existing campaign in the editor. */
export function formOf(c: Campaign): CampaignForm {
  return {
    title: c.title,
    description: c.description,
    categories: [...c.categories],
    dates: Object.fromEntries(DATE_FIELDS.map((f) => [f, toLocalInput(c[f])])) as Record<DateField, string>,
    voteBudget: String(c.voteBudget),
    reviewersPerIdea: String(c.reviewersPerIdea),
    passingGrade: String(c.passingGrade),
    blindReview: c.blindReview,
    excludeSameUnitReviewers: c.excludeSameUnitReviewers,
    hideVotesUntilClosed: c.hideVotesUntilClosed,
    useDefaultRubric: false,
    criteria: c.criteria.map((criterion) => newCriterionRow(criterion)),
  };
}

/** Sum of the weights typed so far (unreadable ones count 0). */
export const totalWeight = (rows: readonly CriterionRow[]) =>
  rows.reduce((sum, row) => sum + (Number.parseInt(row.weight, 10) || 0), 0);

/** A typed number; an empty or unreadable one goes as NaN (JSON null), for the server to name the field. */
const numberOf = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));

export function criteriaOf(rows: readonly CriterionRow[]): Criterion[] {
  return rows.map((row) => ({
    key: row.key.trim(),
    labelId: row.labelId.trim(),
    labelEn: row.labelEn.trim(),
    descriptionId: row.descriptionId.trim(),
    descriptionEn: row.descriptionEn.trim(),
    weight: numberOf(row.weight),
    scaleMax: numberOf(row.scaleMax),
  }));
}

function commonOf(form: CampaignForm) {
  return {
    title: form.title,
    description: form.description,
    categories: form.categories,
    voteBudget: numberOf(form.voteBudget),
    reviewersPerIdea: numberOf(form.reviewersPerIdea),
    passingGrade: numberOf(form.passingGrade),
    blindReview: form.blindReview,
    excludeSameUnitReviewers: form.excludeSameUnitReviewers,
    hideVotesUntilClosed: form.hideVotesUntilClosed,
  };
}

/** The dates as ISO 8601 with the browser's offset; an empty one is null (the server says it is required). */
const datesOf = (form: CampaignForm) =>
  Object.fromEntries(DATE_FIELDS.map((f) => [f, fromLocalInput(form.dates[f]) ?? null])) as Record<
    DateField,
    string | null
  >;

/** The body of `POST /campaigns`; without `criteria` when the KIPP rubric is wanted. */
export function createBodyOf(form: CampaignForm): CampaignBody {
  return {
    ...commonOf(form),
    ...datesOf(form),
    ...(form.useDefaultRubric ? {} : { criteria: criteriaOf(form.criteria) }),
  };
}

const sameCriteria = (a: readonly Criterion[], b: readonly Criterion[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The body of `PATCH /campaigns/{id}`: Kotak Ide has no dates; the rubric goes only when it changed
 * (it is locked once review has started, and an unchanged one must not be refused for that).
 */
export function patchBodyOf(form: CampaignForm, campaign: Campaign): CampaignPatch {
  const criteria = criteriaOf(form.criteria);
  const stored = campaign.criteria.map(({ key, labelId, labelEn, descriptionId, descriptionEn, weight, scaleMax }) => ({
    key,
    labelId,
    labelEn,
    descriptionId,
    descriptionEn,
    weight,
    scaleMax,
  }));
  return {
    ...commonOf(form),
    ...(campaign.kind === "open" ? {} : datesOf(form)),
    ...(sameCriteria(criteria, stored) ? {} : { criteria }),
  };
}

/** Whether the rubric may still change: not once review has started. */
export const rubricLocked = (campaign: Campaign | null, now = Date.now()) =>
  campaign?.reviewStart != null && Date.parse(campaign.reviewStart) <= now;
