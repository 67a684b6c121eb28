/**
 * Writing comments. Each write is one batch whose first statement (named for what it does: `edited`,
 * `hidden`, `reported`…) re-checks the rule it depends on (the idea still takes comments, the edit
 * window is still open, the comment is still visible…), and `ideas.comment_count` (visible comments:
 * not deleted, not hidden) moves in the same batch only if that statement changed its row, read with
 * SQLite's `changes()` right after it.
 */
import { and, eq, exists, gt, inArray, isNotNull, isNull, ne, sql, type SQL } from "drizzle-orm";
import { EDIT_WINDOW_MS } from "../../domain/comments";
import { AUTO_ID, newestId } from "../alias";
import { enqueueDeliveryStatements } from "./deliveries.queries";
import type { Database, Statement } from "../client";
import { insertFields } from "../raw";
import { commentMentions, commentReports, comments, follows, ideas, users } from "../schema";
import { recordAuditIfChanged } from "./audit.queries";
import { notifyAdminsOfReport, notifyOfDecision } from "./moderation.queries";
import { commentQuery } from "./comments.queries";

const one = sql`1`;

export type NewComment = {
  agencyId: number;
  ideaId: number;
  authorId: number;
  parentId: number | null;
  body: string;
  mentionIds: readonly number[];
  now: number;
};

/**
 * The comment this batch has just written: the newest row, with our author, idea, time and words
 * (D1 runs a batch as one serialized transaction, so nothing else is written in between).
 */
const justWritten = (c: NewComment) =>
  and(
    eq(comments.id, newestId(comments)),
    eq(comments.authorId, c.authorId),
    eq(comments.ideaId, c.ideaId),
    eq(comments.createdAt, c.now),
    eq(comments.body, c.body),
  );

/**
 * Posts a comment: written only while the idea is listed (and, for a reply, its parent is a
 * visible top-level comment of the idea); the count moves with it; the author starts following the
 * idea and the mentions are stored. The last statement reads the comment back (none: refused).
 */
export function postCommentStatements(db: Database, c: NewComment) {
  const parentOk = (parentId: number) =>
    exists(
      db
        .select({ one })
        .from(comments)
        .where(
          and(
            eq(comments.id, parentId),
            eq(comments.ideaId, c.ideaId),
            isNull(comments.parentId),
            isNull(comments.deletedAt),
            isNull(comments.hiddenAt),
          ),
        ),
    );
  const insert = db.insert(comments).select(
    db
      .select(
        insertFields(comments, {
          id: AUTO_ID,
          agencyId: ideas.agencyId,
          ideaId: ideas.id,
          authorId: sql`${c.authorId}`,
          parentId: sql`${c.parentId}`,
          body: sql`${c.body}`,
          editedAt: sql`NULL`,
          deletedAt: sql`NULL`,
          hiddenAt: sql`NULL`,
          hiddenReason: sql`NULL`,
          hiddenBy: sql`NULL`,
          reportCount: sql`0`,
          createdAt: sql`${c.now}`,
        }),
      )
      .from(ideas)
      .where(
        and(
          eq(ideas.id, c.ideaId),
          eq(ideas.agencyId, c.agencyId),
          eq(ideas.listed, true),
          isNull(ideas.hiddenAt),
          c.parentId === null ? undefined : parentOk(c.parentId),
        ),
      ),
  );
  const statements: Statement[] = [
    insert,
    moveCount(db, c.ideaId, 1),
    db
      .insert(follows)
      .select(
        db
          .select(
            insertFields(follows, { ideaId: comments.ideaId, userId: comments.authorId, createdAt: sql`${c.now}` }),
          )
          .from(comments)
          .where(justWritten(c)),
      )
      .onConflictDoNothing(),
  ];
  if (c.mentionIds.length > 0) statements.push(insertMentions(db, justWritten(c), c.agencyId, c.mentionIds));
  return { statements, readBack: commentQuery(db).where(justWritten(c)) };
}

/** `EXISTS` the comment {@link postCommentStatements} just wrote: the guard for what posting it earns. */
export const commentPosted = (db: Database, c: NewComment) =>
  exists(db.select({ one }).from(comments).where(justWritten(c)));

