import { changesOf, runBatch, runNamedBatch } from "../../db/client";
import { newestId } from "../../db/alias";
import {
  commentPosted,
  commentRemovedAt,
  deleteCommentStatements,
  editCommentStatements,
  hideCommentStatements,
  postCommentStatements,
  reportCommentStatements,
} from "../../db/queries/comment-writes.queries";
import {
  getComment,
  hasReported,
  listMentions,
  listReportedComments,
  listReportReasons,
  threadPageQueries,
  type CommentRow,
} from "../../db/queries/comments.queries";
import {
  getIdeaAccess,
  ideaAccessOf,
  ideaAccessQuery,
  ideaAccessRowsOf,
  ideaAccessSql,
} from "../../db/queries/idea-access.queries";
import { rewardStatements, rewardStatementsWith } from "../../db/queries/rewards.queries";
import { comments } from "../../db/schema";
import { listMentionCandidates } from "../../db/queries/people.queries";
import type { Database } from "../../db/client";
import { editRefusal, hideRefusal, isDiscussable, replyRefusal, reportRefusal } from "../../domain/comments";
import { lookupKeys, parseMentions, resolveMentions } from "../../domain/mentions";
import { can } from "../../domain/policy";
import type { Actor } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, pageOf } from "../../lib/cursor";
import { ApiError, notFound, validationError } from "../../lib/problem";
import { iso } from "../../lib/time";
import { actorOf, authorize } from "../../middlewares/guard";
import { blindfoldFor, blindfoldsFor } from "../ideas/ideas.blindfold";
import type * as routes from "./comments.routes";
import { toComment, type CommentViewer } from "./comments.view";

const viewerOf = (actor: Actor, now = Date.now()): CommentViewer => ({
  userId: actor.userId,
  isAdmin: can(actor, "comment.moderate", { agencyId: actor.agencyId }),
  now,
});

const conflict = (code: string, detail: string) => new ApiError(409, code, detail);

/** Who asks about an idea: a moderator also reaches a hidden one. */
const accessOf = (actor: Actor) => ({ userId: actor.userId, isModerator: viewerOf(actor).isAdmin });

/** The body to store and who it mentions, among the active colleagues of the agency. */
async function mentionsIn(db: Database, actor: Actor, body: string) {
  const tokens = parseMentions(body);
  if (tokens.length === 0) return { body, userIds: [] as number[], people: [] };
  const candidates = await listMentionCandidates(db, actor.agencyId, lookupKeys(tokens));
  const resolved = resolveMentions(body, candidates, actor.userId);
  const people = candidates.filter((c) => resolved.userIds.includes(c.id));
  return { ...resolved, people };
}

/** The comment as its viewer sees it, mentions included (and blind, where they review its idea blind). */
async function present(db: Database, actor: Actor, row: CommentRow, viewer: CommentViewer) {
  const [mentions, fold] = await Promise.all([listMentions(db, [row.id]), blindfoldFor(db, actor, row.ideaId)]);
  return toComment(row, mentions, viewer, fold);
}

/** A comment of the caller's agency on an idea they may see; 404 otherwise. */
async function loadComment(db: Database, actor: Actor, id: number) {
  const comment = await getComment(db, actor.agencyId, id);
  if (!comment || !(await getIdeaAccess(db, actor.agencyId, comment.ideaId, accessOf(actor))))
    throw notFound("comment");
  return comment;
}

export const thread: AppRouteHandler<typeof routes.thread> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { id } = c.req.valid("param");
  const { cursor, limit } = c.req.valid("query");
  const after = cursor ? decodeCursor(cursor, ["number", "number"] as const) : undefined;
  // the access check and the page in one round trip: the page is only answered if the idea may be seen
  const [access, top, replies, mentions] = await db.batch([
    ideaAccessQuery(db, actor.agencyId, id, actor.userId),
    ...threadPageQueries(db, id, limit, after),
  ]);
  if (!ideaAccessOf(access, accessOf(actor))) throw notFound("idea");
  const page = pageOf(top, limit, (r) => [r.createdAt, r.id]);
  const fold = await blindfoldFor(db, actor, id);
  const viewer = viewerOf(actor);
  const items = page.items.map((comment) => ({
    ...toComment(comment, mentions, viewer, fold),
    replies: replies.filter((r) => r.parentId === comment.id).map((r) => toComment(r, mentions, viewer, fold)),
  }));
  return c.json({ items, nextCursor: page.nextCursor }, 200);
};

