/**
 * Times as people in the agencies read them: Western Indonesian Time (WIB, Asia/Jakarta, UTC+7,
 * without daylight saving since 1964), so a fixed offset is exact.
 */
const WIB_OFFSET_MS = 7 * 3_600_000;

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

const wibIso = (ms: number) => new Date(ms + WIB_OFFSET_MS).toISOString();

/**
 * Date and minute in WIB, the format of the CSV exports.
 * @example wibDateTime(Date.parse("2026-03-01T17:30:00Z")) // "2026-03-02 00:30"
 */
export function wibDateTime(ms: number): string;
export function wibDateTime(ms: number | null | undefined): string | null;
export function wibDateTime(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined) return null;
  return wibIso(ms).slice(0, 16).replace("T", " ");
}

/** @example wibDate(Date.parse("2026-03-01T17:30:00Z")) // "2026-03-02" */
export const wibDate = (ms: number) => wibIso(ms).slice(0, 10);

/**
 * A calendar date the Indonesian way, from epoch ms (read in WIB) or a `YYYY-MM-DD` string.
 * @example longDateId("2026-03-02") // "2 Maret 2026"
 */
export function longDateId(value: number | string): string {
  const ymd = typeof value === "number" ? wibDate(value) : value;
  const [y, m, d] = ymd.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS_ID[m - 1] ?? ""} ${y}`;
}
