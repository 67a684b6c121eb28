/**
 * What the agency's people did, in bulk: votes and comments following each idea's popularity, the
 * ledger and totals they earn, the notifications and dashboard counters the scheduler derives.
 */
import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  agencies,
  campaigns,
  comments,
  follows,
  ideas,
  pointLedger,
  userBadges,
  users,
  votes,
} from "../../src/db/schema.ts";
import { BADGES } from "../../src/domain/badges.ts";
import { addLedgerToTotalsText } from "../../src/db/queries/reward-totals.queries.ts";
import { localDaySql } from "../../src/domain/time-zone.ts";
import { db, domainSql, HOT, insertSelect, onConflictDoNothing, sqlText } from "../seed/sql.ts";
import { PROBLEMS, SOLUTIONS } from "./seed-data.ts";
import { DAY, least, pick, u, word, type BenchPlan } from "./seed-plan.ts";
export { notificationsSql, statsSql, unreadSql } from "./seed-stats.ts";

/** The bench agency's zone, as an SQL expression (a constant subquery: SQLite reads it once). */
export const zoneOf = (agency: number) =>
  sql`(SELECT ${agencies.timeZone} FROM ${agencies} WHERE ${agencies.id} = ${agency})`;

const i = alias(ideas, "i");
const c = alias(campaigns, "c");

/**
 * How many of `total` rows each listed idea gets, in proportion to its weight (parked in `hot`):
 * the difference of the rounded-down running share, so the counts add up to `total` exactly.
 */
function shareOf(p: BenchPlan, total: number, cap: number): SQL {
  return sql`e AS (SELECT ${i.id} AS id, ${i.campaignId} AS campaign_id, ${i.authorId} AS author_id, ${i.submittedAt} AS submitted_at, ${i.hot} AS w,
             ${c.kind} AS kind, ${c.votingStart} AS voting_start, ${c.votingEnd} AS voting_end,
             sum(${i.hot}) OVER (ORDER BY ${i.id}) AS cum
           FROM ${ideas} ${i} JOIN ${campaigns} ${c} ON ${c.id} = ${i.campaignId} WHERE ${i.agencyId} = ${p.agency} AND ${i.listed} = 1),
     tot AS (SELECT sum(w) AS total FROM e),
     k AS (SELECT e.*, min(${cap}, CAST(${total} * e.cum / tot.total AS INTEGER) - CAST(${total} * (e.cum - e.w) / tot.total AS INTEGER)) AS k
           FROM e, tot)`;
}

export function votesSql(p: BenchPlan): string[] {
  const { size, agency, now, user0 } = p;
  const n = size.users;
  const v = alias(users, "v");
  // the voting window: the Kotak Ide's first 60 days, a competition's voting phase (so far)
  const lo = sql`CASE WHEN kind = 'open' THEN submitted_at ELSE max(submitted_at, voting_start) END`;
  const hi = sql`CASE WHEN kind = 'open' THEN ${least(now - 60_000, `submitted_at + ${60 * DAY}`)} ELSE ${least("voting_end", now - 60_000)} END`;
  // voters: an arithmetic progression (step coprime with the ASN count) from just after the team
  const voter = sql`${user0} + 1 + ((r.author_id - ${user0} - 1 + 2 + r.j * 7919) % ${n})`;
  const coauthor = sql`${user0} + 1 + ((r.author_id - ${user0}) % ${n})`;
  return [
    sqlText(sql`WITH RECURSIVE ${shareOf(p, size.votes, n - 3)},
     r(id, j, k, author_id, campaign_id, lo, hi) AS (
       SELECT id, 0, k, author_id, campaign_id, ${lo}, ${hi} FROM k WHERE k > 0
       UNION ALL SELECT id, j + 1, k, author_id, campaign_id, lo, hi FROM r WHERE j + 1 < k)
     ${insertSelect(
       votes,
       {
         agencyId: agency,
         campaignId: sql.raw("r.campaign_id"),
         ideaId: sql.raw("r.id"),
         userId: v.id,
         unitId: v.unitId,
         createdAt: sql`r.lo + CAST((r.hi - r.lo) * ${u("r.j * 131071 + r.id", 61)} AS INTEGER)`,
       },
       sql`FROM r JOIN ${users} ${v} ON ${v.id} = ${voter}
     WHERE ${v.id} <> r.author_id AND ${v.id} <> ${coauthor}
       AND NOT (${v.id} = ${p.personas.voter} AND r.campaign_id = ${p.inVoting})`,
     )}`),
  ];
}

export function commentsSql(p: BenchPlan): string[] {
  const { size, agency, now, user0 } = p;
  const hi = least(now - 60_000, `submitted_at + ${90 * DAY}`);
  const at = sql`r.lo + CAST((r.hi - r.lo) * (r.j + ${u("r.j * 131071 + r.id", 71)}) / r.k AS INTEGER)`;
  return [
    sqlText(sql`WITH RECURSIVE ${shareOf(p, size.comments, 1000)},
     r(id, j, k, lo, hi) AS (
       SELECT id, 0, k, submitted_at, ${hi} FROM k WHERE k > 0
       UNION ALL SELECT id, j + 1, k, lo, hi FROM r WHERE j + 1 < k)
     ${insertSelect(
       comments,
       {
         agencyId: agency,
         ideaId: sql.raw("r.id"),
         authorId: sql`${user0} + 1 + ${pick("r.j * 131071 + r.id", 72, size.users)}`,
         parentId: null,
         body: sql`'Usul yang bagus. Di unit kami ' || ${word(PROBLEMS, "r.j * 131071 + r.id", 73)} || ', jadi ' || ${word(SOLUTIONS, "r.j * 131071 + r.id", 74)} || ' akan sangat membantu.'`,
         deletedAt: sql`CASE WHEN ${u("r.j * 131071 + r.id", 75)} < 0.01 THEN ${at} + 3600000 END`,
         createdAt: at,
       },
       sql`FROM r`,
     )}`),
  ];
}

