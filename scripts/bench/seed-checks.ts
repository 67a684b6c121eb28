/** Checks of the seeded agency: the invariants it must hold, and its row counts for the report. */
import { getTableName, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  campaigns,
  comments,
  ideaAuthors,
  ideaEvents,
  ideas,
  notifications,
  participants,
  pointLedger,
  pointTotals,
  reviewAssignments,
  reviews,
  statsCounters,
  units,
  userBadges,
  users,
  votes,
} from "../../src/db/schema.ts";
import { PERIODS_AND_SUBJECTS_SQL, periodOfDaySql } from "../../src/domain/reward-periods.ts";
import { HOT, sqlFragment } from "../seed/sql.ts";
import type { BenchPlan } from "./seed-plan.ts";

/** One invariant: `broken` counts the rows of `from` (a FROM … WHERE clause), the rows that break it. */
const check = (name: string, from: SQL) => sqlFragment(sql`SELECT ${name} AS "check", count(*) AS broken ${from}`);

/**
 * Invariants the seed must hold; each query answers one row `{ check, broken }`, `broken` 0 when it holds.
 */
export function benchInvariantQueries(p: BenchPlan): string[] {
  const a = p.agency;
  const i = alias(ideas, "i");
  const v = alias(votes, "v");
  const c = alias(comments, "c");
  const t = alias(ideaAuthors, "t");
  return [
    check(
      "vote_count = count(votes)",
      sql`FROM ${ideas} ${i}
       WHERE ${i.agencyId} = ${a} AND ${i.voteCount} <> (SELECT count(*) FROM ${votes} ${v} WHERE ${v.ideaId} = ${i.id})`,
    ),
    check(
      "comment_count = visible comments",
      sql`FROM ${ideas} ${i}
       WHERE ${i.agencyId} = ${a} AND ${i.commentCount} <> (SELECT count(*) FROM ${comments} ${c} WHERE ${c.ideaId} = ${i.id} AND ${c.deletedAt} IS NULL AND ${c.hiddenAt} IS NULL)`,
    ),
    check(
      "hot = log(votes) + submitted/45000s",
      sql`FROM ${ideas}
       WHERE ${ideas.agencyId} = ${a} AND abs(${ideas.hot} - ${HOT}) > 1e-9`,
    ),
    check(
      "no vote by the idea's team",
      sql`FROM ${votes} ${v}
       JOIN ${ideaAuthors} ${t} ON ${t.ideaId} = ${v.ideaId} AND ${t.userId} = ${v.userId} WHERE ${v.agencyId} = ${a}`,
    ),
    // every ledger sum has its total (by the totals' primary key), and there are no other totals
    `WITH s AS MATERIALIZED (
       SELECT ${periodOfDaySql("l.day", "p.n")} AS period, k.kind AS kind, CASE k.kind WHEN 'user' THEN l.user_id ELSE l.unit_id END AS subject,
         sum(l.points) AS points
       FROM (SELECT user_id, unit_id, day, sum(points) AS points FROM point_ledger WHERE agency_id = ${a} GROUP BY user_id, unit_id, day) l
         CROSS JOIN ${PERIODS_AND_SUBJECTS_SQL}
       GROUP BY 1, 2, 3)
     SELECT 'point_totals = ledger sums' AS "check",
       (SELECT count(*) FROM s LEFT JOIN point_totals t
          ON t.agency_id = ${a} AND t.period = s.period AND t.subject_type = s.kind AND t.subject_id = s.subject
        WHERE t.points IS NOT s.points)
       + abs((SELECT count(*) FROM point_totals WHERE agency_id = ${a}) - (SELECT count(*) FROM s)) AS broken`,
    check(
      "listed = not draft/withdrawn/merged",
      sql`FROM ${ideas}
       WHERE ${ideas.agencyId} = ${a} AND ${ideas.listed} <> (${ideas.status} NOT IN ('draft', 'withdrawn', 'merged'))`,
    ),
  ];
}

/** Row counts of the seeded agency, for the report. */
export function benchCountQuery(p: BenchPlan): string {
  const a = p.agency;
  const tables = [
    users,
    units,
    campaigns,
    ideas,
    ideaEvents,
    votes,
    comments,
    reviewAssignments,
    reviews,
    pointLedger,
    pointTotals,
    userBadges,
    notifications,
    statsCounters,
    participants,
  ];
  const count = (table: (typeof tables)[number]) =>
    sql`(SELECT count(*) FROM ${table} WHERE ${table.agencyId} = ${a}) AS ${sql.identifier(getTableName(table))}`;
  return sqlFragment(sql`SELECT ${sql.join(tables.map(count), sql`, `)}`);
}
