import { z } from "@hono/zod-openapi";
import { LibraryItemSchema } from "../library/library.schemas";
import { idText } from "../../lib/openapi";
import { PHASES } from "../../domain/campaign-phase";
import { IDEA_ACTIONS, IDEA_STATUSES, LISTED_STATUSES } from "../../domain/idea-status";
import { IDEA_SORTS } from "../../db/queries/idea-list.queries";
import { IDEA_LIMITS, SEARCH_MAX } from "../../domain/limits";

export { IdParams as IdParam } from "../../lib/openapi";

export const IdeaListQuery = z
  .object({
    campaignId: idText().optional(),
    status: z.enum(LISTED_STATUSES).optional(),
    category: z.string().trim().min(1).max(IDEA_LIMITS.category).optional(),
    unitId: idText().optional(),
    authorId: idText().optional(),
    mine: z
      .enum(["true", "false"])
      .optional()
      .openapi({ description: "Only ideas I (co-)author, drafts included, most recently updated first" }),
    sort: z.enum(IDEA_SORTS).default("new"),
    q: z
      .string()
      .trim()
      .max(SEARCH_MAX)
      .optional()
      .openapi({ description: "Full-text search (title, problem, solution); ranked by relevance" }),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .openapi("IdeaListQuery");

const text = (max: number) => z.string().trim().max(max);

export const IdeaCreateBody = z
  .object({
    campaignId: z.number().int().positive().optional().openapi({ description: "Defaults to the agency's Kotak Ide" }),
    title: z.string().trim().min(IDEA_LIMITS.title[0]).max(IDEA_LIMITS.title[1]),
    problem: text(8000).default(""),
    solution: text(8000).default(""),
    benefit: text(4000).default(""),
    targetService: text(IDEA_LIMITS.targetService).default(""),
    category: text(IDEA_LIMITS.category).default(""),
    unitId: z.number().int().positive().optional().openapi({ description: "Defaults to the author's unit" }),
    coauthorIds: z.array(z.number().int().positive()).max(10).default([]),
    replicatesId: z
      .number()
      .int()
      .positive()
      .nullable()
      .default(null)
      .openapi({ description: "An implemented idea of another agency this one adopts" }),
  })
  .strict()
  .openapi("IdeaCreate");

export const IdeaPatchBody = z
  .object({
    campaignId: z.number().int().positive().optional(),
    title: z.string().trim().min(IDEA_LIMITS.title[0]).max(IDEA_LIMITS.title[1]).optional(),
    problem: text(8000).optional(),
    solution: text(8000).optional(),
    benefit: text(4000).optional(),
    targetService: text(IDEA_LIMITS.targetService).optional(),
    category: text(IDEA_LIMITS.category).optional(),
    unitId: z.number().int().positive().optional(),
    replicatesId: z.number().int().positive().nullable().optional(),
  })
  .strict()
  .openapi("IdeaPatch", { description: "Drafts only; used by autosave" });

export const TransitionBody = z
  .object({
    action: z.enum(IDEA_ACTIONS).exclude(["merge"]),
    reason: z.string().trim().max(IDEA_LIMITS.reason).optional(),
  })
  .strict()
  .openapi("Transition");

export const MergeBody = z
  .object({ intoId: z.number().int().positive(), reason: z.string().trim().min(1).max(IDEA_LIMITS.reason) })
  .strict()
  .openapi("Merge");

export const SimilarQuery = z.object({
  text: z.string().trim().min(1).max(2000),
  excludeId: idText().optional(),
});

const Ref = z.object({ id: z.number().int(), name: z.string() });

export const IdeaSummarySchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    excerpt: z.string(),
    status: z.enum(IDEA_STATUSES),
    category: z.string(),
    campaign: z.object({ id: z.number().int(), title: z.string(), kind: z.enum(["open", "competition"]) }),
    unit: Ref.nullable().openapi({ description: "null in blind review (see `blind`)" }),
    author: Ref.nullable().openapi({ description: "null in blind review (see `blind`)" }),
    voteCount: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "null while the campaign hides counts, and in blind review" }),
    blind: z.boolean().openapi({
      description:
        "The viewer reviews this idea blind (a committee reviewer of a blind campaign while the idea is under review): author, unit, team, the team's steps in the history and votes are withheld, and the team's names leave the reasons",
    }),
    commentCount: z.number().int(),
    reviewScore: z.number().nullable(),
    replicationCount: z.number().int(),
    submittedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi("IdeaSummary");

