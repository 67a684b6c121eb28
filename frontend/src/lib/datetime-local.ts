import { agencyTimeZone } from "../models/agency-clock";

const pad = (n: number) => String(n).padStart(2, "0");

const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in a zone, to the minute. */
function wallClock(at: number, zone: string) {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return parts as Record<"year" | "month" | "day" | "hour" | "minute", number>;
}

/** Minutes the zone's clock is ahead of UTC at `at`. */
function offsetMinutes(at: number, zone: string): number {
  const c = wallClock(at, zone);
  return Math.round(
    (Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute) - Math.floor(at / 60_000) * 60_000) / 60_000,
  );
}

/**
 * An ISO time as the value of an `<input type="datetime-local">`, on the agency's clock (not the
 * device's: a deadline of an agency in Makassar reads in WITA on any phone).
 * @example toLocalInput("2026-03-01T02:00:00.000Z") // "2026-03-01T09:00" for an agency on WIB
 */
export function toLocalInput(iso: string | null, zone: string = agencyTimeZone.value): string {
  if (!iso) return "";
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return "";
  const c = wallClock(at, zone);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}`;
}

/**
 * A `datetime-local` value, read on the agency's clock, as ISO 8601 with that clock's offset;
 * null when empty, undefined when unreadable.
 * @example fromLocalInput("2026-03-01T09:00") // "2026-03-01T09:00:00+07:00" for an agency on WIB
 */
export function fromLocalInput(value: string, zone: string = agencyTimeZone.value): string | null | undefined {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(asUtc)) return undefined;
  const offset = offsetMinutes(asUtc - offsetMinutes(asUtc, zone) * 60_000, zone);
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${value}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