/** `EXISTS` the comment, deleted or hidden at `at`: the guard for taking back what it earned. */
export const commentRemovedAt = (id: number, at: number) =>
  sql`EXISTS (SELECT 1 FROM ${comments} WHERE ${comments.id} = ${id} AND (${comments.deletedAt} = ${at} OR ${comments.hiddenAt} = ${at}))`;

/** Mention rows for the comment `which` selects: active colleagues of the agency only. */
function insertMentions(db: Database, which: SQL | undefined, agencyId: number, userIds: readonly number[]) {
  return db
    .insert(commentMentions)
    .select(
      db
        .select(insertFields(commentMentions, { commentId: comments.id, userId: users.id }))
        .from(comments)
        .innerJoin(users, and(inArray(users.id, [...userIds]), eq(users.agencyId, agencyId), eq(users.active, true)))
        .where(which),
    )
    .onConflictDoNothing();
}

/** `comment_count` moves by `delta` only if the statement just before changed exactly one row. */
const moveCount = (db: Database, ideaId: number, delta: 1 | -1) =>
  db
    .update(ideas)
    .set({ commentCount: sql`${ideas.commentCount} + ${delta}` })
    .where(and(eq(ideas.id, ideaId), sql`changes() = 1`));

/**
 * The author corrects a visible comment within the edit window; its mentions are replaced.
 * @returns the statements for `runNamedBatch`; `edited`'s `changes` is 1 when the edit was written
 */
export function editCommentStatements(
  db: Database,
  input: { id: number; authorId: number; agencyId: number; body: string; mentionIds: readonly number[]; now: number },
) {
  const { id, authorId, agencyId, body, mentionIds, now } = input;
  const justEdited = and(eq(comments.id, id), eq(comments.editedAt, now), eq(comments.body, body));
  return {
    edited: db
      .update(comments)
      .set({ body, editedAt: now })
      .where(
        and(
          eq(comments.id, id),
          eq(comments.authorId, authorId),
          isNull(comments.deletedAt),
          isNull(comments.hiddenAt),
          gt(comments.createdAt, now - EDIT_WINDOW_MS),
        ),
      ),
    unmentioned: db
      .delete(commentMentions)
      .where(and(eq(commentMentions.commentId, id), exists(db.select({ one }).from(comments).where(justEdited)))),
    mentioned: mentionIds.length > 0 ? [insertMentions(db, justEdited, agencyId, mentionIds)] : [],
  };
}

/**
 * The author deletes a comment: a tombstone (its replies stay). The count drops unless the
 * comment was already hidden (and so no longer counted).
 */
export function deleteCommentStatements(
  db: Database,
  input: { id: number; ideaId: number; authorId: number; now: number },
): Statement[] {
  const { id, ideaId, authorId, now } = input;
  return [
    db
      .update(comments)
      .set({ deletedAt: now })
      .where(and(eq(comments.id, id), eq(comments.authorId, authorId), isNull(comments.deletedAt))),
    db
      .update(ideas)
      .set({ commentCount: sql`${ideas.commentCount} - 1` })
      .where(
        and(
          eq(ideas.id, ideaId),
          sql`changes() = 1`,
          exists(
            db
              .select({ one })
              .from(comments)
              .where(and(eq(comments.id, id), isNull(comments.hiddenAt))),
          ),
        ),
      ),
  ];
}

type Moderation = { id: number; ideaId: number; agencyId: number; actorId: number; reason: string; now: number };

/**
 * The admin hides a visible comment with a reason; the audit row and the count follow it, its
 * reports are dealt with, and its author is told why.
 */
export function hideCommentStatements(db: Database, input: Moderation) {
  const { id, ideaId, agencyId, actorId, reason, now } = input;
  return {
    hidden: db
      .update(comments)
      .set({ hiddenAt: now, hiddenReason: reason, hiddenBy: actorId, reportCount: 0 })
      .where(
        and(
          eq(comments.id, id),
          eq(comments.agencyId, agencyId),
          isNull(comments.hiddenAt),
          isNull(comments.deletedAt),
        ),
      ),
    effects: [
      recordAuditIfChanged(db, {
        agencyId,
        actorId,
        action: "comment.hide",
        subjectType: "comment",
        subjectId: id,
        detail: { ideaId, reason },
        at: now,
      }),
      moveCount(db, ideaId, -1),
      notifyOfDecision(db, { agencyId, ideaId, reason, now, subject: "comment", action: "hide", commentId: id }),
      db
        .delete(commentReports)
        .where(
          and(
            eq(commentReports.commentId, id),
            sql`EXISTS (SELECT 1 FROM ${comments} WHERE ${comments.id} = ${id} AND ${comments.hiddenAt} = ${now} AND ${comments.hiddenBy} = ${actorId})`,
          ),
        ),
      ...enqueueDeliveryStatements(db),
    ],
  };
}

