import { changesOf, runNamedBatch } from "../../db/client";
import {
  commentVisible,
  dismissCommentReportsStatements,
  restoreCommentStatements,
} from "../../db/queries/comment-writes.queries";
import { getComment, listReportReasons } from "../../db/queries/comments.queries";
import {
  dismissIdeaReportsStatements,
  getModeratedIdea,
  hideIdeaStatements,
  listHidden,
  listIdeaReportReasons,
  listReportedIdeas,
  reportIdeaStatements,
  restoreIdeaStatements,
} from "../../db/queries/moderation.queries";
import { rewardStatements } from "../../db/queries/rewards.queries";
import type { Database } from "../../db/client";
import {
  dismissRefusal,
  ideaHideRefusal,
  ideaReportRefusal,
  isHiddenFrom,
  restoreRefusal,
} from "../../domain/moderation";
import { can } from "../../domain/policy";
import type { Actor } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, pageOf } from "../../lib/cursor";
import { ApiError, conflict, notFound } from "../../lib/problem";
import { iso } from "../../lib/time";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./moderation.routes";

const DETAIL: Record<string, string> = {
  "idea.report_own": "You cannot report an idea you wrote or co-wrote",
  "idea.not_reportable": "Only ideas out in the open can be reported",
  "idea.already_reported": "You have reported this idea already",
  "moderation.already_hidden": "It is hidden already",
  "moderation.not_listed": "Only ideas out in the open can be hidden",
  "moderation.not_hidden": "It is not hidden",
  "moderation.no_reports": "There are no reports to dismiss",
  "moderation.raced": "It changed at the same moment; reload and try again",
  "comment.gone": "The comment was deleted by its author",
};

const refuse = (code: string | null) => {
  if (code) throw conflict(code, DETAIL[code] ?? code);
};

/** An idea of the actor's agency the actor may see (a moderator sees a hidden one). */
async function loadIdea(db: Database, actor: Actor, id: number) {
  const idea = await getModeratedIdea(db, actor.agencyId, id, actor.userId);
  const isTeam = Boolean(idea?.member);
  if (!idea || (idea.status === "draft" && !isTeam)) throw notFound("idea");
  if (isHiddenFrom(idea, { isTeam, isAdmin: can(actor, "content.moderate") })) throw notFound("idea");
  return { ...idea, isTeam };
}

async function ideaResult(db: Database, actor: Actor, id: number) {
  const idea = (await getModeratedIdea(db, actor.agencyId, id, actor.userId))!;
  return { kind: "idea" as const, id, hidden: idea.hiddenAt !== null, reportCount: idea.reportCount };
}

async function loadComment(db: Database, actor: Actor, id: number) {
  const comment = await getComment(db, actor.agencyId, id);
  if (!comment) throw notFound("comment");
  return comment;
}

async function commentResult(db: Database, actor: Actor, id: number) {
  const comment = (await getComment(db, actor.agencyId, id))!;
  return { kind: "comment" as const, id, hidden: comment.hiddenAt !== null, reportCount: comment.reportCount };
}

/** The first statement of a moderation batch changed nothing: someone else got there first. */
const raced = (result: D1Result | undefined) => {
  if (changesOf(result) === 0) throw new ApiError(409, "moderation.raced", DETAIL["moderation.raced"]);
};

export const reportIdea: AppRouteHandler<typeof routes.reportIdea> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const idea = await loadIdea(db, actor, c.req.valid("param").id);
  refuse(ideaReportRefusal(idea, idea.isTeam));
  const { reported: insert } = await runNamedBatch(
    db,
    reportIdeaStatements(db, {
      ideaId: idea.id,
      agencyId: actor.agencyId,
      reporterId: actor.userId,
      reason: c.req.valid("json").reason,
      now: Date.now(),
    }),
  );
  if (changesOf(insert) === 0) refuse("idea.already_reported");
  return c.json({ reported: true }, 200);
};

export const hideIdea: AppRouteHandler<typeof routes.hideIdea> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const idea = await loadIdea(db, actor, c.req.valid("param").id);
  refuse(ideaHideRefusal(idea));
  const { reason } = c.req.valid("json");
  const input = { ideaId: idea.id, agencyId: actor.agencyId, actorId: actor.userId, reason, now: Date.now() };
  const { hidden: update } = await runNamedBatch(db, hideIdeaStatements(db, { ...input, reports: idea.reportCount }));
  raced(update);
  return c.json(await ideaResult(db, actor, idea.id), 200);
};

