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
import { alias } from "drizzle-orm/sqlite-core";
import { periodOfDaySql } from "../../domain/reward-periods";
import type { Database, Statement } from "../client";
import { bare, columnList, literal } from "../raw";
import { jobWatermarks, pointLedger, pointTotals } from "../schema";

/** The scheduler's row in `job_watermarks`: the last ledger id the totals include. */
export const FOLD_JOB = "point_totals";

/** Ledger rows folded per run at most: a minute of a province's busiest hour is far fewer. */
export const FOLD_BATCH = 5_000;

const l = alias(pointLedger, "l");

/** The last ledger id folded into the totals, as SQL. */
export const foldedThrough = sql<number>`(SELECT ${jobWatermarks.lastId} FROM ${jobWatermarks} WHERE ${jobWatermarks.name} = ${literal(FOLD_JOB)})`;

/** The last ledger id this run folds: at most {@link FOLD_BATCH} past the watermark (null: none waiting). */
const foldsThrough = sql<
  number | null
>`(SELECT max(${bare(pointLedger.id)}) FROM (SELECT ${pointLedger.id} FROM ${pointLedger}
  WHERE ${pointLedger.id} > ${foldedThrough} ORDER BY ${pointLedger.id} LIMIT ${sql.raw(String(FOLD_BATCH))}))`;

/** Periods 0..3 of a ledger row's day (all time, year, quarter, month: `periodOfDaySql`), as rows `p.n`. */
const PERIOD_KINDS = sql.raw("(SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) p");
/** The two subjects every ledger row counts for, as rows `k.kind`. */
const SUBJECT_KINDS = sql`(SELECT ${literal("user")} AS kind UNION ALL SELECT ${literal("unit")}) k`;

/** The period numbered `p.n` of a day (`periodOfDaySql`, which names the day several times). */
const periodOf = (day: SQL) =>
  sql.join(
    periodOfDaySql("\u0000", "p.n")
      .split("\u0000")
      .map((part) => sql.raw(part)),
    day,
  );

/**
 * One fold: the totals upsert of the ledger rows past the watermark (at most {@link FOLD_BATCH}),
 * then the watermark's move. Run them as one batch; an idle run writes nothing.
 */
export function foldTotalsStatements(db: Database): Statement[] {
  const t = pointTotals;
  return [
    db.run(sql`INSERT INTO ${t} (${columnList(t.agencyId, t.period, t.subjectType, t.subjectId, t.points)})
      SELECT ${l.agencyId}, ${periodOf(sql`${l.day}`)}, k.kind,
        CASE k.kind WHEN ${literal("user")} THEN ${l.userId} ELSE ${l.unitId} END, sum(${l.points})
      FROM ${pointLedger} ${l} CROSS JOIN ${PERIOD_KINDS} CROSS JOIN ${SUBJECT_KINDS}
      WHERE ${l.id} > ${foldedThrough} AND ${l.id} <= ${foldsThrough}
      GROUP BY 1, 2, 3, 4
      ON CONFLICT(${columnList(t.agencyId, t.period, t.subjectType, t.subjectId)})
        DO UPDATE SET ${bare(t.points)} = ${t.points} + excluded.${bare(t.points)}`),
    db.run(
      sql`UPDATE ${jobWatermarks} SET ${bare(jobWatermarks.lastId)} = ${foldsThrough}
        WHERE ${jobWatermarks.name} = ${literal(FOLD_JOB)} AND ${foldsThrough} IS NOT NULL`,
    ),
  ];
}

/**
 * A person's points not folded yet, per period of `periods`, as a statement yielding rows
 * `(period, points)`. Read through the ledger's primary key from the watermark on (`NOT INDEXED`:
 * the person's index would read all their rows), so it costs the rows of the last minute or so.
 */
export function unfoldedPointsSql(userId: number, periods: readonly string[]): SQL {
  return sql`SELECT ${periodOf(sql`${l.day}`)} AS period, sum(${l.points}) AS points
    FROM ${pointLedger} ${l} NOT INDEXED CROSS JOIN ${PERIOD_KINDS}
    WHERE ${l.id} > ${foldedThrough} AND ${l.userId} = ${userId}
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
    sql`SELECT (SELECT ${l.at} FROM ${pointLedger} ${l} WHERE ${l.id} > ${foldedThrough} ORDER BY ${l.id} LIMIT 1) AS pending_since`,
  );