/** Replies and follows, once the comments are indexed. */
export function threadsSql(p: BenchPlan): string[] {
  const { agency } = p;
  const x = alias(comments, "c");
  const first = sql`(SELECT min(${x.id}) FROM ${comments} ${x} WHERE ${x.ideaId} = ${comments.ideaId})`;
  return [
    // every third comment answers the idea's first one (replies go one level deep)
    sqlText(
      db
        .update(comments)
        .set({ parentId: first })
        .where(sql`${comments.agencyId} = ${agency} AND ${comments.id} % 3 = 2 AND ${comments.id} > ${first}`),
    ),
    sqlText(
      insertSelect(
        follows,
        { ideaId: comments.ideaId, userId: comments.authorId, createdAt: sql`min(${comments.createdAt})` },
        sql`FROM ${comments} WHERE ${comments.agencyId} = ${agency} GROUP BY ${comments.ideaId}, ${comments.authorId}
     ON CONFLICT DO NOTHING`,
      ),
    ),
  ];
}

/** The counts and the trending score, from the rows. */
export function countsSql(p: BenchPlan): string[] {
  const { agency } = p;
  const v = alias(votes, "v");
  const x = alias(comments, "c");
  return [
    db
      .update(ideas)
      .set({
        voteCount: sql`(SELECT count(*) FROM ${votes} ${v} WHERE ${v.ideaId} = ${ideas.id})`,
        commentCount: sql`(SELECT count(*) FROM ${comments} ${x} WHERE ${x.ideaId} = ${ideas.id} AND ${x.deletedAt} IS NULL AND ${x.hiddenAt} IS NULL)`,
      })
      .where(sql`${ideas.agencyId} = ${agency}`),
    db
      .update(ideas)
      .set({ hot: HOT })
      .where(sql`${ideas.agencyId} = ${agency}`),
  ].map(sqlText);
}

/** Two ledger rows per vote, keyed as the reward engine keys them, then the totals from the ledger. */
export function rewardsSql(p: BenchPlan) {
  const { agency } = p;
  const l = alias(pointLedger, "l");
  const badge = (key: string, rule: string, partition: SQL, count: number) =>
    sqlText(
      insertSelect(
        userBadges,
        {
          userId: l.userId,
          badgeKey: key,
          agencyId: l.agencyId,
          cause: sql`json_object('event', ${l.eventType}, 'subjectType', ${l.subjectType}, 'subjectId', ${l.subjectId})`,
          at: l.at,
        },
        sql`FROM (SELECT ${l.userId}, ${l.agencyId}, ${l.eventType}, ${l.subjectType}, ${l.subjectId}, ${l.at},
             row_number() OVER (PARTITION BY ${partition} ORDER BY ${l.at}, ${l.id}) AS n
           FROM ${pointLedger} ${l} NOT INDEXED WHERE ${l.agencyId} = ${agency} AND ${l.ruleKey} = ${rule}) ${l}
     WHERE ${l}.n = ${count}
     ${onConflictDoNothing(userBadges.userId, userBadges.badgeKey)}`,
      ),
    );
  const badges = BADGES.flatMap((b) => {
    const t = b.trigger;
    if (t.kind === "count" && t.rule === "vote_cast") return [badge(b.key, "vote_cast", sql`${l.userId}`, t.count)];
    if (t.kind === "votes") return [badge(b.key, "vote_received", sql`${l.userId}, ${l.subjectId}`, t.count)];
    return [];
  });
  const v = alias(votes, "v");
  const first = sql.raw("CASE x.n WHEN 0");
  return {
    ledger: sqlText(
      insertSelect(
        pointLedger,
        {
          agencyId: sql.raw("v.agency_id"),
          userId: sql`${first} THEN v.user_id ELSE v.author_id END`,
          unitId: sql`${first} THEN v.unit_id ELSE v.author_unit_id END`,
          points: sql`${first} THEN 1 ELSE 2 END`,
          eventType: "vote_cast",
          subjectType: "idea",
          subjectId: sql.raw("v.idea_id"),
          ruleKey: sql`${first} THEN 'vote_cast' ELSE 'vote_received' END`,
          rulesVersion: 0,
          idempotencyKey: sql`v.key || ${first} THEN 'vote_cast:user:' || v.user_id ELSE 'vote_received:user:' || v.author_id END`,
          actorId: sql.raw("v.user_id"),
          day: sql.raw("v.day"),
          at: sql.raw("v.created_at"),
        },
        sql`FROM (SELECT ${v.agencyId} AS agency_id, ${v.userId} AS user_id, ${v.unitId} AS unit_id, ${v.ideaId} AS idea_id, ${v.createdAt} AS created_at,
             ${i.authorId} AS author_id, ${i.unitId} AS author_unit_id,
             'vote:idea:' || ${v.ideaId} || ':voter:' || ${v.userId} || ':' AS key, ${domainSql(localDaySql, v.createdAt, zoneOf(agency))} AS day
           FROM ${votes} ${v} JOIN ${ideas} ${i} ON ${i.id} = ${v.ideaId} WHERE ${v.agencyId} = ${agency}) v
       CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1) x`,
      ),
    ),
    // the scheduler's fold over the agency's whole ledger: one totals row per person and unit
    totals: addLedgerToTotalsText(`l.agency_id = ${agency}`),
    badges,
  };
}
