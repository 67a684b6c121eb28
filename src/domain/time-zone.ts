/**
 * The agency's clock. Indonesia has three time zones — WIB (Asia/Jakarta, UTC+7), WITA
 * (Asia/Makassar, UTC+8) and WIT (Asia/Jayapura, UTC+9) — and every date, deadline, period and
 * "today" of an agency is read on its own zone's calendar.
 *
 * Each reading comes in two forms side by side: in JavaScript through `Intl` (the zone database)
 * and in SQL through the zone's fixed offset, for statements that derive days inside D1 (as text
 * here; as drizzle `SQL` over schema columns in src/db/local-time.ts). None of
 * the three zones has had daylight saving since 1964, so the offset is exact;
 * `test/time-zone.test.ts` holds the two forms equal, instant by instant, in all three zones.
 */
export const TIME_ZONES = {
  "Asia/Jakarta": { abbreviation: "WIB", utcOffsetHours: 7 },
  "Asia/Makassar": { abbreviation: "WITA", utcOffsetHours: 8 },
  "Asia/Jayapura": { abbreviation: "WIT", utcOffsetHours: 9 },
} as const;

export type TimeZone = keyof typeof TIME_ZONES;
export const TIME_ZONE_IDS = Object.keys(TIME_ZONES) as [TimeZone, ...TimeZone[]];

/** The zone of an agency that never chose one (the demo agencies, agencies made before zones). */
export const DEFAULT_TIME_ZONE: TimeZone = "Asia/Jakarta";

export const isTimeZone = (value: unknown): value is TimeZone => typeof value === "string" && value in TIME_ZONES;

/** A stored zone name as a zone; anything unknown reads as the default rather than failing a page. */
export const asTimeZone = (value: string | null | undefined): TimeZone =>
  isTimeZone(value) ? value : DEFAULT_TIME_ZONE;

/** @example zoneAbbreviation("Asia/Makassar") // "WITA" */
export const zoneAbbreviation = (zone: TimeZone) => TIME_ZONES[zone].abbreviation;

// ── JavaScript ───────────────────────────────────────────────────────────────────────────────

const formatters = new Map<TimeZone, Intl.DateTimeFormat>();

function formatterFor(zone: TimeZone): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall clock of an instant in a zone, as zero-padded strings. */
function wallClock(at: number, zone: TimeZone) {
  const parts = Object.fromEntries(
    formatterFor(zone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  ) as Record<"year" | "month" | "day" | "hour" | "minute", string>;
  return parts;
}

/**
 * The calendar day of an instant in a zone.
 * @example localDay(Date.parse("2026-12-31T16:30:00Z"), "Asia/Makassar") // "2027-01-01" (00:30 WITA)
 */
export function localDay(at: number, zone: TimeZone): string {
  const { year, month, day } = wallClock(at, zone);
  return `${year}-${month}-${day}`;
}

/** @example localMonth(Date.parse("2026-12-31T16:30:00Z"), "Asia/Jakarta") // "2026-12" (23:30 WIB) */
export const localMonth = (at: number, zone: TimeZone) => localDay(at, zone).slice(0, 7);

/**
 * Date and minute in a zone, the format of the CSV exports and the dossier.
 * @example localDateTime(Date.parse("2026-03-01T17:30:00Z"), "Asia/Jakarta") // "2026-03-02 00:30"
 */
export function localDateTime(at: number, zone: TimeZone): string {
  const { year, month, day, hour, minute } = wallClock(at, zone);
  return `${year}-${month}-${day} ${hour}:${minute}`;
}

/**
 * The instant a zone's calendar day begins.
 * @example dayStart("2026-03-02", "Asia/Jayapura") // Date.parse("2026-03-01T15:00:00Z")
 */
export const dayStart = (day: string, zone: TimeZone) =>
  Date.parse(`${day}T00:00:00Z`) - TIME_ZONES[zone].utcOffsetHours * 3_600_000;

const MONTHS_ID = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
];

/**
 * A date as an Indonesian official letter writes it, from an instant (read in the zone) or a
 * `YYYY-MM-DD` day.
 * @example tanggalIndonesia(Date.parse("2026-11-23T03:00:00Z"), "Asia/Jakarta") // "23 November 2026"
 * @example tanggalIndonesia("2026-03-02", "Asia/Jakarta") // "2 Maret 2026"
 */
export function tanggalIndonesia(value: number | string, zone: TimeZone): string {
  const ymd = typeof value === "number" ? localDay(value, zone) : value;
  const [year, month, day] = ymd.split("-").map(Number) as [number, number, number];
  return `${day} ${MONTHS_ID[month - 1] ?? ""} ${year}`;
}

// ── SQL ──────────────────────────────────────────────────────────────────────────────────────

/** A zone as an SQL string literal (zone names are ours, never a person's input). */
export const zoneLiteral = (zone: TimeZone) => `'${zone}'`;

/**
 * The `strftime` modifier that moves a UTC instant to a zone's wall clock.
 * @param zone an SQL expression of a zone name (a column such as `a.time_zone`, or {@link zoneLiteral})
 */
export const utcModifierSql = (zone: string) => `CASE ${zone} ${UTC_MODIFIER_ARMS} END`;

/** The arms of {@link utcModifierSql}'s `CASE`, shared with the drizzle forms (src/db/local-time.ts). */
export const UTC_MODIFIER_ARMS = `${TIME_ZONE_IDS.map((z) => `WHEN '${z}' THEN '+${TIME_ZONES[z].utcOffsetHours} hours'`).join(" ")} ELSE '+${TIME_ZONES[DEFAULT_TIME_ZONE].utcOffsetHours} hours'`;

/** The `strftime` formats of a day, a month and a minute: the SQL twins of the JavaScript readings. */
export const LOCAL_FORMATS = { day: "%Y-%m-%d", month: "%Y-%m", minute: "%Y-%m-%d %H:%M" } as const;

/**
 * {@link localDay} in SQL.
 * @param at an SQL expression of epoch milliseconds
 * @param zone an SQL expression of a zone name
 */
export const localDaySql = (at: string, zone: string) =>
  `strftime('${LOCAL_FORMATS.day}', ${at} / 1000, 'unixepoch', ${utcModifierSql(zone)})`;

/** {@link localMonth} in SQL. */
export const localMonthSql = (at: string, zone: string) =>
  `strftime('${LOCAL_FORMATS.month}', ${at} / 1000, 'unixepoch', ${utcModifierSql(zone)})`;

/** {@link localDateTime} in SQL. */
export const localDateTimeSql = (at: string, zone: string) =>
  `strftime('${LOCAL_FORMATS.minute}', ${at} / 1000, 'unixepoch', ${utcModifierSql(zone)})`;