/**
 * The admin shows a hidden comment again, with a reason its author is told; the count follows it.
 * (What it earned comes back through the reward engine, in the caller's batch.)
 */
export function restoreCommentStatements(db: Database, input: Moderation) {
  const { id, ideaId, agencyId, actorId, reason, now } = input;
  return {
    restored: db
      .update(comments)
      .set({ hiddenAt: null, hiddenReason: null, hiddenBy: null })
      .where(
        and(
          eq(comments.id, id),
          eq(comments.agencyId, agencyId),
          isNotNull(comments.hiddenAt),
          isNull(comments.deletedAt),
        ),
      ),
    effects: [
      moveCount(db, ideaId, 1),
      recordAuditIfChanged(db, {
        agencyId,
        actorId,
        action: "comment.restore",
        subjectType: "comment",
        subjectId: id,
        detail: { ideaId, reason },
        at: now,
      }),
      notifyOfDecision(db, { agencyId, ideaId, reason, now, subject: "comment", action: "restore", commentId: id }),
      ...enqueueDeliveryStatements(db),
    ],
  };
}

/** `EXISTS` the comment shown again: the guard for what it earns back. */
export const commentVisible = (id: number) =>
  sql`EXISTS (SELECT 1 FROM ${comments} WHERE ${comments.id} = ${id} AND ${comments.hiddenAt} IS NULL AND ${comments.deletedAt} IS NULL)`;

/** The admin finds a comment's reports unfounded: they are dropped (the audit row keeps their reasons). */
export function dismissCommentReportsStatements(
  db: Database,
  input: Omit<Moderation, "reason"> & { reasons: readonly string[] },
) {
  const { id, ideaId, agencyId, actorId, now, reasons } = input;
  return {
    dismissed: db
      .update(comments)
      .set({ reportCount: 0 })
      .where(and(eq(comments.id, id), eq(comments.agencyId, agencyId), gt(comments.reportCount, 0))),
    effects: [
      recordAuditIfChanged(db, {
        agencyId,
        actorId,
        action: "comment.dismiss_reports",
        subjectType: "comment",
        subjectId: id,
        detail: { ideaId, reasons },
        at: now,
      }),
      db.delete(commentReports).where(and(eq(commentReports.commentId, id), sql`changes() = 1`)),
    ],
  };
}

/** Someone other than the author reports a visible comment, once; the admins are told. */
export function reportCommentStatements(
  db: Database,
  input: { id: number; ideaId: number; agencyId: number; reporterId: number; reason: string; now: number },
) {
  const { id, ideaId, agencyId, reporterId, reason, now } = input;
  const justReported = sql`EXISTS (SELECT 1 FROM ${commentReports} WHERE ${commentReports.commentId} = ${id} AND ${commentReports.userId} = ${reporterId} AND ${commentReports.createdAt} = ${now})`;
  return {
    reported: db
      .insert(commentReports)
      .select(
        db
          .select(
            insertFields(commentReports, {
              commentId: comments.id,
              userId: sql`${reporterId}`,
              reason: sql`${reason}`,
              createdAt: sql`${now}`,
            }),
          )
          .from(comments)
          .where(
            and(
              eq(comments.id, id),
              eq(comments.agencyId, agencyId),
              isNull(comments.deletedAt),
              isNull(comments.hiddenAt),
              ne(comments.authorId, reporterId),
            ),
          ),
      )
      .onConflictDoNothing(),
    effects: [
      db
        .update(comments)
        .set({ reportCount: sql`${comments.reportCount} + 1` })
        .where(and(eq(comments.id, id), sql`changes() = 1`)),
      notifyAdminsOfReport(db, { agencyId, ideaId, commentId: id, reporterId, reason, now }, justReported),
      ...enqueueDeliveryStatements(db),
    ],
  };
}