export const post: AppRouteHandler<typeof routes.post> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { id } = c.req.valid("param");
  const { body, parentId } = c.req.valid("json");
  // only a reply and a comment that mentions someone read before the reward state (each when present)
  const [parent, mentioned] = await Promise.all([
    parentId === undefined ? undefined : getComment(db, actor.agencyId, parentId),
    mentionsIn(db, actor, body),
  ]);
  const now = Date.now();
  const comment = {
    agencyId: actor.agencyId,
    ideaId: id,
    authorId: actor.userId,
    parentId: parentId ?? null,
    body: mentioned.body,
    mentionIds: mentioned.userIds,
    now,
  };
  // the author's points go in the same batch, paid only if the comment was written; the idea's access
  // check travels in the reward state's statement (with the session check: one round trip)
  const { statements: earned, alongside } = await rewardStatementsWith(
    db,
    {
      type: "comment_posted",
      agencyId: actor.agencyId,
      actorId: actor.userId,
      at: now,
      commentId: newestId(comments),
      authorId: actor.userId,
    },
    {
      when: commentPosted(db, comment),
      alongside: ideaAccessSql(actor.agencyId, id, actor.userId),
      zone: actor.timeZone,
    },
  );
  const idea = ideaAccessOf(ideaAccessRowsOf(actor.userId, alongside), accessOf(actor));
  if (!idea) throw notFound("idea");
  if (!isDiscussable(idea)) throw conflict("comment.idea_closed", "Only submitted ideas take comments");
  if (parentId !== undefined) {
    const refusal = replyRefusal(parent, idea.id);
    if (refusal === "comment.parent_closed") throw conflict(refusal, "That comment was deleted or hidden");
    if (refusal) {
      throw validationError([
        {
          path: "json.parentId",
          code: refusal,
          message:
            refusal === "comment.reply_depth"
              ? "Reply to the top-level comment: replies go one level deep"
              : "No such comment on this idea",
        },
      ]);
    }
  }
  const { statements, readBack } = postCommentStatements(db, comment);
  const {
    readBack: [row],
  } = await runNamedBatch(db, { statements, earned, readBack });
  // the idea stopped taking comments (or the parent went) between the checks and the write
  if (!row) throw conflict("comment.conflict", "The idea or the comment changed at the same moment; reload");
  const fold = await blindfoldFor(db, actor, row.ideaId);
  return c.json(toComment(row, mentionRows(row.id, mentioned.people), viewerOf(actor, now), fold), 201);
};

const mentionRows = (commentId: number, people: readonly { id: number; name: string }[]) =>
  people.map(({ id, name }) => ({ commentId, id, name }));

export const edit: AppRouteHandler<typeof routes.edit> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const comment = await loadComment(db, actor, c.req.valid("param").id);
  authorize(actor, "comment.write_own", { agencyId: actor.agencyId, ownerId: comment.authorId });
  const now = Date.now();
  const refusal = editRefusal(comment, now);
  if (refusal === "comment.edit_window_closed")
    throw conflict(refusal, "Comments can be edited for 15 minutes after posting");
  if (refusal) throw conflict(refusal, "The comment was deleted or hidden");
  const mentioned = await mentionsIn(db, actor, c.req.valid("json").body);
  const { edited: update } = await runNamedBatch(
    db,
    editCommentStatements(db, {
      id: comment.id,
      authorId: actor.userId,
      agencyId: actor.agencyId,
      body: mentioned.body,
      mentionIds: mentioned.userIds,
      now,
    }),
  );
  if (changesOf(update) === 0) throw conflict("comment.edit_window_closed", "The comment can no longer be edited");
  return c.json(
    await present(db, actor, (await getComment(db, actor.agencyId, comment.id))!, viewerOf(actor, now)),
    200,
  );
};

