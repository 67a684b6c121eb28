/**
 * What the scheduler derives from the bench agency's activity: the notifications it would have
 * sent, the dashboard's counters and participants, and every job's watermark past the seeded rows.
 */
import { sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  awardRecipients,
  comments,
  ideaAuthors,
  ideaEvents,
  ideas,
  jobWatermarks,
  notifications,
  participants,
  pointLedger,
  reviewAssignments,
  statsCounters,
  userBadges,
  users,
  votes,
} from "../../src/db/schema.ts";
import { localMonthSql } from "../../src/domain/time-zone.ts";
import { columnList } from "../../src/db/raw.ts";
import { db, domainSql, insertSelect, sqlText } from "../seed/sql.ts";
import { zoneOf } from "./seed-activity.ts";
import { DAY, type BenchPlan } from "./seed-plan.ts";

/** The newest id of a table (SQL), or 0. */
const newest = (table: SQLiteTable, id: SQL | SQLiteColumn) => sql`(SELECT coalesce(max(${id}), 0) FROM ${table})`;

/** Each job's watermark: the newest row of what it reads. */
const WATERMARKS: Record<string, SQL> = {
  votes: newest(votes, votes.id),
  stats_votes: newest(votes, votes.id),
  comments: newest(comments, comments.id),
  stats_comments: newest(comments, comments.id),
  idea_events: newest(ideaEvents, ideaEvents.id),
  stats_idea_events: newest(ideaEvents, ideaEvents.id),
  review_assignments: newest(reviewAssignments, reviewAssignments.id),
  point_ledger: newest(pointLedger, pointLedger.id),
  point_totals: newest(pointLedger, pointLedger.id),
  // user_badges has no id of its own
  user_badges: newest(userBadges, sql.raw("rowid")),
  award_recipients: newest(awardRecipients, awardRecipients.id),
  outbox_mail: newest(notifications, notifications.id),
  deliveries: newest(notifications, notifications.id),
};

const i = alias(ideas, "i");
const a = alias(ideaAuthors, "a");
const u = alias(users, "u");
const e = alias(ideaEvents, "e");

/** What the scheduler would have told people: votes and comments on their ideas, new assignments. */
export function notificationsSql(p: BenchPlan): string[] {
  const { agency } = p;
  const read = (at: SQLiteColumn) => sql`${at} + 3600000`;
  const v = alias(votes, "v");
  const c = alias(comments, "c");
  const r = alias(reviewAssignments, "r");
  return [
    insertSelect(
      notifications,
      {
        agencyId: v.agencyId,
        userId: a.userId,
        kind: "vote_on_my_idea",
        payload: sql`json_object('ideaId', ${i.id}, 'title', ${i.title})`,
        dedupeKey: sql`'vote:' || ${v.id} || ':' || ${a.userId}`,
        createdAt: v.createdAt,
        readAt: read(v.createdAt),
      },
      sql`FROM ${votes} ${v} JOIN ${ideas} ${i} ON ${i.id} = ${v.ideaId} JOIN ${ideaAuthors} ${a} ON ${a.ideaId} = ${v.ideaId} AND ${a.acceptedAt} IS NOT NULL AND ${a.userId} <> ${v.userId}
     WHERE ${v.agencyId} = ${agency}`,
    ),
    insertSelect(
      notifications,
      {
        agencyId: c.agencyId,
        userId: a.userId,
        kind: "comment_on_my_idea",
        payload: sql`json_object('ideaId', ${i.id}, 'title', ${i.title}, 'commentId', ${c.id}, 'actorName', ${u.name})`,
        dedupeKey: sql`'comment:' || ${c.id} || ':' || ${a.userId}`,
        createdAt: c.createdAt,
        readAt: read(c.createdAt),
      },
      sql`FROM ${comments} ${c} JOIN ${ideas} ${i} ON ${i.id} = ${c.ideaId} JOIN ${users} ${u} ON ${u.id} = ${c.authorId}
       JOIN ${ideaAuthors} ${a} ON ${a.ideaId} = ${c.ideaId} AND ${a.acceptedAt} IS NOT NULL AND ${a.userId} <> ${c.authorId}
     WHERE ${c.agencyId} = ${agency} AND ${c.deletedAt} IS NULL`,
    ),
    insertSelect(
      notifications,
      {
        agencyId: r.agencyId,
        userId: r.reviewerId,
        kind: "review_assigned",
        payload: sql`json_object('ideaId', ${i.id}, 'title', ${i.title}, 'assignmentId', ${r.id}, 'campaignId', ${r.campaignId}, 'dueAt', ${r.dueAt})`,
        dedupeKey: sql`'assigned:' || ${r.id}`,
        createdAt: r.createdAt,
        readAt: read(r.createdAt),
      },
      sql`FROM ${reviewAssignments} ${r} JOIN ${ideas} ${i} ON ${i.id} = ${r.ideaId} WHERE ${r.agencyId} = ${agency}`,
    ),
  ].map(sqlText);
}

/** People read what came before; the newest few of the last week are still unread. */
export function unreadSql(p: BenchPlan): string[] {
  const { agency, now } = p;
  const n = notifications;
  return [
    sqlText(
      db
        .update(n)
        .set({ readAt: null })
        .where(
          sql`${n.id} IN (
       SELECT id FROM (SELECT ${n.id} AS id, ${n.createdAt} AS created_at, row_number() OVER (PARTITION BY ${n.userId} ORDER BY ${n.createdAt} DESC, ${n.id} DESC) AS n
                       FROM ${n} WHERE ${n.agencyId} = ${agency})
       WHERE n <= 8 AND created_at > ${now - 7 * DAY})`,
        ),
    ),
  ];
}

