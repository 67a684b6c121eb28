import { locale } from "../i18n";

/** BCP 47 tags for the app's languages: Indonesian dates read "17 Apr 2026", English "17 Apr 2026" too. */
const TAGS = { id: "id-ID", en: "en-GB" } as const;

const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = TAGS[locale.value];
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(tag, options)));
  return format;
}

/**
 * A day in the person's language; reading it in a component follows a language switch.
 * @example formatDate("2026-04-17T03:00:00.000Z") // "17 Apr 2026"
 */
export function formatDate(iso: string): string {
  return dateFormat({ day: "numeric", month: "short", year: "numeric" }).format(new Date(iso));
}

/** @example formatDateTime("2026-04-17T03:00:00.000Z") // "17 Apr 2026, 10.00" (in Jakarta) */
export function formatDateTime(iso: string): string {
  return dateFormat({ day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(
    new Date(iso),
  );
}

/** Hours and minutes, for "Tersimpan 10.42". */
export function formatTime(date: Date): string {
  return dateFormat({ hour: "2-digit", minute: "2-digit" }).format(date);
}

/** The browser's time zone as people read it ("WIB" in Jakarta, else e.g. "GMT+7"). */
export function timeZoneName(date = new Date()): string {
  const part = dateFormat({ timeZoneName: "short" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? "";
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** One formatter per language and options: building one costs more than formatting a list with it. */
function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const tag = TAGS[locale.value];
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(tag, options)));
  return format;
}

/** @example formatNumber(1234) // "1.234" in Indonesian */
export function formatNumber(value: number): string {
  return numberFormat().format(value);
}

/**
 * A file size for people: bytes, KB or MB with one decimal.
 * @example formatBytes(1_572_864) // "1,5 MB" in Indonesian
 */
export function formatBytes(bytes: number): string {
  const format = (value: number, unit: string) => `${numberFormat({ maximumFractionDigits: 1 }).format(value)} ${unit}`;
  if (bytes < 1024) return format(bytes, "B");
  if (bytes < 1024 * 1024) return format(bytes / 1024, "KB");
  return format(bytes / (1024 * 1024), "MB");
}
