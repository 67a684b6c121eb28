import { createRoute, z } from "@hono/zod-openapi";
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createDb } from "../src/db/client";
import { agencies, units } from "../src/db/schema";
import { createD1Stats, createRiderSlot, instrumentD1, type RiderSlot } from "../src/lib/d1-stats";
import { json } from "../src/lib/openapi";
import { testDb } from "./fixtures/db";
import { callApp, d1Cost } from "./fixtures/http";

// units has two secondary indexes (agency+code unique, parent) and two foreign keys (agency, parent
// unit; drizzle names parent_id explicitly): D1 counts a drizzle insert as 2 rows read (the two key
// checks) and 3 rows written (the table row + 2 index entries).
const UNIT_INSERT = { r: 2, w: 3 };

async function insertAgency(slug: string): Promise<number> {
  const { id } = await testDb
    .insert(agencies)
    .values({ slug, name: slug, region: "Test" })
    .returning({ id: agencies.id })
    .get();
  return id;
}

describe("Server-Timing d1 figures", () => {
  const app = createApp().openapi(
    createRoute({
      method: "post",
      path: "/api/v1/test/units/{agencyId}",
      request: { params: z.object({ agencyId: z.coerce.number().int() }) },
      responses: { 200: json(z.object({ codes: z.array(z.string()) }), "the agency's unit codes") },
    }),
    async (c) => {
      const { agencyId } = c.req.valid("param");
      const db = c.var.db;
      await db.batch([
        db.insert(units).values({ agencyId, code: "A", name: "Unit A" }),
        db.insert(units).values({ agencyId, code: "B", name: "Unit B" }),
        db.insert(units).values({ agencyId, code: "C", name: "Unit C" }),
      ]);
      const rows = await db
        .select({ code: units.code })
        .from(units)
        .where(eq(units.agencyId, agencyId))
        .orderBy(units.code);
      return c.json({ codes: rows.map((r) => r.code) }, 200);
    },
  );

  it("sums statements, rows read and rows written over a batch and a drizzle select", async () => {
    const agencyId = await insertAgency("timing");
    const res = await callApp(app, "POST", `/api/v1/test/units/${agencyId}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ codes: ["A", "B", "C"] });
    // 3 inserts in one batch, then one select that walks the 3 rows through the (agency, code) index:
    // two round trips, one after the other
    expect(d1Cost(res)).toEqual({ q: 4, r: 3 * UNIT_INSERT.r + 3, w: 3 * UNIT_INSERT.w, rt: 2 });
    expect(res.headers.get("server-timing")).toBe('d1;desc="q=4 r=9 w=9 rt=2"');
  });

  it("reports zero rows for a request that only pings D1", async () => {
    const res = await callApp(app, "GET", "/api/v1/health");
    expect(res.headers.get("server-timing")).toBe('d1;desc="q=1 r=0 w=0 rt=1"');
  });

  it("puts the figures on error answers too", async () => {
    const res = await callApp(app, "GET", "/api/v1/unknown");
    expect(res.status).toBe(404);
    expect(res.headers.get("server-timing")).toBe('d1;desc="q=0 r=0 w=0 rt=0"');
  });

  it("returns the D1 session bookmark so the client can read its own writes", async () => {
    const res = await callApp(app, "GET", "/api/v1/health", { headers: { "x-d1-bookmark": "not a bookmark!" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-d1-bookmark")).toMatch(/^[0-9a-f-]+$/);
  });
});

describe("instrumentD1", () => {
  it("serves drizzle's raw() path with exact rows and meta", async () => {
    const agencyId = await insertAgency("raw-path");
    const stats = createD1Stats();
    const db = createDb(instrumentD1(env.DB, stats, { strictColumns: true }));
    await db.insert(units).values([
      { agencyId, code: "X", name: "Unit X" },
      { agencyId, code: "Y", name: "Unit Y" },
    ]);
    const rows = await db
      .select({ agency: agencies.slug, unit: units.name })
      .from(units)
      .innerJoin(agencies, eq(agencies.id, units.agencyId))
      .where(eq(units.agencyId, agencyId))
      .orderBy(units.code);
    expect(rows).toEqual([
      { agency: "raw-path", unit: "Unit X" },
      { agency: "raw-path", unit: "Unit Y" },
    ]);
    // one two-row insert; the join finds the agency by key (1 row) then its 2 units through the index
    expect(stats).toEqual({
      queries: 2,
      rowsRead: 2 * UNIT_INSERT.r + 1 + 2,
      rowsWritten: 2 * UNIT_INSERT.w,
      roundTrips: 2,
    });
  });

  it("refuses, in strict mode, a result whose duplicate column names would shift values", async () => {
    const agencyId = await insertAgency("dup-columns");
    await testDb.insert(units).values({ agencyId, code: "D", name: "Unit D" });
    const db = createDb(instrumentD1(env.DB, createD1Stats(), { strictColumns: true }));
    const query = db
      .select({ agencyName: agencies.name, unitName: units.name })
      .from(units)
      .innerJoin(agencies, eq(agencies.id, units.agencyId))
      .where(eq(units.agencyId, agencyId));
    const error = await query.then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(String(error?.cause)).toMatch(
      /duplicate column names; alias them: select "agencies"."name", "units"."name"/,
    );
  });
});

describe("the rider (the session check travelling with the first call)", () => {
  // the instrumented D1 is called raw here on purpose: its prepare/batch/run are what is tested
  const rider = (slot: RiderSlot, seen: unknown[], fail = false) => {
    slot.pending = {
      sql: "SELECT 41 + 1 AS answer",
      params: [],
      check(result) {
        seen.push(result.results[0]);
        if (fail) throw new Error("session changed");
      },
    };
  };

  it("rides in the batch of the first read: one round trip, and the read gets only its own rows", async () => {
    const stats = createD1Stats();
    const slot = createRiderSlot();
    const seen: unknown[] = [];
    rider(slot, seen);
    const d1 = instrumentD1(env.DB, stats, { rider: slot });
    const row = await d1.prepare("SELECT 7 AS seven").first();
    expect(row).toEqual({ seven: 7 });
    expect(seen).toEqual([{ answer: 42 }]);
    expect(stats).toMatchObject({ queries: 2, roundTrips: 1 });
    // later calls go as usual
    await d1.prepare("SELECT 1").all();
    expect(stats).toMatchObject({ queries: 3, roundTrips: 2 });
  });

  it("goes alone before a call that writes, and a failed check stops the write", async () => {
    const agencyId = await insertAgency("rider-write");
    const stats = createD1Stats();
    const slot = createRiderSlot();
    const seen: unknown[] = [];
    rider(slot, seen, true);
    const d1 = instrumentD1(env.DB, stats, { rider: slot });
    await expect(
      d1.batch([d1.prepare("INSERT INTO units (agency_id, code, name) VALUES (?, 'R', 'Rider')").bind(agencyId)]),
    ).rejects.toThrow("session changed");
    expect(seen).toHaveLength(1);
    expect(await testDb.$count(units, eq(units.agencyId, agencyId))).toBe(0);
    // a write side by side afterwards waits for the failed check and does not run either
    await expect(
      d1.prepare("INSERT INTO units (agency_id, code, name) VALUES (?, 'S', 'Rider')").bind(agencyId).run(),
    ).rejects.toThrow("session changed");
    expect(await testDb.$count(units, eq(units.agencyId, agencyId))).toBe(0);
  });
});
