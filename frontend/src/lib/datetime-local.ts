const pad = (n: number) => String(n).padStart(2, "0");

/**
 * An ISO time as the value of an `<input type="datetime-local">`, in the browser's time zone.
 * @example toLocalInput("2026-03-01T02:00:00.000Z") // "2026-03-01T09:00" in Jakarta
 */
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A `datetime-local` value as ISO 8601 with the browser's offset for that day (so a date across a
 * daylight-saving change keeps its own offset); null when empty, undefined when unreadable.
 * @example fromLocalInput("2026-03-01T09:00") // "2026-03-01T09:00:00+07:00" in Jakarta
 */
export function fromLocalInput(value: string): string | null | undefined {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const local = new Date(y, mo - 1, d, h, mi);
  if (Number.isNaN(local.getTime())) return undefined;
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${value}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
