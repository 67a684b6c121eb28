/**
 * Reward periods. Points count for the day they were earned in the agency's time zone
 * (`time-zone.ts`), and every ledger row belongs to four running totals: all time, its year, its
 * quarter and its month. The same mapping from a day to its periods is written in SQL below, for the
 * totals fold of `db/queries/reward-totals.queries.ts` (it derives them from `point_ledger.day`).
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
 * The period of a kind that contains `at`, as stored in the `…_key` columns of `point_totals`.
 * @example currentPeriod("quarter", Date.parse("2026-11-05T03:00:00Z"), "Asia/Jakarta") // "2026-Q4"
 */
export function currentPeriod(kind: PeriodKind, at: number, zone: TimeZone): string {
  const [all, year, quarter, month] = periodsFor(at, zone);
  return { all, year, quarter, month }[kind];
}

/**
 * The SQL form of {@link periodsOfDay}, side by side with it (a test holds them equal): the key of
 * the year, quarter or month of an SQL expression that is a `YYYY-MM-DD` day or a `YYYY-MM` month.
 * All-time has no key. Keys of one kind sort as their periods do, so `max()` is the newest.
 * @example periodKeySql.quarter("l.day") // SQL yielding '2026-Q4' for '2026-11-05'
 */
export const periodKeySql = {
  year: (day: string) => `substr(${day}, 1, 4)`,
  quarter: (day: string) => `substr(${day}, 1, 4) || '-Q' || ((CAST(substr(${day}, 6, 2) AS INTEGER) + 2) / 3)`,
  month: (day: string) => `substr(${day}, 1, 7)`,
} satisfies Record<Exclude<PeriodKind, "all">, (day: string) => string>;

/**
 * The kind of a period key, the inverse of {@link periodsOfDay}.
 * @example kindOfPeriod("2026-Q4") // "quarter"
 */
export function kindOfPeriod(period: string): PeriodKind {
  if (period === "all") return "all";
  if (period.length === 4) return "year";
  return period.includes("Q") ? "quarter" : "month";
}
