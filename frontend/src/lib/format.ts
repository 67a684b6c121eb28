import { locale, t } from "../i18n";
import { agencyTimeZone, type TimeZone } from "../models/agency-clock";

/** BCP 47 tags for the app's languages: Indonesian dates read "17 Apr 2026", English "17 Apr 2026" too. */
const TAGS = { id: "id-ID", en: "en-GB" } as const;

const cache = new Map<string, Intl.DateTimeFormat>();

/** A formatter in the person's language, on the agency's clock unless `options.timeZone` names another. */
function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = TAGS[locale.value];
  options = { timeZone: agencyTimeZone.value, ...options };
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(tag, options)));
  return format;
}

/**
 * A day in the person's language, on the agency's clock; reading it in a component follows a
 * language switch.
 * @param zone another agency's clock (a public page of that agency)
 * @example formatDate("2026-04-17T20:00:00.000Z") // "18 Apr 2026" for an agency in Makassar
 */
export function formatDate(iso: string, zone?: TimeZone): string {
  return dateFormat({ day: "numeric", month: "short", year: "numeric", ...(zone ? { timeZone: zone } : {}) }).format(
    new Date(iso),
  );
}

/** @example formatDateTime("2026-04-17T03:00:00.000Z") // "17 Apr 2026, 10.00" (an agency on WIB) */
export function formatDateTime(iso: string): string {
  return dateFormat({ day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(
    new Date(iso),
  );
}

/** Hours and minutes, for "Tersimpan 10.42". */
export function formatTime(date: Date): string {
  return dateFormat({ hour: "2-digit", minute: "2-digit" }).format(date);
}

/** The agency's clock as Indonesians name it: "WIB", "WITA" or "WIT". */
export function timeZoneName(): string {
  return t(`timeZone.short.${agencyTimeZone.value}`);
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
