import { env } from "cloudflare:test";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { changesOf, createDb, runBatch, runMappedBatch } from "../src/db/client";
import { units } from "../src/db/schema";
import { createD1Stats, instrumentD1 } from "../src/lib/d1-stats";
import { createAgency } from "./fixtures/builders";

const UNIT_COLUMNS = sql`(${sql.join(
  [units.agencyId, units.code, units.name].map((c) => sql.identifier(c.name)),
  sql`, `,
)})`;

// src/db/client.ts binds a batch's statements itself because of drizzle-orm#2277. These tests pin what
// that relies on, so that an upgrade of drizzle-orm fails here, loudly, instead of in a handler.
describe("runBatch and runMappedBatch (src/db/client.ts)", () => {
  it("still need their own binding: drizzle's db.batch cannot bind a raw statement's parameters", async () => {
    const agency = await createAgency();
    const db = createDb(env.DB);
    const raw = db.run(sql`insert into ${units} ${UNIT_COLUMNS}
      values (${agency.id}, 'RAW', 'Unit Raw')`);
    // When this starts to pass, drizzle fixed #2277: replace runBatch/runMappedBatch by db.batch.
    await expect(db.batch([raw])).rejects.toThrow(/reading 'bind'/);
  });

  it("bind raw and built statements in one transaction and map each result as drizzle's batch would", async () => {
    const agency = await createAgency();
    const db = createDb(instrumentD1(env.DB, createD1Stats(), { strictColumns: true }));
    const [inserted, renamed, rows, unit] = await runMappedBatch(db, [
      db.run(sql`insert into ${units} ${UNIT_COLUMNS}
        values (${agency.id}, 'RAW', 'Unit Raw')`),
      db.update(units).set({ name: "Unit Mentah" }).where(eq(units.code, "RAW")),
      db.select({ code: units.code, name: units.name }).from(units).where(eq(units.agencyId, agency.id)),
      db.query.units.findFirst({ where: eq(units.agencyId, agency.id), columns: { name: true } }),
    ]);
    expect(changesOf(inserted)).toBe(1);
    expect(changesOf(renamed)).toBeGreaterThanOrEqual(1);
    expect(rows).toEqual([{ code: "RAW", name: "Unit Mentah" }]);
    expect(unit).toEqual({ name: "Unit Mentah" });
  });

  it("roll the whole batch back when one statement fails", async () => {
    const agency = await createAgency();
    const db = createDb(env.DB);
    const insert = (code: string) =>
      db.run(sql`insert into ${units} ${UNIT_COLUMNS}
        values (${agency.id}, ${code}, 'Unit')`);
    await expect(runBatch(db, [insert("ONCE"), insert("ONCE")])).rejects.toThrow(/UNIQUE/);
    const left = await db.select({ code: units.code }).from(units).where(eq(units.agencyId, agency.id));
    expect(left).toEqual([]);
    expect(await runBatch(db, [])).toEqual([]);
  });
});
