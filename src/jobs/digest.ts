/**
 * The morning digest: at DIGEST_HOUR on each agency's own clock, one message per person with the
 * votes and comments on their ideas of the past day (for the kinds they get by digest). The
 * message's dedupe key names the day, so every later run that day changes nothing.
 */
import { eq } from "drizzle-orm";
import type { Database, Statement } from "../db/client";
import { digestStatement } from "../db/queries/outbox.queries";
import { agencies } from "../db/schema";
import { DIGEST_HOUR } from "../domain/notifications";
import { dayStart, localDay } from "../domain/time-zone";

const HOUR = 60 * 60 * 1000;
/**
 * The digest is written in the runs of this window after DIGEST_HOUR, not in every later run of the
 * day: its statement reads the day's notifications of the agency (1.36 million rows at the bench's
 * L scale), and the day's dedupe key already makes a repeat write nothing. A scheduler outage
 * covering the whole window skips that morning's e-mail; the notifications stay in the app.
 */
export const DIGEST_WINDOW_MS = 15 * 60 * 1000;

export async function digestBatches(db: Database, now: number): Promise<Statement[][]> {
  const rows = await db
    .select({ id: agencies.id, timeZone: agencies.timeZone })
    .from(agencies)
    .where(eq(agencies.active, true));
  return rows.flatMap(({ id, timeZone }) => {
    const day = localDay(now, timeZone);
    const to = dayStart(day, timeZone) + DIGEST_HOUR * HOUR;
    if (now < to || now >= to + DIGEST_WINDOW_MS) return [];
    return [[digestStatement(db, { agencyId: id, from: to - 24 * HOUR, to, day, now })]];
  });
}
