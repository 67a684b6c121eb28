/**
 * The seeds' statements are built with drizzle over the schema (src/db/schema.ts) and rendered to
 * SQL text: the seed stays one SQL file for `wrangler d1 execute` (and the same statements for the
 * tests), while every table and column name comes from the schema, so renaming one fails
 * `npm run typecheck` instead of the seed at run time. Values are inlined as escaped literals.
 */
import { getTableColumns, sql, type InferInsertModel, type SQL, type SQLWrapper } from "drizzle-orm";
import { drizzle } from "drizzle-orm/sqlite-proxy";
import { QueryBuilder, SQLiteSyncDialect, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { sqlHot } from "../../src/db/hot.ts";
import { columnList } from "../../src/db/raw.ts";
import { agencies, campaigns, ideas, units, users } from "../../src/db/schema.ts";
import { KOTAK_IDE } from "../../src/domain/campaign-phase.ts";

const dialect = new SQLiteSyncDialect();

/** A drizzle database that only renders statements: running one is a mistake, and says so. */
export const db = drizzle(async () => {
  throw new Error("the seed's drizzle instance renders SQL text; it never runs a query");
});

/** A query builder for sub-selects (`qb.select({ id: users.id }).from(users).where(…)`). */
export const qb = new QueryBuilder();

/** The text of an expression or query with its values inlined as literals (no `;`). */
export function sqlFragment(query: SQLWrapper): string {
  const { sql: text, params } = dialect.sqlToQuery(sql`${query.getSQL()}`.inlineParams());
  if (params.length > 0) throw new Error(`a seed statement kept ${params.length} bound parameters: ${text}`);
  return text;
}

/**
 * One statement as SQL text, ending in `;`, values inlined (strings quoted and escaped by drizzle's
 * SQLite dialect, numbers and booleans as they are, null as NULL).
 * @example sqlText(db.update(ideas).set({ hot: 0 }).where(eq(ideas.agencyId, 1)))
 */
export function sqlText(query: SQLWrapper): string {
  return `${sqlFragment(query).trimEnd()};`;
}

/**
 * A domain helper that writes SQL text over expressions given as text (`localDaySql` and the like
 * in src/domain), applied to drizzle expressions.
 * @example domainSql(localDaySql, e.at, zone)
 */
export const domainSql = (helper: (...args: string[]) => string, ...args: SQLWrapper[]) =>
  sql.raw(helper(...args.map(sqlFragment)));

/** `ON CONFLICT(<columns>) DO NOTHING`: the unique key that makes a rerun add nothing. */
export const onConflictDoNothing = (...columns: SQLiteColumn[]) =>
  sql`ON CONFLICT(${columnList(...columns)}) DO NOTHING`;

type Value = SQLWrapper | string | number | boolean | null | undefined;

/** A value for a SELECT list: an expression as it is, a JS value as a literal (booleans 1/0, like the columns). */
function value(v: Value): SQL {
  if (v === null || v === undefined) return sql`NULL`;
  if (typeof v === "boolean") return sql.raw(v ? "1" : "0");
  return sql`${v}`;
}

/**
 * `INSERT INTO <table> (<columns>) SELECT <values> <rest>`: the columns named by the schema's keys,
 * in the order given, each with its value.
 * @example insertSelect(follows, { ideaId: i.id, userId: u.id, createdAt: 0 }, sql`FROM ${ideas} ${i}, …`)
 */
export function insertSelect<T extends SQLiteTable>(
  table: T,
  values: { [K in keyof InferInsertModel<T>]?: Value },
  rest?: SQL,
): SQL {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const keys = Object.keys(values);
  const list = sql.join(
    keys.map((k) => value((values as Record<string, Value>)[k])),
    sql`, `,
  );
  const head = sql`INSERT INTO ${table} (${columnList(...keys.map((k) => columns[k]!))}) SELECT ${list}`;
  return rest ? sql`${head} ${rest}` : head;
}

/** A SQL literal, for the point totals' statements (rewritten elsewhere) that are still SQL text. */
export function lit(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  return `'${value.replaceAll("'", "''")}'`;
}

/** `hotScore` of src/domain/voting.ts over the `ideas` row and its stored `vote_count` (src/db/hot.ts). */
export const HOT = sqlHot(ideas.voteCount);

export const agencyId = (slug: string) =>
  qb
    .select({ id: agencies.id })
    .from(agencies)
    .where(sql`${agencies.slug} = ${slug}`);
export const unitId = (slug: string, code: string) =>
  qb
    .select({ id: units.id })
    .from(units)
    .where(sql`${units.agencyId} = ${agencyId(slug)} AND ${units.code} = ${code}`);
export const userId = (nip: string) =>
  qb
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.nip} = ${nip}`);

/** The agency's always-open Kotak Ide, unless it has one. */
export const kotakIdeSql = (slug: string) =>
  sqlText(
    insertSelect(
      campaigns,
      {
        agencyId: agencyId(slug),
        kind: "open",
        title: KOTAK_IDE.title,
        description: KOTAK_IDE.description,
        categories: JSON.stringify(KOTAK_IDE.categories),
      },
      sql`WHERE NOT EXISTS (SELECT 1 FROM ${campaigns} WHERE ${campaigns.agencyId} = ${agencyId(slug)} AND ${campaigns.kind} = 'open')`,
    ),
  );
