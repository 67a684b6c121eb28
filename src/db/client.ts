import type { BatchItem } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
import type { D1Like } from "../lib/d1-stats";
import * as schema from "./schema";

/** A drizzle database over a D1 database or session (usually the instrumented one). */
export function createDb(d1: D1Like) {
  return drizzle(d1 as D1Database, { schema });
}

export type Database = ReturnType<typeof createDb>;

export type Statement = BatchItem<"sqlite">;

/**
 * Runs statements as one D1 batch: one transaction, all or nothing. Builds the D1 statements from
 * each item's SQL and parameters itself, because drizzle's own batch cannot bind the parameters of
 * a raw `db.run(sql\`…\`)` item (it reaches for a prepared statement raw queries do not have).
 * @returns D1's result of each statement (`meta.changes` for writes); use `db.batch` to get mapped rows
 */
export async function runBatch(db: Database, statements: Statement[]): Promise<D1Result[]> {
  if (statements.length === 0) return [];
  const client = db.$client as unknown as D1Like;
  const prepared = statements.map((item) => {
    const query = (item as unknown as { _prepare(): { getQuery(): { sql: string; params: unknown[] } } })
      ._prepare()
      .getQuery();
    return client.prepare(query.sql).bind(...query.params);
  });
  return client.batch(prepared);
}

/** Rows a write changed, from its batch result. */
export const changesOf = (result: D1Result | undefined) => result?.meta.changes ?? 0;
