import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { DERIVE_BATCH } from "../../domain/notifications";
import { bare } from "../raw";
import { jobWatermarks } from "../schema";

/** A window's moves: `where` for the job's statements, `advance` last in the same batch. */
export type Window = { where: SQL; advance: SQL };

/**
 * The rows of a source table a scheduler job handles in this run: those after its watermark, at
 * most `limit` of them. Put `where` in the job's statements and `advance` last in the same batch,
 * so the work and the watermark's move commit together (and an idle run writes nothing).
 * @param name the job's row in `job_watermarks`
 * @param source the table and its increasing key (a column, or `rowid` for tables keyed otherwise);
 *   `as` is the alias the job's statements read it under (its key is qualified by that alias)
 * @param limit rows per run at most
 * @example const w = sourceWindow("stats_votes", { table: votes, key: votes.id }); sql`… WHERE ${w.where}`
 */
export function sourceWindow(
  name: string,
  source: { table: SQLiteTable; key: SQLiteColumn | "rowid"; as?: SQLiteTable },
  limit = DERIVE_BATCH,
): Window {
  const { table, key } = source;
  const column = key === "rowid" ? sql`rowid` : bare(key);
  const qualified = key === "rowid" ? sql`${source.as ?? table}.rowid` : sql`${source.as ?? table}.${column}`;
  const lo = sql`(SELECT ${jobWatermarks.lastId} FROM ${jobWatermarks} WHERE ${jobWatermarks.name} = ${name})`;
  const hi = sql`(SELECT max(${column}) FROM (SELECT ${column} FROM ${table} WHERE ${column} > ${lo} ORDER BY ${column} LIMIT ${sql.raw(String(Math.trunc(limit)))}))`;
  return {
    where: sql`${qualified} > ${lo} AND ${qualified} <= ${hi}`,
    advance: sql`UPDATE ${jobWatermarks} SET ${bare(jobWatermarks.lastId)} = ${hi} WHERE ${jobWatermarks.name} = ${name} AND ${hi} IS NOT NULL`,
  };
}
