/** Checks of the seeded agency: the invariants it must hold, and its row counts for the report. */
import { PERIODS_AND_SUBJECTS_SQL, periodOfDaySql } from "../../src/domain/reward-periods.ts";
import { HOT, sqlFragment } from "../seed/sql.ts";
import type { BenchPlan } from "./seed-plan.ts";

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
       WHERE agency_id = ${a} AND abs(hot - ${sqlFragment(HOT)}) > 1e-9`,
    `SELECT 'no vote by the idea''s team' AS "check", count(*) AS broken FROM votes v
       JOIN idea_authors t ON t.idea_id = v.idea_id AND t.user_id = v.user_id WHERE v.agency_id = ${a}`,
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
