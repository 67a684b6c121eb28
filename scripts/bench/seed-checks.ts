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
import { totalsOfLedgerText } from "../../src/db/queries/reward-totals.queries.ts";
import { HOT, sqlFragment } from "../seed/sql.ts";
import type { BenchPlan } from "./seed-plan.ts";

/** One invariant: `broken` counts the rows of `from` (a FROM … WHERE clause), the rows that break it. */
const check = (name: string, from: SQL) => sqlFragment(sql`SELECT ${name} AS "check", count(*) AS broken ${from}`);

const TOTALS_COLUMNS =
  "agency_id, subject_type, subject_id, all_points, year_key, year_points, quarter_key, quarter_points, month_key, month_points";

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
    // the totals are the agency's ledger summed at once: every subject's row as computed, and no other
    `WITH s AS MATERIALIZED (${totalsOfLedgerText(`l.agency_id = ${a}`)})
     SELECT 'point_totals = ledger sums' AS "check",
       (SELECT count(*) FROM (SELECT * FROM s EXCEPT SELECT ${TOTALS_COLUMNS} FROM point_totals WHERE agency_id = ${a}))
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
