import { createRoute } from "@hono/zod-openapi";
import { IdParams, json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import {
  HiddenSchema,
  IdeaReportedSchema,
  ModerationPageQuery,
  ModerationResultSchema,
  ReasonBody,
  ReportedIdeasSchema,
} from "./moderation.schemas";

const tags = ["moderation"];
const moderators = [guard("content.moderate")];

export const reportIdea = createRoute({
  method: "post",
  path: "/ideas/{id}/report",
  tags,
  summary: "Report an idea to the agency admin, with a reason (once per person); the admins are told",
  description:
    "409 `idea.report_own` for an idea you (co-)author, `idea.not_reportable` for one that is not out in the open (a draft, withdrawn, merged or hidden), `idea.already_reported` the second time.",
  middleware: [guard("idea.participate")],
  request: { params: IdParams, body: jsonBody(ReasonBody) },
  responses: { 200: json(IdeaReportedSchema, "Reported"), ...problems(401, 403, 404, 409, 422) },
});

const responses = { 200: json(ModerationResultSchema, "What it is now"), ...problems(401, 403, 404, 409, 422) };

/** A hiding or a restoring: the admin says why, and the people concerned are told. */
const decision = <P extends string>(path: P, summary: string, description: string) =>
  createRoute({
    method: "post",
    path,
    tags,
    summary,
    description,
    middleware: moderators,
    request: { params: IdParams, body: jsonBody(ReasonBody) },
    responses,
  });

/** Dismissing reports: nobody is told, so no reason is asked. */
const dismissal = <P extends string>(path: P, summary: string) =>
  createRoute({
    method: "post",
    path,
    tags,
    summary,
    description:
      "The reports leave the queue; the audit row keeps their reasons. Nobody is told. 409 `moderation.no_reports`.",
    middleware: moderators,
    request: { params: IdParams },
    responses,
  });

export const hideIdea = decision(
  "/ideas/{id}/hide",
  "Hide an idea, with a reason its team is told (agency admin)",
  "The idea leaves every list, search, the library and the public pages, and takes no votes or comments; only its team and the admins can open it, with the reason. Its reports are dealt with. Points already earned stay. 409 `moderation.already_hidden`, `moderation.not_listed` (a draft, withdrawn or merged idea).",
);

export const restoreIdea = decision(
  "/ideas/{id}/restore",
  "Show a hidden idea again, with a reason its team is told (agency admin)",
  "409 `moderation.not_hidden`.",
);

export const dismissIdeaReports = dismissal(
  "/ideas/{id}/dismiss-reports",
  "Dismiss an idea's reports as unfounded (agency admin)",
);

export const restoreComment = decision(
  "/comments/{id}/restore",
  "Show a hidden comment again, with a reason its author is told (agency admin)",
  "The idea's comment count and what the comment earned come back. 409 `moderation.not_hidden`, `comment.gone` (deleted by its author).",
);

export const dismissCommentReports = dismissal(
  "/comments/{id}/dismiss-reports",
  "Dismiss a comment's reports as unfounded (agency admin)",
);

export const reportedIdeas = createRoute({
  method: "get",
  path: "/moderation/ideas",
  tags,
  summary: "Ideas with reports not yet dealt with, most reported first, with the reasons (agency admin)",
  middleware: moderators,
  request: { query: ModerationPageQuery },
  responses: { 200: json(ReportedIdeasSchema, "A page of reported ideas"), ...problems(400, 401, 403, 422) },
});

export const hidden = createRoute({
  method: "get",
  path: "/moderation/hidden",
  tags,
  summary: "What the admins hid (ideas and comments), newest first, with the reasons (agency admin)",
  middleware: moderators,
  request: { query: ModerationPageQuery },
  responses: { 200: json(HiddenSchema, "A page of hidden ideas and comments"), ...problems(400, 401, 403, 422) },
});
