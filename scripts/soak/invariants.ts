/**
 * What must hold in D1 after any mix of requests, as SQL that returns the rows breaking it (none,
 * when all is well). Run against a local D1 with `wrangler d1 execute --json`, all in one call.
 */
import { totalsOfLedgerText } from "../../src/db/queries/reward-totals.queries.ts";
import { wrangler } from "../wrangler.ts";

export type Invariant = { name: string; sql: string };

/** At most this many offending rows are fetched per invariant (the count says if there were more). */
const SAMPLE = 20;

const LISTED = "('submitted', 'in_review', 'shortlisted', 'approved', 'implemented', 'rejected')";
const STATUSES = `('draft', 'withdrawn', 'merged', ${LISTED.slice(1)}`;

/**
 * The ledger rows the totals hold: the scheduler folds the ledger into the totals each minute
 * (docs/rewards.md), so a total equals its rows up to the fold's watermark; rows past it are
 * counted by the reads that need them exact (a person's own points).
 */
const FOLDED = `l.id <= coalesce((SELECT last_id FROM job_watermarks WHERE name = 'point_totals'), 0)`;

/**
 * The totals rows the folded ledger makes, computed from all of it at once (the fold adds it up a
 * minute at a time): all time, and each subject's newest year, quarter and month with their sums.
 */
const EXPECTED_TOTALS = totalsOfLedgerText(FOLDED);
const TOTALS_COLUMNS =
  "agency_id, subject_type, subject_id, all_points, year_key, year_points, quarter_key, quarter_points, month_key, month_points";

export const INVARIANTS: Invariant[] = [
  {
    name: "vote_count equals the idea's vote rows",
    sql: `SELECT i.id, i.vote_count, (SELECT count(*) FROM votes v WHERE v.idea_id = i.id) AS vote_rows
      FROM ideas i WHERE i.vote_count <> (SELECT count(*) FROM votes v WHERE v.idea_id = i.id)`,
  },
  {
    name: "comment_count equals the idea's visible comments",
    sql: `SELECT i.id, i.comment_count, (SELECT count(*) FROM comments c WHERE c.idea_id = i.id
        AND c.deleted_at IS NULL AND c.hidden_at IS NULL) AS visible
      FROM ideas i WHERE i.comment_count <> (SELECT count(*) FROM comments c WHERE c.idea_id = i.id
        AND c.deleted_at IS NULL AND c.hidden_at IS NULL)`,
  },
  {
    name: "every current period total of a person or unit equals the sum of its folded ledger rows in that period",
    sql: `SELECT 'missing or different' AS problem, * FROM (SELECT * FROM (${EXPECTED_TOTALS})
        EXCEPT SELECT ${TOTALS_COLUMNS} FROM point_totals)
      UNION ALL
      SELECT 'without ledger rows' AS problem, * FROM (SELECT ${TOTALS_COLUMNS}
        FROM point_totals EXCEPT SELECT * FROM (${EXPECTED_TOTALS}))`,
  },
  {
    name: "a person's all-time total equals the sum of their folded ledger rows",
    sql: `SELECT t.agency_id, t.subject_id AS user_id, t.all_points,
        (SELECT total(points) FROM point_ledger l WHERE l.agency_id = t.agency_id AND l.user_id = t.subject_id AND ${FOLDED}) AS ledger
      FROM point_totals t WHERE t.subject_type = 'user' AND t.all_points <> ledger`,
  },
  {
    name: "a unit's all-time total equals the sum of what its members earned in it, as folded",
    sql: `SELECT t.agency_id, t.subject_id AS unit_id, t.all_points,
        (SELECT total(points) FROM point_ledger l WHERE l.agency_id = t.agency_id AND l.unit_id = t.subject_id AND ${FOLDED}) AS members
      FROM point_totals t WHERE t.subject_type = 'unit' AND t.all_points <> members`,
  },
  {
    name: "an idempotency key never earns twice",
    sql: `SELECT idempotency_key, count(*) AS n FROM point_ledger GROUP BY idempotency_key HAVING n > 1`,
  },
  {
    name: "ideas are in a known status, listed exactly when they should be, merged exactly when they point somewhere",
    sql: `SELECT id, status, listed, merged_into_id FROM ideas
      WHERE status NOT IN ${STATUSES}
        OR listed <> (status IN ${LISTED})
        OR (status = 'merged') <> (merged_into_id IS NOT NULL)
        OR (status NOT IN ('draft') AND submitted_at IS NULL AND status <> 'withdrawn')
        OR vote_count < 0 OR comment_count < 0`,
  },
  {
    name: "a merged idea points at a listed idea of its own agency, never at itself",
    sql: `SELECT d.id, d.merged_into_id, s.status AS survivor_status FROM ideas d JOIN ideas s ON s.id = d.merged_into_id
      WHERE d.merged_into_id = d.id OR s.agency_id <> d.agency_id OR s.status = 'merged'`,
  },
  {
    name: "an idea's history ends in its current status, each step from where the last one left it",
    sql: `WITH steps AS (
        SELECT idea_id, from_status, to_status, action,
          lag(to_status) OVER (PARTITION BY idea_id ORDER BY at, id) AS previous,
          row_number() OVER (PARTITION BY idea_id ORDER BY at DESC, id DESC) AS from_end
        FROM idea_events)
      SELECT s.idea_id, s.action, s.from_status, s.to_status, s.previous, i.status AS current
      FROM steps s JOIN ideas i ON i.id = s.idea_id
      WHERE (s.from_end = 1 AND s.to_status <> i.status)
        OR (s.previous IS NOT NULL AND s.from_status IS NOT s.previous)`,
  },
  {
    name: "every idea has its author on its team, once",
    sql: `SELECT i.id, i.author_id, (SELECT count(*) FROM idea_authors a WHERE a.idea_id = i.id AND a.role = 'author') AS authors
      FROM ideas i WHERE NOT EXISTS (SELECT 1 FROM idea_authors a WHERE a.idea_id = i.id AND a.user_id = i.author_id AND a.role = 'author')
        OR (SELECT count(*) FROM idea_authors a WHERE a.idea_id = i.id AND a.role = 'author') <> 1`,
  },
  {
    name: "no row of one agency points at another agency's idea",
    sql: `SELECT 'vote' AS kind, v.id FROM votes v JOIN ideas i ON i.id = v.idea_id WHERE v.agency_id <> i.agency_id
      UNION ALL SELECT 'comment', c.id FROM comments c JOIN ideas i ON i.id = c.idea_id WHERE c.agency_id <> i.agency_id
      UNION ALL SELECT 'event', e.id FROM idea_events e JOIN ideas i ON i.id = e.idea_id WHERE e.agency_id <> i.agency_id`,
  },
  {
    name: "no orphan rows (PRAGMA foreign_key_check)",
    sql: `SELECT * FROM pragma_foreign_key_check`,
  },
  {
    name: "every ledger row's subject exists",
    sql: `SELECT l.id, l.subject_type, l.subject_id FROM point_ledger l
      WHERE (l.subject_type = 'idea' AND NOT EXISTS (SELECT 1 FROM ideas WHERE id = l.subject_id))
        OR (l.subject_type = 'comment' AND NOT EXISTS (SELECT 1 FROM comments WHERE id = l.subject_id))
        OR (l.subject_type = 'award' AND NOT EXISTS (SELECT 1 FROM awards WHERE id = l.subject_id))`,
  },
];

