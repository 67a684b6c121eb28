import { createRoute } from "@hono/zod-openapi";
import { json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import {
  CommentCreateBody,
  CommentEditBody,
  CommentPageQuery,
  CommentSchema,
  IdParams,
  ReasonBody,
  ReportedSchema,
  ReportedSchemaResult,
  ThreadSchema,
} from "./comments.schemas";

const tags = ["comments"];

export const thread = createRoute({
  method: "get",
  path: "/ideas/{id}/comments",
  tags,
  summary: "An idea's discussion: top-level comments newest first, each with its replies oldest first",
  description:
    "Keyset pagination over the top-level comments. A deleted comment stays as a tombstone (`deleted: true`, `body: null`) so that its replies keep their place; a hidden one shows `hidden: true` and its reason, its words only to admins.",
  request: { params: IdParams, query: CommentPageQuery },
  responses: { 200: json(ThreadSchema, "A page of the thread"), ...problems(400, 401, 403, 404, 422) },
});

export const post = createRoute({
  method: "post",
  path: "/ideas/{id}/comments",
  tags,
  summary: "Comment on an idea, or reply to a top-level comment; you then follow the idea",
  description: [
    "Only ideas out in the open take comments: 409 `comment.idea_closed` for a draft, a withdrawn or a merged idea.",
    "Replies go one level deep: 422 `comment.reply_depth` for a reply to a reply, `comment.parent_unknown` for a",
    "parent that is not a comment of this idea; 409 `comment.parent_closed` when the parent was deleted or hidden.",
    "Mentions: `@[Name]` or `@[Name (Unit)]` (see `GET /api/v1/people`) or `@` and an 18-digit NIP; at most 10 people",
    "of your agency per comment. A resolved NIP is stored as the person's handle, so the comment never shows it.",
  ].join(" "),
  request: { params: IdParams, body: jsonBody(CommentCreateBody) },
  responses: { 201: json(CommentSchema, "The comment"), ...problems(401, 403, 404, 409, 422, 429) },
});

export const edit = createRoute({
  method: "patch",
  path: "/comments/{id}",
  tags,
  summary: "Correct your comment within 15 minutes of posting it (it is then marked edited)",
  description:
    "403 for someone else's comment; 409 `comment.edit_window_closed` after 15 minutes, `comment.gone` for a deleted or hidden comment.",
  request: { params: IdParams, body: jsonBody(CommentEditBody) },
  responses: { 200: json(CommentSchema, "The edited comment"), ...problems(401, 403, 404, 409, 422) },
});

export const remove = createRoute({
  method: "delete",
  path: "/comments/{id}",
  tags,
  summary: "Delete your comment: it stays as a tombstone and its replies remain (idempotent)",
  request: { params: IdParams },
  responses: { 200: json(CommentSchema, "The tombstone"), ...problems(401, 403, 404, 422) },
});

export const report = createRoute({
  method: "post",
  path: "/comments/{id}/report",
  tags,
  summary: "Report an abusive comment to the agency admin (once per person)",
  description:
    "409 `comment.already_reported` the second time, `comment.report_own` for your own comment, `comment.gone` for a deleted or hidden one.",
  request: { params: IdParams, body: jsonBody(ReasonBody) },
  responses: { 200: json(ReportedSchemaResult, "Reported"), ...problems(401, 403, 404, 409, 422) },
});

export const hide = createRoute({
  method: "post",
  path: "/comments/{id}/hide",
  tags,
  summary: "Hide a comment, with a reason everyone sees (agency admin)",
  description:
    "The words stay readable to admins; the idea's comment count drops. 409 `comment.already_hidden`, `comment.gone` (deleted).",
  middleware: [guard("comment.moderate")],
  request: { params: IdParams, body: jsonBody(ReasonBody) },
  responses: { 200: json(CommentSchema, "The hidden comment"), ...problems(401, 403, 404, 409, 422) },
});

export const reported = createRoute({
  method: "get",
  path: "/comments/reported",
  tags,
  summary: "Reported comments still showing, most reported first (agency admin)",
  middleware: [guard("comment.moderate")],
  request: { query: CommentPageQuery },
  responses: { 200: json(ReportedSchema, "A page of reported comments"), ...problems(400, 401, 403, 422) },
});
