/** Reading comments: threads, mentions, reports. Writes are in `comment-writes.queries.ts`. */
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { as } from "../alias";
import type { Database } from "../client";
import { commentMentions, commentReports, comments, ideas, units, users } from "../schema";

const one = sql`1`;

/** A comment's own text and life (written, edited, deleted, hidden), as its author's data export shows it. */
export const commentOwnColumns = {
  id: comments.id,
  ideaId: comments.ideaId,
  parentId: comments.parentId,
  body: comments.body,
  createdAt: comments.createdAt,
  editedAt: comments.editedAt,
  deletedAt: comments.deletedAt,
  hiddenAt: comments.hiddenAt,
  hiddenReason: comments.hiddenReason,
};

/** What a comment shows: its row, its author's name and unit. */
const commentColumns = {
  ...commentOwnColumns,
  authorId: comments.authorId,
  authorName: as(users.name, "author_name"),
  authorUnitName: as(units.name, "author_unit_name"),
  reportCount: comments.reportCount,
};

export function commentQuery(db: Database) {
  return db
    .select(commentColumns)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(units, eq(units.id, users.unitId));
}

export type CommentRow = Awaited<ReturnType<ReturnType<typeof commentQuery>["all"]>>[number];

/** A comment of the agency, or undefined (another agency's comment does not exist for the caller). */
export async function getComment(db: Database, agencyId: number, id: number): Promise<CommentRow | undefined> {
  const [row] = await commentQuery(db).where(and(eq(comments.id, id), eq(comments.agencyId, agencyId)));
  return row;
}

type Keyset = readonly [createdAt: number, id: number];

const topOfPage = (ideaId: number, after?: Keyset) =>
  and(
    eq(comments.ideaId, ideaId),
    isNull(comments.parentId),
    after
      ? or(lt(comments.createdAt, after[0]), and(eq(comments.createdAt, after[0]), lt(comments.id, after[1])))
      : undefined,
  );

/**
 * A page of an idea's top-level comments, newest first; keyset on `(created_at, id)`, `limit + 1`
 * rows.
 */
export function listTopComments(db: Database, ideaId: number, limit: number, after?: Keyset) {
  return commentQuery(db)
    .where(topOfPage(ideaId, after))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit + 1);
}

/** The ids of the page {@link listTopComments} answers, as a subquery for the statements beside it. */
function topCommentIds(db: Database, ideaId: number, limit: number, after?: Keyset) {
  return db
    .select({ id: comments.id })
    .from(comments)
    .where(topOfPage(ideaId, after))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit + 1);
}

/** Who is mentioned in these comments. */
export function listMentions(db: Database, commentIds: readonly number[]) {
  return db
    .select({ commentId: commentMentions.commentId, id: users.id, name: users.name })
    .from(commentMentions)
    .innerJoin(users, eq(users.id, commentMentions.userId))
    .where(inArray(commentMentions.commentId, [...commentIds]))
    .orderBy(asc(users.name));
}

/**
 * A page of an idea's thread as three statements for one batch, each finding the page by the same
 * keyset (the replies and mentions by subquery, so nothing waits for the page's ids): its top-level
 * comments (`limit + 1`, newest first), their replies (oldest first) and who they all mention.
 */
export function threadPageQueries(db: Database, ideaId: number, limit: number, after?: Keyset) {
  const topIds = () => topCommentIds(db, ideaId, limit, after);
  const replyIds = db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.ideaId, ideaId), inArray(comments.parentId, topIds())));
  return [
    listTopComments(db, ideaId, limit, after),
    commentQuery(db)
      .where(and(eq(comments.ideaId, ideaId), inArray(comments.parentId, topIds())))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
    db
      .select({ commentId: commentMentions.commentId, id: users.id, name: users.name })
      .from(commentMentions)
      .innerJoin(users, eq(users.id, commentMentions.userId))
      .where(or(inArray(commentMentions.commentId, topIds()), inArray(commentMentions.commentId, replyIds)))
      .orderBy(asc(users.name)),
  ] as const;
}

/** Whether this person has reported the comment. */
export async function hasReported(db: Database, commentId: number, userId: number) {
  const [row] = await db
    .select({ one })
    .from(commentReports)
    .where(and(eq(commentReports.commentId, commentId), eq(commentReports.userId, userId)));
  return row !== undefined;
}

/**
 * Reported comments still showing, most reported first; keyset on `(report_count, id)`,
 * `limit + 1` rows, with the idea they belong to.
 */
export function listReportedComments(db: Database, agencyId: number, limit: number, after?: readonly [number, number]) {
  return db
    .select({ ...commentColumns, ideaTitle: ideas.title })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(ideas, eq(ideas.id, comments.ideaId))
    .where(
      and(
        eq(comments.agencyId, agencyId),
        gt(comments.reportCount, 0),
        isNull(comments.hiddenAt),
        isNull(comments.deletedAt),
        after
          ? or(lt(comments.reportCount, after[0]), and(eq(comments.reportCount, after[0]), lt(comments.id, after[1])))
          : undefined,
      ),
    )
    .orderBy(desc(comments.reportCount), desc(comments.id))
    .limit(limit + 1);
}

/** Why these comments were reported, newest first. */
export function listReportReasons(db: Database, commentIds: readonly number[]) {
  return db
    .select({ commentId: commentReports.commentId, reason: commentReports.reason, at: commentReports.createdAt })
    .from(commentReports)
    .where(inArray(commentReports.commentId, [...commentIds]))
    .orderBy(desc(commentReports.createdAt));
}
