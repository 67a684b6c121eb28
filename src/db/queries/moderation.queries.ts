/**
 * Moderation writes and reads: reports of ideas, the admin hiding, restoring or dismissing, the
 * queues, and the notifications they send (the admins of a new report, the team of a decision)
 * written in the same batch as their cause. Comments' own writes are in `comment-writes.queries.ts`.
 */
import { and, desc, eq, gt, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { as } from "../alias";
import { enqueueDeliveryStatements } from "./deliveries.queries";
import type { Database } from "../client";
import { insertFields } from "../raw";
import { comments, ideaAuthors, ideaReports, ideas, units, users } from "../schema";
import { IGNORE_DUPLICATE_NOTIFICATIONS, INSERT_NOTIFICATION, notMuted } from "./notification-insert";
import { recordAuditIfChanged } from "./audit.queries";
import { hasRole } from "./users.queries";

type ModerationNotice = { subject: "idea" | "comment"; action: "hide" | "restore"; commentId?: number };

const u = alias(users, "u");

/** The idea's title, for a notification's payload. */
const titleOf = (ideaId: number) => sql`(SELECT ${ideas.title} FROM ${ideas} WHERE ${ideas.id} = ${ideaId})`;

/**
 * Tells the agency's active admins of a new report, if `reported` holds (the report row was written
 * by this batch).
 */
export function notifyAdminsOfReport(
  db: Database,
  input: {
    agencyId: number;
    ideaId: number;
    commentId: number | null;
    reporterId: number;
    reason: string;
    now: number;
  },
  reported: SQL,
) {
  const { agencyId, ideaId, commentId, reporterId, reason, now } = input;
  const subject = commentId === null ? `idea:${ideaId}` : `comment:${commentId}`;
  return db.run(sql`${INSERT_NOTIFICATION}
    SELECT ${agencyId}, ${u.id}, 'report_received',
      json_object('subject', ${commentId === null ? "idea" : "comment"}, 'ideaId', ${ideaId}, 'commentId', ${commentId},
        'title', ${titleOf(ideaId)}, 'reason', ${reason}),
      ${`report:${subject}:${reporterId}:`} || ${u.id}, ${now}
    FROM ${users} ${u}
    WHERE ${u.agencyId} = ${agencyId} AND ${u.active} AND ${hasRole(u.roles, "admin")} AND ${u.id} <> ${reporterId}
      AND ${notMuted(u.id, "report_received")} AND ${reported}
    ${IGNORE_DUPLICATE_NOTIFICATIONS}`);
}

/**
 * Tells the people concerned what the admin decided, with the reason, if the statement just
 * before changed a row: an idea's accepted team, or a comment's author.
 */
export function notifyOfDecision(
  db: Database,
  input: { agencyId: number; ideaId: number; reason: string; now: number } & ModerationNotice,
) {
  const { agencyId, ideaId, reason, now, subject, action, commentId } = input;
  const people =
    subject === "idea"
      ? sql`SELECT ${ideaAuthors.userId} AS id FROM ${ideaAuthors} WHERE ${ideaAuthors.ideaId} = ${ideaId} AND ${ideaAuthors.acceptedAt} IS NOT NULL`
      : sql`SELECT ${comments.authorId} AS id FROM ${comments} WHERE ${comments.id} = ${commentId ?? 0}`;
  return db.run(sql`${INSERT_NOTIFICATION}
    SELECT ${agencyId}, p.id, 'moderation',
      json_object('subject', ${subject}, 'action', ${action}, 'ideaId', ${ideaId}, 'commentId', ${commentId ?? null},
        'title', ${titleOf(ideaId)}, 'reason', ${reason}),
      ${`moderation:${subject}:${commentId ?? ideaId}:${action}:${now}:`} || p.id, ${now}
    FROM (${people}) p
    WHERE changes() = 1 AND ${notMuted(sql`p.id`, "moderation")}
    ${IGNORE_DUPLICATE_NOTIFICATIONS}`);
}

/** Someone outside the team reports an idea that is out in the open, once; the admins are told. */
export function reportIdeaStatements(
  db: Database,
  input: { ideaId: number; agencyId: number; reporterId: number; reason: string; now: number },
) {
  const { ideaId, agencyId, reporterId, reason, now } = input;
  const justReported = sql`EXISTS (SELECT 1 FROM ${ideaReports} WHERE ${ideaReports.ideaId} = ${ideaId} AND ${ideaReports.userId} = ${reporterId} AND ${ideaReports.createdAt} = ${now})`;
  return {
    reported: db
      .insert(ideaReports)
      .select(
        db
          .select(
            insertFields(ideaReports, {
              ideaId: ideas.id,
              userId: sql`${reporterId}`,
              reason: sql`${reason}`,
              createdAt: sql`${now}`,
            }),
          )
          .from(ideas)
          .where(
            and(
              eq(ideas.id, ideaId),
              eq(ideas.agencyId, agencyId),
              eq(ideas.listed, true),
              isNull(ideas.hiddenAt),
              sql`NOT EXISTS (SELECT 1 FROM ${ideaAuthors} WHERE ${ideaAuthors.ideaId} = ${ideaId} AND ${ideaAuthors.userId} = ${reporterId})`,
            ),
          ),
      )
      .onConflictDoNothing(),
    effects: [
      db
        .update(ideas)
        .set({ reportCount: sql`${ideas.reportCount} + 1` })
        .where(and(eq(ideas.id, ideaId), sql`changes() = 1`)),
      notifyAdminsOfReport(db, { agencyId, ideaId, commentId: null, reporterId, reason, now }, justReported),
      ...enqueueDeliveryStatements(db),
    ],
  };
}

type Decision = { ideaId: number; agencyId: number; actorId: number; reason: string; now: number };

/**
 * The admin hides an idea that is out in the open: its reports are dealt with (the audit row keeps
 * how many), and its team is told why.
 */
export function hideIdeaStatements(db: Database, input: Decision & { reports: number }) {
  const { ideaId, agencyId, actorId, reason, now, reports } = input;
  return {
    hidden: db
      .update(ideas)
      .set({ hiddenAt: now, hiddenReason: reason, hiddenBy: actorId, reportCount: 0 })
      .where(and(eq(ideas.id, ideaId), eq(ideas.agencyId, agencyId), eq(ideas.listed, true), isNull(ideas.hiddenAt))),
    effects: [
      recordAuditIfChanged(db, {
        agencyId,
        actorId,
        action: "idea.hide",
        subjectType: "idea",
        subjectId: ideaId,
        detail: { reason, reports },
        at: now,
      }),
      notifyOfDecision(db, { agencyId, ideaId, reason, now, subject: "idea", action: "hide" }),
      db
        .delete(ideaReports)
        .where(
          and(
            eq(ideaReports.ideaId, ideaId),
            sql`EXISTS (SELECT 1 FROM ${ideas} WHERE ${ideas.id} = ${ideaId} AND ${ideas.hiddenAt} = ${now} AND ${ideas.hiddenBy} = ${actorId})`,
          ),
        ),
      ...enqueueDeliveryStatements(db),
    ],
  };
}

/** The admin shows a hidden idea again, with a reason its team is told. */
export function restoreIdeaStatements(db: Database, input: Decision) {
  const { ideaId, agencyId, actorId, reason, now } = input;
  return {
    restored: db
      .update(ideas)
      .set({ hiddenAt: null, hiddenReason: null, hiddenBy: null })
      .where(and(eq(ideas.id, ideaId), eq(ideas.agencyId, agencyId), isNotNull(ideas.hiddenAt))),
    effects: [
      recordAuditIfChanged(db, {
        agencyId,
        actorId,
        action: "idea.restore",
        subjectType: "idea",
        subjectId: ideaId,
        detail: { reason },
        at: now,
      }),
      notifyOfDecision(db, { agencyId, ideaId, reason, now, subject: "idea", action: "restore" }),
      ...enqueueDeliveryStatements(db),
    ],
  };
}

/** The admin finds an idea's reports unfounded: they are dropped (the audit row keeps their reasons). */
export function dismissIdeaReportsStatements(
  db: Database,
  input: Omit<Decision, "reason"> & { reasons: readonly string[] },
) {
  const { ideaId, agencyId, actorId, now, reasons } = input;
  return {
    dismissed: db
      .update(ideas)
      .set({ reportCount: 0 })
      .where(and(eq(ideas.id, ideaId), eq(ideas.agencyId, agencyId), gt(ideas.reportCount, 0))),
    effects: [
      recordAuditIfChanged(db, {
        agencyId,
        actorId,
        action: "idea.dismiss_reports",
        subjectType: "idea",
        subjectId: ideaId,
        detail: { reasons },
        at: now,
      }),
      db.delete(ideaReports).where(and(eq(ideaReports.ideaId, ideaId), sql`changes() = 1`)),
    ],
  };
}

/** What the moderation rules and handlers need to know about an idea of the agency, hidden or not. */
export async function getModeratedIdea(db: Database, agencyId: number, ideaId: number, viewerId: number) {
  const [row] = await db
    .select({
      id: ideas.id,
      title: ideas.title,
      status: ideas.status,
      listed: ideas.listed,
      hiddenAt: ideas.hiddenAt,
      reportCount: ideas.reportCount,
      member:
        sql<number>`EXISTS (SELECT 1 FROM ${ideaAuthors} WHERE ${ideaAuthors.ideaId} = ${ideas.id} AND ${ideaAuthors.userId} = ${viewerId})`.as(
          "member",
        ),
    })
    .from(ideas)
    .where(and(eq(ideas.id, ideaId), eq(ideas.agencyId, agencyId)));
  return row;
}

/** Ideas with reports not yet dealt with, most reported first; keyset on `(report_count, id)`. */
export function listReportedIdeas(db: Database, agencyId: number, limit: number, after?: readonly [number, number]) {
  return db
    .select({
      id: ideas.id,
      title: ideas.title,
      problem: sql<string>`substr(${ideas.problem}, 1, 240)`.as("problem_excerpt"),
      status: ideas.status,
      reportCount: ideas.reportCount,
      authorName: as(users.name, "author_name"),
      unitName: as(units.name, "unit_name"),
    })
    .from(ideas)
    .innerJoin(users, eq(users.id, ideas.authorId))
    .innerJoin(units, eq(units.id, ideas.unitId))
    .where(
      and(
        eq(ideas.agencyId, agencyId),
        gt(ideas.reportCount, 0),
        isNull(ideas.hiddenAt),
        after
          ? or(lt(ideas.reportCount, after[0]), and(eq(ideas.reportCount, after[0]), lt(ideas.id, after[1])))
          : undefined,
      ),
    )
    .orderBy(desc(ideas.reportCount), desc(ideas.id))
    .limit(limit + 1);
}

/** Why these ideas were reported, newest first. */
export function listIdeaReportReasons(db: Database, ideaIds: readonly number[]) {
  return db
    .select({ ideaId: ideaReports.ideaId, reason: ideaReports.reason, at: ideaReports.createdAt })
    .from(ideaReports)
    .where(inArray(ideaReports.ideaId, [...ideaIds]))
    .orderBy(desc(ideaReports.createdAt));
}

/**
 * What the admins hid, newest first: ideas and comments in one list, keyset on `(hidden_at, kind, id)`.
 * Both arms read the partial `*_hidden` indexes: only hidden rows.
 */
export function listHidden(db: Database, agencyId: number, limit: number, after?: readonly [number, string, number]) {
  const [i, c, a, b] = [alias(ideas, "i"), alias(comments, "c"), alias(users, "a"), alias(users, "b")];
  /** the keyset condition in one arm: its table's hidden time and id, and its constant kind */
  const key = (hiddenAt: SQLiteColumn, rowId: SQLiteColumn, kind: "idea" | "comment") => {
    if (!after) return sql`1`;
    const [at, afterKind, id] = after;
    return sql`(${hiddenAt} < ${at} OR (${hiddenAt} = ${at} AND (${kind} < ${afterKind} OR (${kind} = ${afterKind} AND ${rowId} < ${id}))))`;
  };
  return db.all<{
    kind: "idea" | "comment";
    id: number;
    ideaId: number;
    title: string;
    body: string;
    reason: string | null;
    hiddenAt: number;
    byName: string | null;
    authorName: string;
  }>(sql`SELECT * FROM (
      SELECT 'idea' AS kind, ${i.id} AS id, ${i.id} AS ideaId, ${i.title} AS title, substr(${i.problem}, 1, 240) AS body,
        ${i.hiddenReason} AS reason, ${i.hiddenAt} AS hiddenAt, ${b.name} AS byName, ${a.name} AS authorName
      FROM ${ideas} ${i} JOIN ${users} ${a} ON ${a.id} = ${i.authorId} LEFT JOIN ${users} ${b} ON ${b.id} = ${i.hiddenBy}
      WHERE ${i.agencyId} = ${agencyId} AND ${i.hiddenAt} IS NOT NULL AND ${key(i.hiddenAt, i.id, "idea")}
      UNION ALL
      SELECT 'comment', ${c.id}, ${c.ideaId}, ${i.title}, substr(${c.body}, 1, 240), ${c.hiddenReason}, ${c.hiddenAt}, ${b.name}, ${a.name}
      FROM ${comments} ${c} JOIN ${ideas} ${i} ON ${i.id} = ${c.ideaId} JOIN ${users} ${a} ON ${a.id} = ${c.authorId}
        LEFT JOIN ${users} ${b} ON ${b.id} = ${c.hiddenBy}
      WHERE ${c.agencyId} = ${agencyId} AND ${c.hiddenAt} IS NOT NULL AND ${c.deletedAt} IS NULL AND ${key(c.hiddenAt, c.id, "comment")}
    ) ORDER BY hiddenAt DESC, kind DESC, id DESC LIMIT ${limit + 1}`);
}
