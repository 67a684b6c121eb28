import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";

/**
 * A selected column under its own result name. D1 returns rows as objects, so two columns of the
 * same name in a join would merge (see lib/d1-stats); alias the second one.
 * @example db.select({ unitName: as(units.name, "unit_name"), agencyName: as(agencies.name, "agency_name") })
 */
export function as<T extends SQLiteColumn>(column: T, alias: string): SQL.Aliased<T["_"]["data"]> {
  return sql<T["_"]["data"]>`${column}`.as(alias);
}

/**
 * The id of the row just inserted into `table`, for later statements of the same `db.batch`.
 * D1 runs a batch as one serialized transaction, so no other insert can come in between and the
 * newest id is ours. (`last_insert_rowid()` would shift as soon as the next statement inserts.)
 * @example db.insert(criteria).values({ campaignId: newestId(campaigns), … })
 */
export function newestId(table: SQLiteTable & { id: SQLiteColumn }): SQL<number> {
  return sql<number>`(SELECT max(${sql.identifier(table.id.name)}) FROM ${table})`;
}

/**
 * The `id` of a row written by `insert().select()`, which names every column in table order: NULL
 * lets SQLite assign it.
 */
export const AUTO_ID = sql<number>`NULL`;
