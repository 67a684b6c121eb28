/**
 * Reward periods. Points count for the day they were earned in the agency's time zone
 * (`time-zone.ts`), and every ledger row belongs to four running totals: all time, its year, its
 * quarter and its month. The same mapping from a day to its periods is written in SQL below, for the
 * totals upsert of `db/queries/rewards.queries.ts` (it derives them from `point_ledger.day`).
 */
import { localDay, type TimeZone } from "./time-zone.ts";

export const PERIOD_KINDS = ["month", "quarter", "year", "all"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

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
 * @example periodsFor(Date.parse("2026-11-05T03:00:00Z"), "Asia/Jakarta") // ["all", "2026", "2026-Q4", "2026-11"]
 */
export function periodsFor(at: number, zone: TimeZone): [string, string, string, string] {
  return periodsOfDay(localDay(at, zone));
}

/**
 * The period of a kind that contains `at`, as stored in `point_totals.period`.
 * @example currentPeriod("quarter", Date.parse("2026-11-05T03:00:00Z"), "Asia/Jakarta") // "2026-Q4"
 */
export function currentPeriod(kind: PeriodKind, at: number, zone: TimeZone): string {
  const [all, year, quarter, month] = periodsFor(at, zone);
  return { all, year, quarter, month }[kind];
}

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
