/** Checks of the seeded agency: the invariants it must hold, and its row counts for the report. */
import { totalsOfLedgerText } from "../../src/db/queries/reward-totals.queries.ts";
import { HOT_SQL } from "../seed/sql.ts";
import type { BenchPlan } from "./seed-plan.ts";

const TOTALS_COLUMNS =
  "agency_id, subject_type, subject_id, all_points, year_key, year_points, quarter_key, quarter_points, month_key, month_points";

/**
 * Invariants the seed must hold; each query answers one row `{ check, broken }`, `broken` 0 when it holds.
 */
export function benchInvariantQueries(p: BenchPlan): string[] {
  const a = p.agency;
  return [
    `SELECT 'vote_count = count(votes)' AS "check", count(*) AS broken FROM ideas i
       WHERE i.agency_id = ${a} AND i.vote_count <> (SELECT count(*) FROM votes v WHERE v.idea_id = i.id)`,
    `SELECT 'comment_count = visible comments' AS "check", count(*) AS broken FROM ideas i
       WHERE i.agency_id = ${a} AND i.comment_count <> (SELECT count(*) FROM comments c WHERE c.idea_id = i.id AND c.deleted_at IS NULL AND c.hidden_at IS NULL)`,
    `SELECT 'hot = log(votes) + submitted/45000s' AS "check", count(*) AS broken FROM ideas
       WHERE agency_id = ${a} AND abs(hot - ${HOT_SQL}) > 1e-9`,
    `SELECT 'no vote by the idea''s team' AS "check", count(*) AS broken FROM votes v
       JOIN idea_authors t ON t.idea_id = v.idea_id AND t.user_id = v.user_id WHERE v.agency_id = ${a}`,
    // the totals are the agency's ledger summed at once: every subject's row as computed, and no other
    `WITH s AS MATERIALIZED (${totalsOfLedgerText(`l.agency_id = ${a}`)})
     SELECT 'point_totals = ledger sums' AS "check",
       (SELECT count(*) FROM (SELECT * FROM s EXCEPT SELECT ${TOTALS_COLUMNS} FROM point_totals WHERE agency_id = ${a}))
       + abs((SELECT count(*) FROM point_totals WHERE agency_id = ${a}) - (SELECT count(*) FROM s)) AS broken`,
    `SELECT 'listed = not draft/withdrawn/merged' AS "check", count(*) AS broken FROM ideas
       WHERE agency_id = ${a} AND listed <> (status NOT IN ('draft', 'withdrawn', 'merged'))`,
  ];
}

/** Row counts of the seeded agency, for the report. */
export function benchCountQuery(p: BenchPlan): string {
  const a = p.agency;
  const count = (table: string, where = `agency_id = ${a}`) =>
    `(SELECT count(*) FROM ${table} WHERE ${where}) AS ${table}`;
  return `SELECT ${[
    count("users"),
    count("units"),
    count("campaigns"),
    count("ideas"),
    count("idea_events"),
    count("votes"),
    count("comments"),
    count("review_assignments"),
    count("reviews"),
    count("point_ledger"),
    count("point_totals"),
    count("user_badges"),
    count("notifications"),
    count("stats_counters"),
    count("participants"),
  ].join(", ")}`;
}
