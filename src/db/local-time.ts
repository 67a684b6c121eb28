/**
 * The agency's clock in drizzle SQL: the forms of src/domain/time-zone.ts over schema columns, so a
 * statement that derives a day inside D1 names its columns through the schema (a renamed column fails
 * the typecheck) instead of as text. test/time-zone.test.ts holds them equal to the JavaScript forms.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { LOCAL_FORMATS, UTC_MODIFIER_ARMS, utcModifierSql, zoneLiteral, type TimeZone } from "../domain/time-zone";
import { agencies } from "./schema";

/** A zone known in the Worker, or an SQL expression of a zone name (e.g. `agencies.timeZone`, {@link agencyZone}). */
export type SqlZone = TimeZone | SQLWrapper;

/** An instant as epoch milliseconds: a column, an expression or a number (bound as a parameter). */
export type SqlInstant = SQLWrapper | number;

const modifier = (zone: SqlZone): SQL =>
  typeof zone === "string"
    ? sql.raw(utcModifierSql(zoneLiteral(zone)))
    : sql`CASE ${zone} ${sql.raw(UTC_MODIFIER_ARMS)} END`;

const reading = (format: string, at: SqlInstant, zone: SqlZone) =>
  sql<string>`strftime(${sql.raw(`'${format}'`)}, ${at} / 1000, 'unixepoch', ${modifier(zone)})`;

// Aliased so that an outer query over `agencies` can pass its own `agencies.id` (a correlated subquery).
const zoneOf = alias(agencies, "zone_of");

/**
 * The zone of an agency, read from its row.
 * @example sqlLocalMonth(ideaEvents.at, agencyZone(ideaEvents.agencyId))
 */
export const agencyZone = (agencyId: SQLWrapper | number): SQL<TimeZone> =>
  sql<TimeZone>`(SELECT ${zoneOf.timeZone} FROM ${agencies} ${zoneOf} WHERE ${zoneOf.id} = ${agencyId})`;

/**
 * `localDay` in SQL: the calendar day (`YYYY-MM-DD`) of an instant in a zone.
 * @example sqlLocalDay(pointLedger.at, agencies.timeZone)
 */
export const sqlLocalDay = (at: SqlInstant, zone: SqlZone) => reading(LOCAL_FORMATS.day, at, zone);

/** `localMonth` in SQL: `YYYY-MM` of an instant in a zone. */
export const sqlLocalMonth = (at: SqlInstant, zone: SqlZone) => reading(LOCAL_FORMATS.month, at, zone);

/** `localDateTime` in SQL: `YYYY-MM-DD HH:mm` of an instant in a zone. */
export const sqlLocalDateTime = (at: SqlInstant, zone: SqlZone) => reading(LOCAL_FORMATS.minute, at, zone);