export const restoreIdea: AppRouteHandler<typeof routes.restoreIdea> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const idea = await loadIdea(db, actor, c.req.valid("param").id);
  refuse(restoreRefusal(idea));
  const { reason } = c.req.valid("json");
  const { restored: update } = await runNamedBatch(
    db,
    restoreIdeaStatements(db, {
      ideaId: idea.id,
      agencyId: actor.agencyId,
      actorId: actor.userId,
      reason,
      now: Date.now(),
    }),
  );
  raced(update);
  return c.json(await ideaResult(db, actor, idea.id), 200);
};

export const dismissIdeaReports: AppRouteHandler<typeof routes.dismissIdeaReports> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const idea = await loadIdea(db, actor, c.req.valid("param").id);
  refuse(dismissRefusal(idea));
  const reasons = (await listIdeaReportReasons(db, [idea.id])).map((r) => r.reason);
  const { dismissed: update } = await runNamedBatch(
    db,
    dismissIdeaReportsStatements(db, {
      ideaId: idea.id,
      agencyId: actor.agencyId,
      actorId: actor.userId,
      now: Date.now(),
      reasons,
    }),
  );
  raced(update);
  return c.json(await ideaResult(db, actor, idea.id), 200);
};

export const restoreComment: AppRouteHandler<typeof routes.restoreComment> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const comment = await loadComment(db, actor, c.req.valid("param").id);
  refuse(comment.deletedAt !== null ? "comment.gone" : restoreRefusal(comment));
  const now = Date.now();
  const input = {
    id: comment.id,
    ideaId: comment.ideaId,
    agencyId: actor.agencyId,
    actorId: actor.userId,
    reason: c.req.valid("json").reason,
    now,
  };
  const { restored: update } = await runNamedBatch(db, {
    ...restoreCommentStatements(db, input),
    // what the comment earned, taken back when it was hidden, is earned again
    earned: await rewardStatements(
      db,
      {
        type: "comment_posted",
        agencyId: actor.agencyId,
        actorId: actor.userId,
        at: now,
        commentId: comment.id,
        authorId: comment.authorId,
      },
      { when: commentVisible(comment.id) },
    ),
  });
  raced(update);
  return c.json(await commentResult(db, actor, comment.id), 200);
};

export const dismissCommentReports: AppRouteHandler<typeof routes.dismissCommentReports> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const comment = await loadComment(db, actor, c.req.valid("param").id);
  refuse(dismissRefusal(comment));
  const reasons = (await listReportReasons(db, [comment.id])).map((r) => r.reason);
  const { dismissed: update } = await runNamedBatch(
    db,
    dismissCommentReportsStatements(db, {
      id: comment.id,
      ideaId: comment.ideaId,
      agencyId: actor.agencyId,
      actorId: actor.userId,
      now: Date.now(),
      reasons,
    }),
  );
  raced(update);
  return c.json(await commentResult(db, actor, comment.id), 200);
};

export const reportedIdeas: AppRouteHandler<typeof routes.reportedIdeas> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { cursor, limit } = c.req.valid("query");
  const after = cursor ? decodeCursor(cursor, ["number", "number"] as const) : undefined;
  const page = pageOf(await listReportedIdeas(db, actor.agencyId, limit, after), limit, (r) => [r.reportCount, r.id]);
  const ids = page.items.map((r) => r.id);
  const reasons = ids.length === 0 ? [] : await listIdeaReportReasons(db, ids);
  const items = page.items.map((r) => ({
    id: r.id,
    title: r.title,
    excerpt: r.problem,
    status: r.status,
    author: { name: r.authorName, unitName: r.unitName },
    reportCount: r.reportCount,
    reports: reasons.filter((x) => x.ideaId === r.id).map((x) => ({ reason: x.reason, at: iso(x.at) })),
  }));
  return c.json({ items, nextCursor: page.nextCursor }, 200);
};

export const hidden: AppRouteHandler<typeof routes.hidden> = async (c) => {
  const actor = actorOf(c);
  const { cursor, limit } = c.req.valid("query");
  const after = cursor ? decodeCursor(cursor, ["number", "string", "number"] as const) : undefined;
  const rows = await listHidden(c.var.db, actor.agencyId, limit, after);
  const page = pageOf(rows, limit, (r) => [r.hiddenAt, r.kind, r.id]);
  const items = page.items.map((r) => ({
    kind: r.kind,
    id: r.id,
    idea: { id: r.ideaId, title: r.title },
    excerpt: r.body,
    author: { name: r.authorName },
    reason: r.reason ?? "",
    hiddenAt: iso(r.hiddenAt),
    hiddenBy: r.byName === null ? null : { name: r.byName },
  }));
  return c.json({ items, nextCursor: page.nextCursor }, 200);
};
