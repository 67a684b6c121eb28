import { api } from "./client";
import { readJson } from "./read-json";

const v1 = api.api.v1;
const id = (n: number) => ({ param: { id: String(n) } });

/** @throws ApiProblem 409 `idea.report_own` | `idea.already_reported` | `idea.not_reportable` */
export async function reportIdea(ideaId: number, reason: string) {
  return readJson(await v1.ideas[":id"].report.$post({ ...id(ideaId), json: { reason } }));
}

export async function hideIdea(ideaId: number, reason: string) {
  return readJson(await v1.ideas[":id"].hide.$post({ ...id(ideaId), json: { reason } }));
}

export async function restoreIdea(ideaId: number, reason: string) {
  return readJson(await v1.ideas[":id"].restore.$post({ ...id(ideaId), json: { reason } }));
}

export async function dismissIdeaReports(ideaId: number) {
  return readJson(await v1.ideas[":id"]["dismiss-reports"].$post(id(ideaId)));
}

export async function restoreComment(commentId: number, reason: string) {
  return readJson(await v1.comments[":id"].restore.$post({ ...id(commentId), json: { reason } }));
}

export async function dismissCommentReports(commentId: number) {
  return readJson(await v1.comments[":id"]["dismiss-reports"].$post(id(commentId)));
}

/** Ideas with reports not yet dealt with, most reported first. */
export async function listReportedIdeas(cursor?: string) {
  return readJson(await v1.moderation.ideas.$get({ query: cursor ? { cursor } : {} }));
}
export type ReportedIdea = Awaited<ReturnType<typeof listReportedIdeas>>["items"][number];

/** Comments with reports not yet dealt with, most reported first. */
export async function listReportedComments(cursor?: string) {
  return readJson(await v1.comments.reported.$get({ query: cursor ? { cursor } : {} }));
}
export type ReportedComment = Awaited<ReturnType<typeof listReportedComments>>["items"][number];

/** What the admins hid, ideas and comments, newest first. */
export async function listHidden(cursor?: string) {
  return readJson(await v1.moderation.hidden.$get({ query: cursor ? { cursor } : {} }));
}
export type HiddenItem = Awaited<ReturnType<typeof listHidden>>["items"][number];
