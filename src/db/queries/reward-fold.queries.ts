/**
 * The running totals of people and units per period, folded from the ledger by the scheduler
 * (issue 22): an action writes only its ledger rows, in its own batch; each minute the scheduler
 * adds the rows past the `point_totals` watermark to the one totals row of their person and of
 * their unit (all four periods side by side), and moves the watermark in the same batch — so a run
 * that fails or runs twice folds nothing twice.
 *
 * Readers of totals choose: a leaderboard reads the folded totals and says up to when they reach
 * ({@link pendingSinceStatement}); a person's own figures are exact at once, the folded totals plus
 * their own rows past the watermark ({@link unfoldedPointsSql}).
 */
import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { periodKeySql } from "../../domain/reward-periods";
import type { Database, Statement } from "../client";
import { bare, literal } from "../raw";
import { jobWatermarks, pointLedger } from "../schema";
import { addLedgerToTotals } from "./reward-totals.queries";

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

/**
 * One fold: the totals upsert of the ledger rows past the watermark (at most {@link FOLD_BATCH}),
 * one row written per person and per unit however many rows and periods it folds
 * (`reward-totals.queries.ts`), then the watermark's move. Run them as one batch; an idle run writes
 * nothing.
 */
export function foldTotalsStatements(db: Database): Statement[] {
  return [
    db.run(addLedgerToTotals(sql`${l.id} > ${foldedThrough} AND ${l.id} <= ${foldsThrough}`)),
    db.run(
      sql`UPDATE ${jobWatermarks} SET ${bare(jobWatermarks.lastId)} = ${foldsThrough}
        WHERE ${jobWatermarks.name} = ${literal(FOLD_JOB)} AND ${foldsThrough} IS NOT NULL`,
    ),
  ];
}

/**
 * A person's points not folded yet, per month, as a statement yielding rows `(month, points)`. Read
 * through the ledger's primary key from the watermark on (`NOT INDEXED`: the person's index would
 * read all their rows), so it costs the rows of the last minute or so.
 */
export function unfoldedPointsSql(userId: number): SQL {
  return sql`SELECT ${sql.raw(periodKeySql.month(`"l".${l.day.name}`))} AS month, sum(${l.points}) AS points
    FROM ${pointLedger} ${l} NOT INDEXED
    WHERE ${l.id} > ${foldedThrough} AND ${l.userId} = ${userId}
    GROUP BY 1`;
}

/**
 * When the oldest ledger row not folded yet was written (null: the totals are complete): a
 * leaderboard includes every point earned before then.
 */
export const pendingSinceStatement = (db: Database) =>
  db.all<{ pending_since: number | null }>(
    sql`SELECT (SELECT ${l.at} FROM ${pointLedger} ${l} WHERE ${l.id} > ${foldedThrough} ORDER BY ${l.id} LIMIT 1) AS pending_since`,
  );
