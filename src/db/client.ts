import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
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
  return (db.$client as unknown as D1Like).batch(statements.map((item) => bound(db, prepare(item))));
}

type Prepared = {
  getQuery(): { sql: string; params: unknown[] };
  mapResult(result: unknown, fromBatch: boolean): unknown;
};

const prepare = (item: Statement) => (item as unknown as { _prepare(): Prepared })._prepare();

function bound(db: Database, prepared: Prepared) {
  const query = prepared.getQuery();
  return (db.$client as unknown as D1Like).prepare(query.sql).bind(...query.params);
}

/**
 * {@link runBatch} with each result mapped as drizzle's `db.batch` maps it (typed rows of a select,
 * D1's result of a write): for a batch that mixes raw statements (e.g. the reward engine's) with a
 * select that reads the outcome back in the same transaction.
 */
export async function runMappedBatch<T extends readonly [Statement, ...Statement[]]>(
  db: Database,
  statements: T,
): Promise<BatchResponse<T>> {
  const prepared = statements.map(prepare);
  const results = await (db.$client as unknown as D1Like).batch(prepared.map((p) => bound(db, p)));
  return results.map((result, i) => prepared[i]!.mapResult(result, true)) as BatchResponse<T>;
}

/**
 * A statement as D1 runs it (SQL and parameters) and how drizzle maps D1's result of it: for a
 * statement that travels with another call (`lib/d1-stats.ts`, the session check).
 */
export function statementParts<T>(item: Statement): { sql: string; params: unknown[]; map: (result: D1Result) => T } {
  const prepared = prepare(item);
  const { sql, params } = prepared.getQuery();
  return { sql, params, map: (result) => prepared.mapResult(result, true) as T };
}

/** Rows a write changed, from its batch result. */
export const changesOf = (result: D1Result | undefined) => result?.meta.changes ?? 0;
