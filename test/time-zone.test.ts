/**
 * The agency's clock in its two forms: `Intl` in JavaScript and the fixed offset in SQL. They must
 * agree on every instant in all three zones, or a day's points would count for one day in the
 * ledger (SQL seeds, the totals) and another in the Worker (caps, "today").
 */
import { env } from "cloudflare:test";
import { inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../src/db/client";
import { agencyZone, sqlLocalDateTime, sqlLocalDay, sqlLocalMonth } from "../src/db/local-time";
import { agencies } from "../src/db/schema";
import { periodsFor } from "../src/domain/reward-periods";
import {
  dayStart,
  localDateTime,
  localDateTimeSql,
  localDay,
  localDaySql,
  localMonth,
  localMonthSql,
  tanggalIndonesia,
  TIME_ZONE_IDS,
  zoneLiteral,
  type TimeZone,
} from "../src/domain/time-zone";
import { createAgency } from "./fixtures/builders";

const HOUR = 3_600_000;

/**
 * Instants around every local midnight of two years (a second before and after, half an hour after)
 * in every zone, and a walk through the clock at odd steps: the edges where a wrong offset shows.
 */
function instants(): number[] {
  const out: number[] = [];
  const start = Date.parse("2025-12-30T00:00:00Z");
  for (let day = 0; day < 2 * 366; day++) {
    for (const offset of [7, 8, 9]) {
      const midnight = start + day * 24 * HOUR - offset * HOUR;
      out.push(midnight - 1_000, midnight, midnight + 1_000, midnight + HOUR / 2);
    }
  }
  for (let at = start; at < start + 2 * 366 * 24 * HOUR; at += 7 * HOUR + 13 * 60_000 + 17_000) out.push(at);
  return out;
}

/** The SQL forms evaluated by D1 for many instants at once (one bound JSON array). */
async function inSql(zone: TimeZone, ats: number[]) {
  const { results } = await env.DB.prepare(
    `SELECT value AS at, ${localDaySql("value", zoneLiteral(zone))} AS day, ${localMonthSql("value", zoneLiteral(zone))} AS month,
       ${localDateTimeSql("value", zoneLiteral(zone))} AS minute
     FROM json_each(?) ORDER BY key`,
  )
    .bind(JSON.stringify(ats))
    .all<{ at: number; day: string; month: string; minute: string }>();
  return results;
}

describe("the agency's clock, in JavaScript and in SQL", () => {
  const ats = instants();

  it.each(TIME_ZONE_IDS)("reads the same day, month and minute in both forms in %s", async (zone) => {
    const rows = await inSql(zone, ats);
    expect(rows).toHaveLength(ats.length);
    const disagreements = rows.filter(
      (r) =>
        r.day !== localDay(r.at, zone) || r.month !== localMonth(r.at, zone) || r.minute !== localDateTime(r.at, zone),
    );
    expect(disagreements).toEqual([]);
  });

  it("reads the same day in SQL from a zone stored in a column", async () => {
    const at = Date.parse("2026-12-31T16:30:00Z");
    const { results } = await env.DB.prepare(
      `SELECT z.value AS zone, ${localDaySql(String(at), "z.value")} AS day FROM json_each(?) z ORDER BY z.key`,
    )
      .bind(JSON.stringify(TIME_ZONE_IDS))
      .all<{ zone: TimeZone; day: string }>();
    expect(results).toEqual(TIME_ZONE_IDS.map((zone) => ({ zone, day: localDay(at, zone) })));
  });
});

describe("the agency's clock as drizzle SQL over schema columns (src/db/local-time.ts)", () => {
  const ats = instants();
  const db = createDb(env.DB);
  const instant = sql`j.value`;

  it.each(TIME_ZONE_IDS)("reads the same day, month and minute as JavaScript in %s", async (zone) => {
    const rows = await db.all<{ at: number; day: string; month: string; minute: string }>(
      sql`SELECT j.value AS at, ${sqlLocalDay(instant, zone)} AS day, ${sqlLocalMonth(instant, zone)} AS month,
        ${sqlLocalDateTime(instant, zone)} AS minute FROM json_each(${JSON.stringify(ats)}) j ORDER BY j.key`,
    );
    expect(rows).toHaveLength(ats.length);
    const disagreements = rows.filter(
      (r) =>
        r.day !== localDay(r.at, zone) || r.month !== localMonth(r.at, zone) || r.minute !== localDateTime(r.at, zone),
    );
    expect(disagreements).toEqual([]);
  });

  it("reads an agency's day from its time_zone column and from its id, in all three zones", async () => {
    const created = await Promise.all(TIME_ZONE_IDS.map((zone) => createAgency(`Jam ${zone}`, zone)));
    const rows = await db.all<{ zone: TimeZone; at: number; byColumn: string; byId: string }>(
      sql`SELECT ${agencies.timeZone} AS zone, j.value AS at, ${sqlLocalDay(instant, agencies.timeZone)} AS byColumn,
        ${sqlLocalDay(instant, agencyZone(agencies.id))} AS byId
        FROM ${agencies} CROSS JOIN json_each(${JSON.stringify(ats)}) j
        WHERE ${inArray(
          agencies.id,
          created.map((a) => a.id),
        )}`,
    );
    expect(rows).toHaveLength(3 * ats.length);
    const wrong = rows.filter((r) => r.byColumn !== localDay(r.at, r.zone) || r.byId !== r.byColumn);
    expect(wrong).toEqual([]);
  });

  it("binds an instant given as a number", async () => {
    const lateEvening = Date.parse("2026-12-31T16:30:00Z");
    const [row] = await db.all<{ wib: string; wita: string }>(
      sql`SELECT ${sqlLocalDateTime(lateEvening, "Asia/Jakarta")} AS wib, ${sqlLocalDateTime(lateEvening, "Asia/Makassar")} AS wita`,
    );
    expect(row).toEqual({ wib: "2026-12-31 23:30", wita: "2027-01-01 00:30" });
  });
});

describe("a day in the three zones", () => {
  // 23:30 WIB on 31 December is 00:30 WITA and 01:30 WIT on 1 January
  const lateEvening = Date.parse("2026-12-31T16:30:00Z");

  it("puts 23:30 WIB in the old day, month and year in Jakarta and in the new ones in Makassar and Jayapura", () => {
    expect(localDateTime(lateEvening, "Asia/Jakarta")).toBe("2026-12-31 23:30");
    expect(localDateTime(lateEvening, "Asia/Makassar")).toBe("2027-01-01 00:30");
    expect(localDateTime(lateEvening, "Asia/Jayapura")).toBe("2027-01-01 01:30");
    expect(periodsFor(lateEvening, "Asia/Jakarta")).toEqual(["all", "2026", "2026-Q4", "2026-12"]);
    expect(periodsFor(lateEvening, "Asia/Makassar")).toEqual(["all", "2027", "2027-Q1", "2027-01"]);
  });

  it("begins each zone's day at its own midnight", () => {
    expect(dayStart("2027-01-01", "Asia/Jakarta")).toBe(Date.parse("2026-12-31T17:00:00Z"));
    expect(dayStart("2027-01-01", "Asia/Makassar")).toBe(Date.parse("2026-12-31T16:00:00Z"));
    expect(dayStart("2027-01-01", "Asia/Jayapura")).toBe(Date.parse("2026-12-31T15:00:00Z"));
    for (const zone of TIME_ZONE_IDS) {
      expect(localDay(dayStart("2027-01-01", zone), zone)).toBe("2027-01-01");
      expect(localDay(dayStart("2027-01-01", zone) - 1, zone)).toBe("2026-12-31");
    }
  });

  it("writes a date the Indonesian way on the zone's calendar", () => {
    expect(tanggalIndonesia(Date.parse("2026-11-23T03:00:00Z"), "Asia/Jakarta")).toBe("23 November 2026");
    expect(tanggalIndonesia(lateEvening, "Asia/Jakarta")).toBe("31 Desember 2026");
    expect(tanggalIndonesia(lateEvening, "Asia/Jayapura")).toBe("1 Januari 2027");
    expect(tanggalIndonesia("2026-08-17", "Asia/Makassar")).toBe("17 Agustus 2026");
  });
});
