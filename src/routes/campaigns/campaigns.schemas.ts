import { z } from "@hono/zod-openapi";
import { PHASES } from "../../domain/campaign-phase";
import { CAMPAIGN_LIMITS } from "../../domain/limits";

export { IdParams as IdParam } from "../../lib/openapi";

export const CriterionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, "lower-case letters, digits and _"),
    labelId: z.string().trim().min(CAMPAIGN_LIMITS.criterionLabel[0]).max(CAMPAIGN_LIMITS.criterionLabel[1]),
    labelEn: z.string().trim().min(CAMPAIGN_LIMITS.criterionLabel[0]).max(CAMPAIGN_LIMITS.criterionLabel[1]),
    descriptionId: z.string().trim().max(CAMPAIGN_LIMITS.criterionDescription).default(""),
    descriptionEn: z.string().trim().max(CAMPAIGN_LIMITS.criterionDescription).default(""),
    weight: z.number().int().min(1).max(100),
    scaleMax: z.number().int().min(2).max(10).default(5),
  })
  .openapi("Criterion");

const when = z.iso.datetime({ offset: true }).nullable();

const CampaignFields = {
  title: z.string().trim().min(CAMPAIGN_LIMITS.title[0]).max(CAMPAIGN_LIMITS.title[1]),
  description: z.string().trim().max(CAMPAIGN_LIMITS.description).default(""),
  categories: z
    .array(z.string().trim().min(1).max(CAMPAIGN_LIMITS.category))
    .max(CAMPAIGN_LIMITS.categories)
    .default([]),
  submissionStart: when,
  submissionEnd: when,
  votingStart: when,
  votingEnd: when,
  reviewStart: when,
  reviewEnd: when,
  announcementAt: when,
  voteBudget: z.number().int().min(CAMPAIGN_LIMITS.voteBudget[0]).max(CAMPAIGN_LIMITS.voteBudget[1]).default(5),
  reviewersPerIdea: z
    .number()
    .int()
    .min(CAMPAIGN_LIMITS.reviewersPerIdea[0])
    .max(CAMPAIGN_LIMITS.reviewersPerIdea[1])
    .default(3),
  blindReview: z.boolean().default(false),
  excludeSameUnitReviewers: z.boolean().default(true),
  hideVotesUntilClosed: z.boolean().default(false),
  passingGrade: z.number().int().min(CAMPAIGN_LIMITS.passingGrade[0]).max(CAMPAIGN_LIMITS.passingGrade[1]).default(70),
};

export const CampaignCreateBody = z
  .object({ ...CampaignFields, criteria: z.array(CriterionSchema).min(1).max(CAMPAIGN_LIMITS.criteria).optional() })
  .strict()
  .openapi("CampaignCreate", { description: "A competition. Without `criteria` the KIPP default rubric is used." });

export const CampaignPatchBody = z
  .object({
    title: CampaignFields.title.optional(),
    description: z.string().trim().max(CAMPAIGN_LIMITS.description).optional(),
    categories: z
      .array(z.string().trim().min(1).max(CAMPAIGN_LIMITS.category))
      .max(CAMPAIGN_LIMITS.categories)
      .optional(),
    submissionStart: when.optional(),
    submissionEnd: when.optional(),
    votingStart: when.optional(),
    votingEnd: when.optional(),
    reviewStart: when.optional(),
    reviewEnd: when.optional(),
    announcementAt: when.optional(),
    voteBudget: z.number().int().min(CAMPAIGN_LIMITS.voteBudget[0]).max(CAMPAIGN_LIMITS.voteBudget[1]).optional(),
    reviewersPerIdea: z
      .number()
      .int()
      .min(CAMPAIGN_LIMITS.reviewersPerIdea[0])
      .max(CAMPAIGN_LIMITS.reviewersPerIdea[1])
      .optional(),
    blindReview: z.boolean().optional(),
    excludeSameUnitReviewers: z.boolean().optional(),
    hideVotesUntilClosed: z.boolean().optional(),
    passingGrade: z.number().int().min(CAMPAIGN_LIMITS.passingGrade[0]).max(CAMPAIGN_LIMITS.passingGrade[1]).optional(),
    criteria: z.array(CriterionSchema).min(1).max(CAMPAIGN_LIMITS.criteria).optional(),
  })
  .strict()
  .openapi("CampaignPatch");

export const CampaignSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(["open", "competition"]),
    title: z.string(),
    description: z.string(),
    categories: z.array(z.string()),
    submissionStart: z.string().nullable(),
    submissionEnd: z.string().nullable(),
    votingStart: z.string().nullable(),
    votingEnd: z.string().nullable(),
    reviewStart: z.string().nullable(),
    reviewEnd: z.string().nullable(),
    announcementAt: z.string().nullable(),
    phase: z.enum(PHASES),
    submissionOpen: z.boolean(),
    votingOpen: z.boolean(),
    voteBudget: z.number().int(),
    reviewersPerIdea: z.number().int(),
    blindReview: z.boolean(),
    excludeSameUnitReviewers: z.boolean(),
    hideVotesUntilClosed: z.boolean(),
    passingGrade: z.number().int(),
    criteria: z.array(
      CriterionSchema.extend({ descriptionId: z.string(), descriptionEn: z.string(), scaleMax: z.number().int() }),
    ),
    myCommitteeRole: z.enum(["reviewer", "chair"]).nullable(),
  })
  .openapi("Campaign");

export const CampaignListSchema = z
  .object({ items: z.array(CampaignSchema.omit({ criteria: true, myCommitteeRole: true })) })
  .openapi("CampaignList");
