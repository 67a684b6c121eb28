/**
 * The running totals of people and units per period, folded from the ledger by the scheduler
 * (issue 22): an action writes only its ledger rows, in its own batch; each minute the scheduler
 * adds the rows past the `point_totals` watermark to the four periods of their person and unit,
 * one upsert per (person or unit, period) however many rows it folds, and moves the watermark in
 * the same batch — so a run that fails or runs twice folds nothing twice.
 *
 * Readers of totals choose: a leaderboard reads the folded totals and says up to when they reach
 * ({@link pendingSinceStatement}); a person's own figures are exact at once, the folded totals plus
 * their own rows past the watermark ({@link unfoldedPointsSql}).
 */
import { sql, type SQL } from "drizzle-orm";
import { PERIODS_AND_SUBJECTS_SQL, periodOfDaySql } from "../../domain/reward-periods";
import type { Database, Statement } from "../client";
import { watermarkWindow } from "./watermarks";

/** The scheduler's row in `job_watermarks`: the last ledger id the totals include. */
export const FOLD_JOB = "point_totals";

/** Ledger rows folded per run at most: a minute of a province's busiest hour is far fewer. */
export const FOLD_BATCH = 5_000;

const PERIOD_OF_DAY = sql.raw(periodOfDaySql("l.day", "p.n"));
const PERIODS_AND_SUBJECTS = sql.raw(PERIODS_AND_SUBJECTS_SQL);

/** The last ledger id folded into the totals, as SQL. */
export const foldedThrough = sql.raw(`(SELECT last_id FROM job_watermarks WHERE name = '${FOLD_JOB}')`);

/**
 * One fold: the totals upsert of the ledger rows past the watermark (at most {@link FOLD_BATCH}),
 * then the watermark's move. Run them as one batch; an idle run writes nothing.
 */
export function foldTotalsStatements(db: Database): Statement[] {
  const w = watermarkWindow(FOLD_JOB, "point_ledger", "l", "id", FOLD_BATCH);
  return [
    db.run(sql`INSERT INTO point_totals (agency_id, period, subject_type, subject_id, points)
      SELECT l.agency_id, ${PERIOD_OF_DAY}, k.kind, CASE k.kind WHEN 'user' THEN l.user_id ELSE l.unit_id END, sum(l.points)
      FROM point_ledger l CROSS JOIN ${PERIODS_AND_SUBJECTS}
      WHERE ${w.where}
      GROUP BY 1, 2, 3, 4
      ON CONFLICT(agency_id, period, subject_type, subject_id) DO UPDATE SET points = point_totals.points + excluded.points`),
    db.run(w.advance),
  ];
}

/**
 * A person's points not folded yet, per period of `periods`, as a statement yielding rows
 * `(period, points)`. Read through the ledger's primary key from the watermark on (`NOT INDEXED`:
 * the person's index would read all their rows), so it costs the rows of the last minute or so.
 */
export function unfoldedPointsSql(userId: number, periods: readonly string[]): SQL {
  const periodOf = sql.raw(periodOfDaySql("l.day", "p.n"));
  return sql`SELECT ${periodOf} AS period, sum(l.points) AS points
    FROM point_ledger l NOT INDEXED CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) p
    WHERE l.id > ${foldedThrough} AND l.user_id = ${userId}
    GROUP BY 1 HAVING period IN (${sql.join(
      periods.map((p) => sql`${p}`),
      sql`, `,
    )})`;
}

/**
 * When the oldest ledger row not folded yet was written (null: the totals are complete): a
 * leaderboard includes every point earned before then.
 */
export const pendingSinceStatement = (db: Database) =>
  db.all<{ pending_since: number | null }>(
    sql`SELECT (SELECT l.at FROM point_ledger l WHERE l.id > ${foldedThrough} ORDER BY l.id LIMIT 1) AS pending_since`,
  );
