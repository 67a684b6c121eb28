/**
 * Several small reads in ONE statement: each read becomes a JSON column of it (`json_object` of one
 * row, `json_group_array` of many), so a request that needs them pays one statement and one round
 * trip. The fields are schema columns or typed `sql<T>` expressions; a row comes back with each
 * column's own driver mapping (a boolean column as a boolean), so a renamed column fails the
 * type-check and a JSON key can never drift from the field it carries.
 */
import { Column, is, sql, SQL, type SQLWrapper } from "drizzle-orm";
import { literal } from "./raw";

/** What a JSON read selects: a name per field, each a column or a typed expression. */
export type JsonFields = Record<string, Column | SQL<unknown> | SQL.Aliased<unknown>>;

/** The row type of {@link JsonFields}. */
export type JsonRow<F extends JsonFields> = {
  [K in keyof F]: F[K] extends Column
    ? F[K]["_"]["notNull"] extends true
      ? F[K]["_"]["data"]
      : F[K]["_"]["data"] | null
    : F[K] extends SQL<infer T>
      ? T
      : F[K] extends SQL.Aliased<infer T>
        ? T
        : never;
};

/** A field as a value (an aliased expression without its alias). */
const valueOf = (field: JsonFields[string]): SQLWrapper => (is(field, SQL.Aliased) ? field.sql : field);

/** `json_object('name', field, …)` of the fields, for one row of a read. */
export function jsonObject(fields: JsonFields): SQL<string> {
  return sql<string>`json_object(${sql.join(
    Object.entries(fields).map(([name, field]) => sql`${literal(name)}, ${valueOf(field)}`),
    sql`, `,
  )})`;
}

/**
 * A read of at most one row as a scalar subquery yielding its JSON object (NULL: no row).
 * @param from the rest of the read: `FROM … WHERE …`
 */
export const jsonRowOf = (fields: JsonFields, from: SQL): SQL<string | null> =>
  sql<string | null>`(SELECT ${jsonObject(fields)} ${from})`;

/**
 * A read of many rows as a scalar subquery yielding a JSON array of objects ('[]': none).
 * @param from the rest of the read: `FROM … WHERE …` (no ORDER BY: the aggregate keeps no order)
 */
export const jsonRowsOf = (fields: JsonFields, from: SQL): SQL<string> =>
  sql<string>`coalesce((SELECT json_group_array(${jsonObject(fields)}) ${from}), '[]')`;

/** One object of a JSON read back as the typed row: each column decoded as drizzle decodes it. */
export function fromJson<F extends JsonFields>(fields: F, value: unknown): JsonRow<F> {
  const raw = (typeof value === "string" ? JSON.parse(value) : value) as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    const v = raw[name] ?? null;
    row[name] = v !== null && is(field, Column) ? field.mapFromDriverValue(v) : v;
  }
  return row as JsonRow<F>;
}

/** A JSON array read back as typed rows ({@link jsonRowsOf}). */
export function fromJsonRows<F extends JsonFields>(fields: F, value: unknown): JsonRow<F>[] {
  const list = (typeof value === "string" ? JSON.parse(value) : (value ?? [])) as unknown[];
  return list.map((item) => fromJson(fields, item));
}
