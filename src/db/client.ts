import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import { is } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { SQLiteRaw } from "drizzle-orm/sqlite-core/query-builders/raw";
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
 * a raw `db.run(sql\`…\`)` item (drizzle-orm#2277: it reaches for a prepared statement raw queries
 * do not have). Only drizzle's public API is used: `getQuery()`/`mapResult()` of a raw query and of
 * a builder's `prepare()`; test/db-batch.test.ts fails when drizzle fixes #2277 or changes that API.
 * @returns D1's result of each statement (`meta.changes` for writes); use `db.batch` to get mapped rows
 */
export async function runBatch(db: Database, statements: Statement[]): Promise<D1Result[]> {
  if (statements.length === 0) return [];
  return client(db).batch(statements.map((item) => bound(db, prepared(item))));
}

/** What a batch needs of a statement: its SQL with parameters, and how drizzle maps its result. */
type Prepared = Pick<SQLiteRaw<unknown>, "getQuery" | "mapResult">;

type Preparable = { prepare(): Prepared };

const isPreparable = (item: object): item is Preparable => typeof (item as Partial<Preparable>).prepare === "function";

function prepared(item: Statement): Prepared {
  if (is(item, SQLiteRaw)) return item;
  if (isPreparable(item)) return item.prepare();
  throw new TypeError("runBatch takes drizzle queries (builders or db.run/db.all of sql`…`)");
}

const client = (db: Database): D1Like => db.$client;

function bound(db: Database, statement: Prepared) {
  const query = statement.getQuery();
  return client(db)
    .prepare(query.sql)
    .bind(...query.params);
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
  const all = statements.map(prepared);
  const results = await client(db).batch(all.map((p) => bound(db, p)));
  return results.map((result, i) => all[i]!.mapResult(result, true)) as BatchResponse<T>;
}

/** A group of named statements that repeats in a batch (e.g. the same three for each idea). */
export type NamedGroup = { readonly [name: string]: Statement | readonly Statement[] };

/** Each entry of a named batch: one statement, a run of them, or a run of named groups. */
type NamedItem = Statement | readonly Statement[] | readonly NamedGroup[];

/** The result of one named entry: a statement's mapped result, those of a run, or each group's by name. */
export type NamedResult<T> = T extends Statement
  ? T["_"]["result"]
  : T extends readonly (infer S extends Statement)[]
    ? S["_"]["result"][]
    : T extends readonly (infer G extends NamedGroup)[]
      ? { [K in keyof G]: NamedResult<G[K]> }[]
      : never;

const isStatement = (item: object): item is Statement => is(item, SQLiteRaw) || isPreparable(item);

/** The statements of a named entry or group in batch order: to run a group with `runBatch`. */
export function statementsOf(item: NamedItem | NamedGroup): Statement[] {
  return Array.isArray(item) || isStatement(item as object)
    ? flatten(item as NamedItem)
    : Object.values(item as NamedGroup).flatMap(flatten);
}

/** The statements of an entry in batch order. */
function flatten(item: NamedItem | NamedGroup[string]): Statement[] {
  if (!Array.isArray(item)) return [item as Statement];
  return (item as readonly (Statement | NamedGroup)[]).flatMap((part) =>
    isStatement(part) ? [part] : Object.values(part).flatMap(flatten),
  );
}

/** Hands each statement of an entry its result, in the order {@link flatten} ran them. */
function regroup(item: NamedItem | NamedGroup[string], next: () => unknown): unknown {
  if (!Array.isArray(item)) return next();
  return (item as readonly (Statement | NamedGroup)[]).map((part) =>
    isStatement(part)
      ? next()
      : Object.fromEntries(Object.entries(part).map(([name, inner]) => [name, regroup(inner, next)])),
  );
}

/**
 * {@link runMappedBatch} over a named record: the statements run as ONE batch in the record's order,
 * and each result comes back under its name, so a caller never counts positions. An entry may be a
 * list of named groups (one per idea, per move…): its results come back as a list of records.
 * @example const { written, event } = await runNamedBatch(db, { written: update, event: [insertEvent] })
 * @example const { moves } = await runNamedBatch(db, { moves: list.map((m) => ({ draft, moved })) }) // moves[i].moved
 */
export async function runNamedBatch<T extends Record<string, NamedItem>>(
  db: Database,
  statements: T,
): Promise<{ [K in keyof T]: NamedResult<T[K]> }> {
  const entries = Object.entries(statements);
  const all = entries.flatMap(([, item]) => flatten(item));
  const results: unknown[] = all.length === 0 ? [] : await runMappedBatch(db, all as [Statement, ...Statement[]]);
  let at = 0;
  const next = () => results[at++];
  const named = Object.fromEntries(entries.map(([name, item]) => [name, regroup(item, next)]));
  return named as { [K in keyof T]: NamedResult<T[K]> };
}

/**
 * A statement as D1 runs it (SQL and parameters) and how drizzle maps D1's result of it: for a
 * statement that travels with another call (`lib/d1-stats.ts`, the session check).
 */
export function statementParts<T>(item: Statement): { sql: string; params: unknown[]; map: (result: D1Result) => T } {
  const statement = prepared(item);
  const { sql, params } = statement.getQuery();
  return { sql, params, map: (result) => statement.mapResult(result, true) as T };
}

/** Rows a write changed, from its batch result. */
export const changesOf = (result: D1Result | undefined) => result?.meta.changes ?? 0;