export const IdeaListSchema = z
  .object({ items: z.array(IdeaSummarySchema), nextCursor: z.string().nullable() })
  .openapi("IdeaList");

export const IdeaDetailSchema = IdeaSummarySchema.extend({
  problem: z.string(),
  solution: z.string(),
  benefit: z.string(),
  targetService: z.string(),
  decisionReason: z.string().nullable(),
  mergedIntoId: z.number().int().nullable(),
  replicates: z.object({ id: z.number().int(), title: z.string(), agencyName: z.string() }).nullable(),
  campaign: z.object({
    id: z.number().int(),
    title: z.string(),
    kind: z.enum(["open", "competition"]),
    phase: z.enum(PHASES),
    submissionOpen: z.boolean(),
    votingOpen: z.boolean(),
  }),
  team: z
    .array(
      z.object({
        userId: z.number().int(),
        name: z.string(),
        position: z.string(),
        unitName: z.string(),
        role: z.enum(["author", "coauthor"]),
        accepted: z.boolean(),
      }),
    )
    .openapi({ description: "empty in blind review" }),
  events: z.array(
    z.object({
      id: z.number().int(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      reason: z.string().nullable(),
      at: z.string(),
      actor: Ref.nullable().openapi({
        description: "null in blind review when the actor is on the idea's team (whose names also leave `reason`)",
      }),
    }),
  ),
  attachments: z.array(
    z.object({
      id: z.number().int(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number().int(),
      kind: z.enum(["attachment", "evidence"]),
      createdAt: z.string(),
    }),
  ),
  moderation: z.object({
    hidden: z
      .object({ reason: z.string(), at: z.string() })
      .nullable()
      .openapi({ description: "Hidden by the admin, with the reason (only its team and admins see a hidden idea)" }),
    reportCount: z.number().int().nullable().openapi({ description: "Reports not yet dealt with; admins only" }),
    reportedByMe: z.boolean(),
  }),
  viewer: z.object({
    isAuthor: z.boolean(),
    isInvited: z.boolean(),
    committeeRole: z.enum(["reviewer", "chair"]).nullable(),
    availableActions: z.array(z.enum(IDEA_ACTIONS)),
    myVote: z.boolean().openapi({ description: "You support this idea" }),
    following: z.boolean().openapi({ description: "New comments and status changes of this idea reach you" }),
    remainingBudget: z.number().int().openapi({ description: "Votes you can still cast in the idea's campaign" }),
  }),
  createdAt: z.string(),
}).openapi("IdeaDetail");

export const SimilarSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        status: z.enum(IDEA_STATUSES),
        voteCount: z.number().int().nullable().openapi({ description: "null while the campaign hides counts" }),
      }),
    ),
  })
  .openapi("SimilarIdeas");

export const LibraryQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const PublicLibrarySchema = z
  .object({
    agency: z.object({
      name: z.string(),
      region: z.string(),
      emblemUrl: z.string().nullable(),
    }),
    items: z.array(LibraryItemSchema.omit({ id: true, replicationCount: true, replicatesId: true })),
    nextCursor: z.string().nullable(),
  })
  .openapi("PublicLibrary", {
    description: "An agency's implemented innovations for everyone: what changed and where, never who proposed it",
  });

export const AgencySlugParam = z.object({
  agencySlug: z
    .string()
    .max(40)
    .openapi({ param: { name: "agencySlug", in: "path" }, example: "binjai" }),
});
