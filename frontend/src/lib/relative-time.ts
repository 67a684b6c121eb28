import { locale } from "../i18n";

const TAGS = { id: "id-ID", en: "en-GB" } as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const formats = new Map<string, Intl.RelativeTimeFormat>();

/** One formatter per language: a list of cards would otherwise build one per card. */
function relativeFormat(): Intl.RelativeTimeFormat {
  const tag = TAGS[locale.value];
  let format = formats.get(tag);
  if (!format) formats.set(tag, (format = new Intl.RelativeTimeFormat(tag, { numeric: "auto" })));
  return format;
}

/**
 * How far a moment is from now, in words of the person's language: "3 hari lagi", "kemarin",
 * "2 jam yang lalu". Hours under a day, then days, then weeks past two weeks.
 * @param at an ISO time or epoch milliseconds
 * @param now the clock (tests pass their own)
 * @example formatRelative("2026-11-23T08:00:00Z", Date.parse("2026-11-20T08:00:00Z")) // "3 hari lagi"
 */
export function formatRelative(at: string | number, now = Date.now()): string {
  const format = relativeFormat();
  const diff = (typeof at === "number" ? at : Date.parse(at)) - now;
  const abs = Math.abs(diff);
  if (abs < HOUR) return format.format(Math.round(diff / 60_000), "minute");
  if (abs < DAY) return format.format(Math.round(diff / HOUR), "hour");
  if (abs < 14 * DAY) return format.format(Math.round(diff / DAY), "day");
  return format.format(Math.round(diff / (7 * DAY)), "week");
}

/** An ISO time or epoch milliseconds as ISO, for `<time dateTime>`; null when unreadable. */
export function isoOf(at: unknown): string | null {
  if (typeof at === "number" && Number.isFinite(at)) return new Date(at).toISOString();
  if (typeof at === "string" && !Number.isNaN(Date.parse(at))) return new Date(at).toISOString();
  return null;
}
