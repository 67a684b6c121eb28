/**
 * The running totals the scheduler folds from the ledger (`reward-totals.queries.ts`): one row per
 * person and unit with all time and the newest year, quarter and month side by side, rolled over
 * when a fold brings rows of a newer period, and the same whether rows are folded together, one by
 * one or late; and the SQL form of a day's periods, held equal to the JS form.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { runBatch } from "../src/db/client";
import { foldTotalsStatements } from "../src/db/queries/reward-fold.queries";
import { recomputeTotalsOf, statementText } from "../src/db/queries/reward-totals.queries";
import { pointLedger, pointTotals } from "../src/db/schema";
import { periodKeySql, periodsOfDay } from "../src/domain/reward-periods";
import { createAgency, createUnit, createUser, type TestUser } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { foldTotals } from "./fixtures/rewards";

let person: TestUser;
let serial = 0;

beforeEach(async () => {
  // rows of other tests' agencies are folded first: each fold here then takes only this test's rows
  await foldTotals();
  person = await createUser(await createUnit(await createAgency()));
});

/** A ledger row of `points` for the person, earned on `day`. */
async function earn(day: string, points: number) {
  serial++;
  await testDb.insert(pointLedger).values({
    agencyId: person.agencyId,
    userId: person.id,
    unitId: person.unitId,
    points,
    eventType: "comment_posted",
    subjectType: "comment",
    subjectId: serial,
    ruleKey: "comment_posted",
    rulesVersion: 0,
    idempotencyKey: `totals-test:${person.id}:${serial}`,
    day,
    at: Date.parse(`${day}T05:00:00Z`),
  });
}

async function fold() {
  await runBatch(testDb, foldTotalsStatements(testDb));
}

async function totalsOf(type: "user" | "unit", id: number) {
  const row = await testDb
    .select()
    .from(pointTotals)
    .where(
      and(eq(pointTotals.agencyId, person.agencyId), eq(pointTotals.subjectType, type), eq(pointTotals.subjectId, id)),
    )
    .get();
  const { agencyId: _, subjectType: __, subjectId: ___, ...periods } = row!;
  return periods;
}

const NOV_30_THEN_DEC_1 = {
  allPoints: 12,
  yearKey: "2026",
  yearPoints: 12,
  quarterKey: "2026-Q4",
  quarterPoints: 12,
  monthKey: "2026-12",
  monthPoints: 7,
};

describe("the scheduler's fold of the running totals", () => {
  it("keeps one row for the person and one for the unit, with all time and the newest month, quarter and year", async () => {
    await earn("2026-11-30", 5);
    await fold();
    expect(await totalsOf("user", person.id)).toEqual({
      allPoints: 5,
      yearKey: "2026",
      yearPoints: 5,
      quarterKey: "2026-Q4",
      quarterPoints: 5,
      monthKey: "2026-11",
      monthPoints: 5,
    });
    expect(await totalsOf("unit", person.unitId)).toEqual(await totalsOf("user", person.id));
  });

  it("restarts the month at the new month's rows when Nov 30 and Dec 1 are folded in one run", async () => {
    await earn("2026-11-30", 5);
    await earn("2026-12-01", 7);
    await fold();
    expect(await totalsOf("user", person.id)).toEqual(NOV_30_THEN_DEC_1);
    expect(await totalsOf("unit", person.unitId)).toEqual(NOV_30_THEN_DEC_1);
  });

  it("restarts the month when Nov 30 and Dec 1 are folded in two runs", async () => {
    await earn("2026-11-30", 5);
    await fold();
    await earn("2026-12-01", 7);
    await fold();
    expect(await totalsOf("user", person.id)).toEqual(NOV_30_THEN_DEC_1);
  });

  it("adds a row folded late across the boundary to all time, its quarter and year, not to the newer month", async () => {
    await earn("2026-12-01", 7);
    await fold();
    await earn("2026-11-30", 5);
    await fold();
    expect(await totalsOf("user", person.id)).toEqual(NOV_30_THEN_DEC_1);
  });

  it("restarts month, quarter and year at a new year, whatever else the run folds", async () => {
    await earn("2026-12-31", 4);
    await fold();
    await earn("2026-11-02", 1);
    await earn("2027-01-01", 3);
    await earn("2027-01-02", 2);
    await fold();
    expect(await totalsOf("user", person.id)).toEqual({
      allPoints: 10,
      yearKey: "2027",
      yearPoints: 5,
      quarterKey: "2027-Q1",
      quarterPoints: 5,
      monthKey: "2027-01",
      monthPoints: 5,
    });
  });

  it("gives the same totals as computing them again from the whole ledger, as a restore does", async () => {
    for (const [day, points] of [
      ["2026-09-30", 2],
      ["2026-10-01", 3],
      ["2026-11-30", 5],
      ["2026-12-01", -1],
    ] as const) {
      await earn(day, points);
      await fold();
    }
    const folded = [await totalsOf("user", person.id), await totalsOf("unit", person.unitId)];
    // as SQL text on purpose: the text form is what a restore replays (src/db/backup-format.ts)
    for (const statement of recomputeTotalsOf(person.agencyId)) await env.DB.prepare(statementText(statement)).run();
    expect([await totalsOf("user", person.id), await totalsOf("unit", person.unitId)]).toEqual(folded);
    expect(folded[0]).toMatchObject({ allPoints: 9, quarterPoints: 7, monthKey: "2026-12", monthPoints: -1 });
  });
});

describe("periodKeySql", () => {
  it("gives every day of four years the year, quarter and month that periodsOfDay gives", async () => {
    // as SQL text on purpose: periodKeySql is the text form written into SQL strings
    const { results } = await env.DB.prepare(
      `WITH RECURSIVE d(day) AS (SELECT '2024-01-01' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2027-12-31')
       SELECT day, ${periodKeySql.year("day")} AS year, ${periodKeySql.quarter("day")} AS quarter,
         ${periodKeySql.month("day")} AS month FROM d`,
    ).all<{ day: string; year: string; quarter: string; month: string }>();
    expect(results).toHaveLength(1461);
    for (const r of results) expect(["all", r.year, r.quarter, r.month], r.day).toEqual(periodsOfDay(r.day));
  });
});
