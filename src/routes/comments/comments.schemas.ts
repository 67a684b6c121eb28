import { z } from "@hono/zod-openapi";
import { NextCursor } from "../../lib/cursor";
import { COMMENT_LIMITS } from "../../domain/limits";

export { IdParams } from "../../lib/openapi";

export const COMMENT_PAGE_MAX = 40;

export const CommentPageQuery = z.object({
  cursor: z.string().max(300).optional().openapi({ description: "`nextCursor` of the previous page" }),
  limit: z.coerce.number().int().min(1).max(COMMENT_PAGE_MAX).default(20),
});

const Body = z.string().trim().min(1).max(COMMENT_LIMITS.body).openapi({
  description:
    "Plain text. `@[Name]` (a handle from `GET /api/v1/people`) or `@` + an 18-digit NIP mentions a colleague; a NIP is stored as the handle.",
});

export const CommentCreateBody = z
  .object({
    body: Body,
    parentId: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: "Reply to this top-level comment (one level of replies only)" }),
  })
  .strict()
  .openapi("CommentCreate");

export const CommentEditBody = z.object({ body: Body }).strict().openapi("CommentEdit");

export const ReasonBody = z
  .object({ reason: z.string().trim().min(1).max(COMMENT_LIMITS.hideReason) })
  .strict()
  .openapi("CommentReason");

export const CommentSchema = z
  .object({
    id: z.number().int(),
    ideaId: z.number().int(),
    parentId: z.number().int().nullable(),
    author: z.object({
      id: z.number().int().nullable().openapi({ description: "null when `proposingTeam`" }),
      name: z.string(),
      unitName: z
        .string()
        .nullable()
        .openapi({ description: "null when the reader reviews the idea blind (nobody's unit shows then)" }),
      proposingTeam: z.boolean().openapi({
        description:
          "The reader reviews the idea blind and the writer is on its team: shown as `Tim pengusul` (Proposing team), without id or unit",
      }),
    }),
    body: z.string().nullable().openapi({
      description:
        "null when deleted, or hidden (except to admins). In blind review the team's handles read `@[Tim pengusul]`, and their names, NIPs, e-mails and units are taken out",
    }),
    mentions: z.array(
      z.object({
        id: z.number().int().nullable().openapi({ description: "null for the proposing team in blind review" }),
        name: z.string(),
        proposingTeam: z.boolean(),
      }),
    ),
    createdAt: z.string(),
    edited: z.boolean(),
    editedAt: z.string().nullable(),
    deleted: z.boolean(),
    hidden: z.boolean(),
    hiddenReason: z.string().nullable(),
    reportCount: z.number().int().nullable().openapi({ description: "Admins only; null for everyone else" }),
    viewer: z.object({
      isAuthor: z.boolean(),
      canEdit: z.boolean(),
      editableUntil: z.string().nullable().openapi({ description: "While the author may still edit it" }),
    }),
  })
  .openapi("Comment");

export const ThreadSchema = z
  .object({
    items: z.array(
      CommentSchema.extend({
        replies: z.array(CommentSchema).openapi({ description: "Oldest first" }),
      }),
    ),
    nextCursor: NextCursor,
  })
  .openapi("CommentThread");

export const ReportedSchema = z
  .object({
    items: z.array(
      CommentSchema.extend({
        idea: z.object({ id: z.number().int(), title: z.string() }),
        reports: z.array(z.object({ reason: z.string(), at: z.string() })).openapi({ description: "Newest first" }),
      }),
    ),
    nextCursor: NextCursor,
  })
  .openapi("ReportedComments");

export const ReportedSchemaResult = z.object({ reported: z.boolean() }).openapi("CommentReported");
