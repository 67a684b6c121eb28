import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * A selected column under its own result name. D1 returns rows as objects, so two columns of the
 * same name in a join would merge (see lib/d1-stats); alias the second one.
 * @example db.select({ unitName: as(units.name, "unit_name"), agencyName: as(agencies.name, "agency_name") })
 */
export function as<T extends SQLiteColumn>(column: T, alias: string): SQL.Aliased<T["_"]["data"]> {
  return sql<T["_"]["data"]>`${column}`.as(alias);
}