/** Statements that take back what a comment earned, if it was deleted or hidden at `now` in the same batch. */
const takeBack = (
  db: Database,
  type: "comment_deleted" | "comment_hidden",
  commentId: number,
  actor: { agencyId: number; userId: number },
  now: number,
) =>
  rewardStatements(
    db,
    { type, agencyId: actor.agencyId, actorId: actor.userId, at: now, commentId },
    { when: commentRemovedAt(commentId, now) },
  );

export const remove: AppRouteHandler<typeof routes.remove> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const comment = await loadComment(db, actor, c.req.valid("param").id);
  authorize(actor, "comment.write_own", { agencyId: actor.agencyId, ownerId: comment.authorId });
  const now = Date.now();
  await runBatch(db, [
    ...deleteCommentStatements(db, { id: comment.id, ideaId: comment.ideaId, authorId: actor.userId, now }),
    ...(await takeBack(db, "comment_deleted", comment.id, actor, now)),
  ]);
  return c.json(
    await present(db, actor, (await getComment(db, actor.agencyId, comment.id))!, viewerOf(actor, now)),
    200,
  );
};

export const report: AppRouteHandler<typeof routes.report> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const comment = await loadComment(db, actor, c.req.valid("param").id);
  const refusal = reportRefusal(comment, actor.userId);
  if (refusal === "comment.report_own") throw conflict(refusal, "You cannot report your own comment");
  if (refusal) throw conflict(refusal, "The comment was deleted or hidden");
  const { reported: insert } = await runNamedBatch(
    db,
    reportCommentStatements(db, {
      id: comment.id,
      ideaId: comment.ideaId,
      agencyId: actor.agencyId,
      reporterId: actor.userId,
      reason: c.req.valid("json").reason,
      now: Date.now(),
    }),
  );
  if (changesOf(insert) === 0) {
    if (await hasReported(db, comment.id, actor.userId))
      throw conflict("comment.already_reported", "You have reported this comment already");
    throw conflict("comment.gone", "The comment was deleted or hidden");
  }
  return c.json({ reported: true }, 200);
};

export const hide: AppRouteHandler<typeof routes.hide> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const comment = await loadComment(db, actor, c.req.valid("param").id);
  const now = Date.now();
  const refusal = hideRefusal(comment);
  if (refusal === "comment.already_hidden") throw conflict(refusal, "The comment is hidden already");
  if (refusal) throw conflict(refusal, "The comment was deleted by its author");
  const { hidden: update } = await runNamedBatch(db, {
    ...hideCommentStatements(db, {
      id: comment.id,
      ideaId: comment.ideaId,
      agencyId: actor.agencyId,
      actorId: actor.userId,
      reason: c.req.valid("json").reason,
      now,
    }),
    takenBack: await takeBack(db, "comment_hidden", comment.id, actor, now),
  });
  if (changesOf(update) === 0) throw conflict("comment.already_hidden", "The comment changed at the same moment");
  return c.json(
    await present(db, actor, (await getComment(db, actor.agencyId, comment.id))!, viewerOf(actor, now)),
    200,
  );
};

export const reported: AppRouteHandler<typeof routes.reported> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { cursor, limit } = c.req.valid("query");
  const after = cursor ? decodeCursor(cursor, ["number", "number"] as const) : undefined;
  const page = pageOf(await listReportedComments(db, actor.agencyId, limit, after), limit, (r) => [
    r.reportCount,
    r.id,
  ]);
  const ids = page.items.map((r) => r.id);
  const [[mentions, reasons], folds] = await Promise.all([
    ids.length === 0 ? [[], []] : db.batch([listMentions(db, ids), listReportReasons(db, ids)]),
    blindfoldsFor(
      db,
      actor,
      page.items.map((r) => r.ideaId),
    ),
  ]);
  const viewer = viewerOf(actor);
  const items = page.items.map((row) => ({
    ...toComment(row, mentions, viewer, folds(row.ideaId)),
    idea: { id: row.ideaId, title: row.ideaTitle },
    reports: reasons.filter((r) => r.commentId === row.id).map((r) => ({ reason: r.reason, at: iso(r.at) })),
  }));
  return c.json({ items, nextCursor: page.nextCursor }, 200);
};