export type InvariantResult = { name: string; violations: number; sample: Record<string, unknown>[] };

/**
 * Runs every invariant against the local D1 in `persistTo`.
 * @returns one result per invariant, in order; `violations` 0 when it holds
 */
export async function checkInvariants(persistTo: string, invariants = INVARIANTS): Promise<InvariantResult[]> {
  const output = await wrangler(
    [
      "d1",
      "execute",
      "gagas",
      "--local",
      "--persist-to",
      persistTo,
      "--json",
      "--command",
      invariants.map(({ sql }) => `SELECT * FROM (${sql}) LIMIT ${SAMPLE + 1}`).join(";\n"),
    ],
    { quiet: true },
  );
  const start = output.search(/^\[/m);
  if (start < 0) throw new Error(`no JSON from wrangler d1 execute:\n${output}`);
  const results = JSON.parse(output.slice(start)) as { results: Record<string, unknown>[] }[];
  if (results.length !== invariants.length) {
    throw new Error(`expected ${invariants.length} results from wrangler, got ${results.length}`);
  }
  return invariants.map(({ name }, i) => {
    const rows = results[i]!.results;
    return { name, violations: rows.length, sample: rows.slice(0, SAMPLE) };
  });
}

/** The results as lines for a report. */
export function invariantLines(results: InvariantResult[]): string[] {
  return results.map(
    (r) =>
      `  ${r.violations === 0 ? "✓" : "✗"} ${r.name}${r.violations ? `: ${r.violations > SAMPLE ? `more than ${SAMPLE}` : r.violations} violation(s), e.g. ${JSON.stringify(r.sample.slice(0, 3))}` : ""}`,
  );
}
