import { z } from "@hono/zod-openapi";
import { NextCursor, PageQuery } from "../../lib/cursor";
import { IDEA_STATUSES } from "../../domain/idea-status";

export { ReasonBody } from "../comments/comments.schemas";

export const ModerationResultSchema = z
  .object({
    kind: z.enum(["idea", "comment"]),
    id: z.number().int(),
    hidden: z.boolean(),
    reportCount: z.number().int().openapi({ description: "Reports not yet dealt with" }),
  })
  .openapi("ModerationResult");

export const IdeaReportedSchema = z.object({ reported: z.boolean() }).openapi("IdeaReported");

const Report = z.object({ reason: z.string(), at: z.string() });

export const ReportedIdeasSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        excerpt: z.string(),
        status: z.enum(IDEA_STATUSES),
        author: z.object({ name: z.string(), unitName: z.string() }),
        reportCount: z.number().int(),
        reports: z.array(Report).openapi({ description: "Newest first" }),
      }),
    ),
    nextCursor: NextCursor,
  })
  .openapi("ReportedIdeas");

export const HiddenSchema = z
  .object({
    items: z.array(
      z.object({
        kind: z.enum(["idea", "comment"]),
        id: z.number().int(),
        idea: z.object({ id: z.number().int(), title: z.string() }),
        excerpt: z.string().openapi({ description: "The idea's problem or the comment's words, shortened" }),
        author: z.object({ name: z.string() }),
        reason: z.string(),
        hiddenAt: z.string(),
        hiddenBy: z.object({ name: z.string() }).nullable(),
      }),
    ),
    nextCursor: NextCursor,
  })
  .openapi("HiddenContent");

export const ModerationPageQuery = PageQuery;