/**
 * The dashboard's counters, as `src/db/queries/stats-derive.queries.ts` counts them (each figure
 * for the agency, campaign 0, and for the row's campaign), and the participants they count.
 */
export function statsSql(p: BenchPlan): string[] {
  const { agency, now } = p;
  const scopes = sql`CROSS JOIN (SELECT 0 AS per_campaign UNION ALL SELECT 1) sc`;
  const scoped = (column: SQL | SQLiteColumn) => sql`CASE sc.per_campaign WHEN 1 THEN ${column} ELSE 0 END`;
  const s = statsCounters;
  const counter = sql`INSERT INTO ${s} (${columnList(s.agencyId, s.campaignId, s.metric, s.bucket, s.value)})`;
  const add = sql`ON CONFLICT(${columnList(s.agencyId, s.campaignId, s.metric, s.bucket)}) DO UPDATE SET ${columnList(s.value)} = ${s.value} + excluded.${columnList(s.value)}`;
  const events = sql`FROM ${ideaEvents} ${e} JOIN ${ideas} ${i} ON ${i.id} = ${e.ideaId} ${scopes} WHERE ${e.agencyId} = ${agency}`;
  const month = domainSql(localMonthSql, e.at, zoneOf(agency));
  const perEvent = (metric: string, bucket: SQL | SQLiteColumn, where: SQL) =>
    sql`${counter} SELECT ${e.agencyId}, ${scoped(i.campaignId)}, ${metric}, ${bucket}, count(*) ${events} AND ${where} GROUP BY 1, 2, 4 ${add}`;
  const v = alias(votes, "v");
  const c = alias(comments, "c");
  const pt = participants;
  return [
    perEvent(
      "funnel",
      e.toStatus,
      sql`${e.action} IN ('submit', 'start_review', 'shortlist', 'approve', 'implement', 'reject')`,
    ),
    perEvent("submitted_month", month, sql`${e.action} = 'submit'`),
    perEvent("submitted_category", i.category, sql`${e.action} = 'submit'`),
    perEvent("submitted_unit", sql`CAST(${i.unitId} AS TEXT)`, sql`${e.action} = 'submit'`),
    sql`${counter} SELECT ${e.agencyId}, ${scoped(i.campaignId)}, m.metric, 'all', sum(CASE m.metric WHEN 'decision_count' THEN 1 ELSE ${e.at} - ${i.submittedAt} END)
       FROM ${ideaEvents} ${e} JOIN ${ideas} ${i} ON ${i.id} = ${e.ideaId} ${scopes}
       CROSS JOIN (SELECT 'decision_count' AS metric UNION ALL SELECT 'decision_ms_sum') m
       WHERE ${e.agencyId} = ${agency} AND ${e.action} IN ('approve', 'reject') AND ${i.submittedAt} IS NOT NULL
       GROUP BY 1, 2, 3 ${add}`,
    // who took part, and how (each person once per activity and scope, with their unit)
    sql`INSERT INTO ${pt} (${columnList(pt.agencyId, pt.campaignId, pt.userId, pt.activity, pt.unitId)})
     SELECT DISTINCT ${agency}, ${scoped(sql.raw("x.campaign_id"))} AS campaign, x.user_id, CASE a.any_ WHEN 1 THEN 'any' ELSE x.activity END AS activity, x.unit_id
     FROM (SELECT DISTINCT ${i.campaignId} AS campaign_id, ${e.actorId} AS user_id, ${u.unitId} AS unit_id, 'submitted' AS activity
             FROM ${ideaEvents} ${e} JOIN ${ideas} ${i} ON ${i.id} = ${e.ideaId} JOIN ${users} ${u} ON ${u.id} = ${e.actorId}
             WHERE ${e.agencyId} = ${agency} AND ${e.action} = 'submit'
           UNION SELECT ${v.campaignId}, ${v.userId}, ${v.unitId}, 'voted' FROM ${votes} ${v} WHERE ${v.agencyId} = ${agency}
           UNION SELECT ${i.campaignId}, ${c.authorId}, ${u.unitId}, 'commented'
             FROM ${comments} ${c} JOIN ${ideas} ${i} ON ${i.id} = ${c.ideaId} JOIN ${users} ${u} ON ${u.id} = ${c.authorId} WHERE ${c.agencyId} = ${agency}) x
     ${scopes}
     CROSS JOIN (SELECT 0 AS any_ UNION ALL SELECT 1) a
     WHERE 1
     ORDER BY 2, 4, 3
     ON CONFLICT DO NOTHING`,
    sql`${counter} SELECT ${pt.agencyId}, ${pt.campaignId}, 'participants_unit', ${pt.activity} || ':' || ${pt.unitId}, count(*) FROM ${pt}
     WHERE ${pt.agencyId} = ${agency} GROUP BY ${pt.agencyId}, ${pt.campaignId}, ${pt.activity}, ${pt.unitId} ${add}`,
    sql`${counter} SELECT ${users.agencyId}, 0, 'asn_unit', CAST(${users.unitId} AS TEXT), count(*) FROM ${users} WHERE ${users.agencyId} = ${agency} AND ${users.active} = 1
     GROUP BY ${users.agencyId}, ${users.unitId} ${add}`,
    // every job's watermark past the seeded rows: the first scheduler run finds nothing to do
    db.update(jobWatermarks).set({
      lastId: sql`CASE ${jobWatermarks.name}
       ${sql.join(
         Object.entries(WATERMARKS).map(([name, newest]) => sql`WHEN ${name} THEN ${newest}`),
         sql`\n       `,
       )}
       WHEN 'asn_units' THEN ${now}
       ELSE ${jobWatermarks.lastId} END`,
    }),
  ].map(sqlText);
}
