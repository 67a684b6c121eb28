/**
 * The few pieces raw statements need besides drizzle's `sql` template, for the shapes drizzle cannot
 * build (`INSERT … SELECT … ON CONFLICT`, `changes()`, upserts that add). Tables and columns still come
 * from the schema objects: `${ideas}` renders `"ideas"`, `${ideas.voteCount}` renders
 * `"ideas"."vote_count"`, an `alias(ideas, "i")` renders `"i"` and its columns `"i"."vote_count"`
 * (write `FROM ${ideas} ${i}`). SQLite refuses a table prefix in a few places; {@link bare} is for those.
 */
import { Column, getTableColumns, is, SQL, sql, type InferInsertModel } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";

/**
 * A column by its bare name, where SQLite takes no table prefix: `INSERT INTO t (…)`, `SET col = …`,
 * `ON CONFLICT(…)`, `excluded.col`, a subquery's result column.
 * @example sql`ON CONFLICT(${bare(notifications.dedupeKey)}) DO NOTHING`
 */
export const bare = (column: SQLiteColumn): SQL => sql`${sql.identifier(column.name)}`;

/**
 * Bare column names separated by commas, for the column list of an `INSERT` or an `ON CONFLICT`.
 * @example sql`INSERT INTO ${notifications} (${columnList(notifications.agencyId, notifications.userId)})`
 */
export const columnList = (...columns: SQLiteColumn[]): SQL => sql.join(columns.map(bare), sql`, `);

/**
 * A string constant of the code (an enum value, a kind) written into the statement as an SQL literal
 * rather than bound: the planner sees it, so it can use a partial index whose condition names it.
 * @example sql`${notificationMutes.kind} = ${literal("mention")}`
 */
export const literal = (value: string): SQL => sql.raw(`'${value.replaceAll("'", "''")}'`);

/** String constants as a comma-separated list of SQL literals, for `IN (…)`. */
export const literals = (values: readonly string[]): SQL => sql.join(values.map(literal), sql`, `);

/**
 * A column always written with its table. Drizzle writes the columns of a one-table `select()`
 * bare, so in a correlated subquery of its fields a plain `${webhooks.id}` would name the inner
 * table's `id`; this keeps the outer table's name.
 */
export const qualified = (column: SQLiteColumn): SQL => sql`${column.table}.${bare(column)}`;

/**
 * The value an upsert tried to insert, for its `DO UPDATE SET`.
 * @example .onConflictDoUpdate({ target: reviews.assignmentId, set: { score: excluded(reviews.score) } })
 */
export const excluded = (column: SQLiteColumn): SQL => sql`excluded.${bare(column)}`;

/**
 * One row of `table` for `db.insert(table).select(sql\`SELECT ${rowOf(…)} WHERE …\`)`, the insert of a
 * row written only if a condition holds: drizzle inserts such a select into every column in table
 * order, so the values are named by column (the compiler wants each) and put in that order here.
 * @example db.insert(auditLog).select(sql`SELECT ${rowOf(auditLog, { id: AUTO_ID, … })} WHERE changes() > 0`)
 */
export function rowOf<T extends SQLiteTable>(table: T, values: { [K in keyof InferInsertModel<T>]-?: unknown }): SQL {
  const named = values as Record<string, unknown>;
  return sql.join(
    Object.keys(getTableColumns(table)).map((key) => sql`${named[key]}`),
    sql`, `,
  );
}

/** A field of {@link insertFields}: a column or aliased expression as it is, anything else aliased. */
type InsertField<V> = V extends SQLiteColumn | SQL.Aliased ? V : SQL.Aliased<unknown>;

/**
 * The fields of the `select()` an `insert(table).select(…)` inserts, named by the table's columns:
 * drizzle wants an alias on every expression, so each constant or SQL value is aliased with its
 * column's name (columns and aliased expressions pass as they are).
 * @example db.insert(follows).select(db.select(insertFields(follows, { ideaId: sql`${id}`, userId: comments.authorId, createdAt: sql`${now}` })).from(comments))
 */
export function insertFields<T extends SQLiteTable, V extends { [K in keyof InferInsertModel<T>]: unknown }>(
  table: T,
  values: V,
): { [K in keyof V]: InsertField<V[K]> } {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      is(value, Column) || is(value, SQL.Aliased) ? value : sql`${value}`.as(columns[key]!.name),
    ]),
  ) as { [K in keyof V]: InsertField<V[K]> };
}
