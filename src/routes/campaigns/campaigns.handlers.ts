import {
  createCampaign,
  getCampaign,
  getCommitteeRole,
  listCampaigns,
  listCriteria,
  updateCampaign,
  type CampaignRow,
} from "../../db/queries/campaigns.queries";
import type { Database } from "../../db/client";
import {
  checkSchedule,
  currentPhase,
  isSubmissionOpen,
  isVotingOpen,
  type CampaignSchedule,
} from "../../domain/campaign-phase";
import { DEFAULT_RUBRIC, checkRubric, type Criterion } from "../../domain/rubric";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError, notFound, validationError } from "../../lib/problem";
import { isoOrNull, msOrNull } from "../../lib/time";
import { actorOf, authorize } from "../../middlewares/guard";
import type * as routes from "./campaigns.routes";

const DATE_FIELDS = [
  "submissionStart",
  "submissionEnd",
  "votingStart",
  "votingEnd",
  "reviewStart",
  "reviewEnd",
  "announcementAt",
] as const;

export function toCampaignSummary(c: CampaignRow, now: number) {
  return {
    id: c.id,
    kind: c.kind,
    title: c.title,
    description: c.description,
    categories: JSON.parse(c.categories) as string[],
    ...(Object.fromEntries(DATE_FIELDS.map((f) => [f, isoOrNull(c[f])])) as Record<
      (typeof DATE_FIELDS)[number],
      string | null
    >),
    phase: currentPhase(c, now),
    submissionOpen: isSubmissionOpen(c, now),
    votingOpen: isVotingOpen(c, now),
    voteBudget: c.voteBudget,
    reviewersPerIdea: c.reviewersPerIdea,
    blindReview: c.blindReview,
    excludeSameUnitReviewers: c.excludeSameUnitReviewers,
    hideVotesUntilClosed: c.hideVotesUntilClosed,
    passingGrade: c.passingGrade,
  };
}

export async function loadCampaign(db: Database, agencyId: number, userId: number, id: number) {
  const campaign = await getCampaign(db, agencyId, id);
  if (!campaign) throw notFound("campaign");
  const [criteria, myCommitteeRole] = await Promise.all([listCriteria(db, id), getCommitteeRole(db, id, userId)]);
  return {
    ...toCampaignSummary(campaign, Date.now()),
    criteria: criteria.map(({ key, labelId, labelEn, descriptionId, descriptionEn, weight, scaleMax }) => ({
      key,
      labelId,
      labelEn,
      descriptionId,
      descriptionEn,
      weight,
      scaleMax,
    })),
    myCommitteeRole,
  };
}

type DateField = (typeof DATE_FIELDS)[number];

/** The body without its ISO dates (stored as epoch ms through {@link scheduleOf}). */
export function omitDates<T extends Partial<Record<DateField, unknown>>>(body: T): Omit<T, DateField> {
  const rest: Partial<T> = { ...body };
  for (const f of DATE_FIELDS) delete rest[f];
  return rest as Omit<T, DateField>;
}

/** Dates from the body as a schedule, over the stored one for a patch. */
export function scheduleOf(
  body: Partial<Record<(typeof DATE_FIELDS)[number], string | null>>,
  base?: CampaignSchedule,
): CampaignSchedule {
  const schedule: CampaignSchedule = base
    ? { ...base }
    : {
        kind: "competition",
        submissionStart: null,
        submissionEnd: null,
        votingStart: null,
        votingEnd: null,
        reviewStart: null,
        reviewEnd: null,
        announcementAt: null,
      };
  for (const f of DATE_FIELDS) if (body[f] !== undefined) schedule[f] = msOrNull(body[f]);
  return schedule;
}

export function assertValid(
  schedule: CampaignSchedule,
  rubric: readonly Pick<Criterion, "key" | "weight">[] | undefined,
) {
  const errors = [
    ...checkSchedule(schedule).map((p) => ({ path: `json.${p.field}`, code: p.code, message: p.message })),
    ...(rubric ? checkRubric(rubric) : []).map((p) => ({
      path: p.index === null ? "json.criteria" : `json.criteria.${p.index}.key`,
      code: p.code,
      message: p.message,
    })),
  ];
  if (errors.length > 0) throw validationError(errors);
}

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const actor = actorOf(c);
  const now = Date.now();
  const rows = await listCampaigns(c.var.db, actor.agencyId);
  return c.json({ items: rows.map((r) => toCampaignSummary(r, now)) }, 200);
};

export const get: AppRouteHandler<typeof routes.get> = async (c) => {
  const actor = actorOf(c);
  return c.json(await loadCampaign(c.var.db, actor.agencyId, actor.userId, c.req.valid("param").id), 200);
};

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  const actor = actorOf(c);
  authorize(actor, "campaign.manage");
  const { criteria, ...body } = c.req.valid("json");
  const schedule = scheduleOf(body);
  const rubric = criteria ?? DEFAULT_RUBRIC;
  assertValid(schedule, rubric);
  const id = await createCampaign(c.var.db, {
    agencyId: actor.agencyId,
    actorId: actor.userId,
    values: { ...omitDates(body), ...schedule, categories: JSON.stringify(body.categories) },
    rubric,
    now: Date.now(),
  });
  return c.json(await loadCampaign(c.var.db, actor.agencyId, actor.userId, id), 201);
};

export const patch: AppRouteHandler<typeof routes.patch> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const db = c.var.db;
  const campaign = await getCampaign(db, actor.agencyId, id);
  if (!campaign) throw notFound("campaign");
  authorize(actor, "campaign.manage", { agencyId: campaign.agencyId });
  const { criteria, categories, ...body } = c.req.valid("json");
  const now = Date.now();
  if (campaign.kind === "open" && DATE_FIELDS.some((f) => body[f] !== undefined)) {
    throw new ApiError(409, "campaign.open_has_no_phases", "Kotak Ide is always open; it has no phase dates");
  }
  if (criteria && campaign.reviewStart !== null && campaign.reviewStart <= now) {
    throw new ApiError(409, "campaign.rubric_locked", "The rubric cannot change once review has started");
  }
  const schedule = scheduleOf(body, campaign);
  assertValid(schedule, criteria);
  const dates = campaign.kind === "open" ? {} : Object.fromEntries(DATE_FIELDS.map((f) => [f, schedule[f]]));
  await updateCampaign(db, {
    agencyId: actor.agencyId,
    actorId: actor.userId,
    id,
    values: { ...omitDates(body), ...dates, ...(categories ? { categories: JSON.stringify(categories) } : {}) },
    ...(criteria ? { rubric: criteria } : {}),
    now,
  });
  return c.json(await loadCampaign(db, actor.agencyId, actor.userId, id), 200);
};
