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
 * Runs statements as one D1 batch: one transaction, all or nothing.
 * @returns each statement's result; for writes without `returning`, D1's result with `meta.changes`
 */
export async function runBatch(db: Database, statements: Statement[]): Promise<unknown[]> {
  if (statements.length === 0) return [];
  return db.batch(statements as [Statement, ...Statement[]]);
}

/** Rows a write changed, from its batch result. */
export const changesOf = (result: unknown) => (result as D1Result).meta.changes;
