/**
 * Reward periods. Points count for the day they were earned in the agency's time zone (WIB by
 * default), and every ledger row belongs to four running totals: all time, its year, its quarter
 * and its month. The same mapping from a day to its periods is written in SQL in
 * `db/queries/rewards.queries.ts` (the totals upsert derives them from `point_ledger.day`).
 */
export const DEFAULT_TIME_ZONE = "Asia/Jakarta";

export const PERIOD_KINDS = ["month", "quarter", "year", "all"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The calendar day of an instant in a time zone.
 * @example dayOf(Date.parse("2026-12-31T17:30:00Z")) // "2027-01-01" (00:30 WIB)
 */
export function dayOf(at: number, timeZone = DEFAULT_TIME_ZONE): string {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * The totals a day's points count towards, widest first.
 * @example periodsOfDay("2026-11-05") // ["all", "2026", "2026-Q4", "2026-11"]
 */
export function periodsOfDay(day: string): [string, string, string, string] {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  return ["all", year, `${year}-Q${Math.ceil(month / 3)}`, day.slice(0, 7)];
}

/**
 * @example periodsFor(Date.parse("2026-11-05T03:00:00Z")) // ["all", "2026", "2026-Q4", "2026-11"]
 */
export function periodsFor(at: number, timeZone = DEFAULT_TIME_ZONE): [string, string, string, string] {
  return periodsOfDay(dayOf(at, timeZone));
}

/**
 * The period of a kind that contains `at`, as stored in `point_totals.period`.
 * @example currentPeriod("quarter", Date.parse("2026-11-05T03:00:00Z")) // "2026-Q4"
 */
export function currentPeriod(kind: PeriodKind, at: number, timeZone = DEFAULT_TIME_ZONE): string {
  const [all, year, quarter, month] = periodsFor(at, timeZone);
  return { all, year, quarter, month }[kind];
}

/**
 * The same mappings in SQL, for statements that derive days and periods inside D1 (the totals
 * upsert, the demo seed). WIB has no daylight saving, so the day is the UTC instant plus 7 hours.
 * @param at an SQL expression of epoch milliseconds
 */
export const dayOfSql = (at: string) => `strftime('%Y-%m-%d', ${at} / 1000, 'unixepoch', '+7 hours')`;

/**
 * @param day an SQL expression of a `YYYY-MM-DD` day
 * @param n an SQL expression 0..3: all time, year, quarter, month (see {@link periodsOfDay})
 */
export const periodOfDaySql = (day: string, n: string) =>
  `CASE ${n} WHEN 0 THEN 'all' WHEN 1 THEN substr(${day}, 1, 4)
    WHEN 2 THEN substr(${day}, 1, 4) || '-Q' || ((CAST(substr(${day}, 6, 2) AS INTEGER) + 2) / 3)
    ELSE substr(${day}, 1, 7) END`;

/** The four period kinds and the two subjects every ledger row counts for, as SQL rows `p.n` and `k.kind`. */
export const PERIODS_AND_SUBJECTS_SQL =
  "(SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) p CROSS JOIN (SELECT 'user' AS kind UNION ALL SELECT 'unit') k";
