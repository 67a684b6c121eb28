/**
 * Exporting an agency as a backup document (see backup-format.ts), and what it cannot carry.
 */
import { getTableConfig } from "drizzle-orm/sqlite-core";
import type { D1Like } from "../lib/d1-stats";
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, nameOf, type AgencyBackup, type Row } from "./backup-format";

const PAGE = 2000;

/** Reads every backed-up table of the agency, page by page (keyset on rowid). */
export async function exportAgency(
  d1: D1Like,
  agency: { id: number; slug: string; name: string },
  now = Date.now(),
): Promise<AgencyBackup> {
  const tables: Record<string, Row[]> = {};
  for (const { table, where } of BACKUP_TABLES) {
    const rows: Row[] = [];
    for (let after = -1; ;) {
      const page = await d1
        .prepare(
          `SELECT rowid AS __rowid, * FROM ${nameOf(table)} WHERE (${where}) AND rowid > ?2 ORDER BY rowid LIMIT ${PAGE}`,
        )
        .bind(agency.id, after)
        .all<Row>();
      for (const { __rowid, ...row } of page.results) rows.push(row);
      if (page.results.length < PAGE) break;
      after = page.results.at(-1)!.__rowid as number;
    }
    tables[nameOf(table)] = rows;
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    agency,
    tables,
    nullified: nullifyOutside(tables),
  };
}

/** Sets references to rows not in the backup to NULL (nullable columns only); returns the counts. */
function nullifyOutside(tables: Record<string, Row[]>): Record<string, number> {
  const ids = new Map(Object.entries(tables).map(([name, rows]) => [name, new Set(rows.map((r) => r.id))]));
  const counts: Record<string, number> = {};
  for (const { table } of BACKUP_TABLES) {
    const config = getTableConfig(table);
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      const target = getTableConfig(ref.foreignTable).name;
      if (ref.columns.length !== 1 || ref.foreignColumns[0]?.name !== "id") continue;
      const column = ref.columns[0]!;
      const known = ids.get(target);
      if (!known || column.notNull) continue;
      for (const row of tables[config.name] ?? []) {
        if (row[column.name] !== null && !known.has(row[column.name])) {
          row[column.name] = null;
          const key = `${config.name}.${column.name}`;
          counts[key] = (counts[key] ?? 0) + 1;
        }
      }
    }
  }
  return counts;
}
