/**
 * A leaderboard page never reads the ledger: with 12,000 ledger rows of 2,400 people in 24 units, a
 * page of people reads a small multiple of its size (the running totals through their board index,
 * each person's name and unit by primary key), and a page of units reads the agency's unit totals
 * of the period (units have no board index, so that a unit's total moves with one row written) and
 * the names of the units shown — bounded by the agency's units, not by the ledger.
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { recomputeTotalsOf } from "../src/db/queries/reward-totals.queries";
import { jobWatermarks, pointLedger, units, users } from "../src/db/schema";
import { DEFAULT_TIME_ZONE, localDay } from "../src/domain/time-zone";
import { createAgency, createUnit, createUser, signIn, type TestAgency } from "./fixtures/builders";
import { bodyOf, client } from "./fixtures/client";
import { columnList, testDb } from "./fixtures/db";
import { d1Cost } from "./fixtures/http";

const PEOPLE = 2400;
const ROWS_EACH = 5;
const UNITS = 24;
const PAGE = 20;
// per row shown (and the one extra row that tells there is a next page): its total through the
// board index, the person and their unit by primary key; plus the session (2); plus how current the
// folded totals are (the fold's watermark and the oldest ledger row past it: 4, issue 22)
const BUDGET = { users: 3 * (PAGE + 1) + 8, units: 2 * UNITS + (PAGE + 1) + 8 };
// units: each unit's total of the period (its primary-key entry and its row), then the name of each
// unit shown

let agency: TestAgency;
let cookie: string;

beforeAll(async () => {
  agency = await createAgency();
  const first = await createUnit(agency);
  cookie = await signIn(await createUser(first));
  await testDb.run(sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${UNITS - 1})
    INSERT INTO ${units} (${columnList(units.agencyId, units.code, units.name)})
    SELECT ${agency.id}, 'LB-' || i, 'Dinas Papan ' || i FROM n`);
  // people spread over the units, with made-up NIPs of the right length (no sign-in needed)
  const unitOrder = sql`SELECT ${units.id} AS id, row_number() OVER (ORDER BY ${units.id}) - 1 AS k
    FROM ${units} WHERE ${units.agencyId} = ${agency.id}`;
  await testDb.run(sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${PEOPLE})
    INSERT INTO ${users} (${columnList(users.agencyId, users.unitId, users.nip, users.name, users.email, users.passwordHash)})
    SELECT ${agency.id}, u.id, printf('%04d%014d', ${agency.id} % 10000, i), 'Peserta ' || i,
      'papan' || ${agency.id} || '-' || i || '@uji.go.id', 'x'
    FROM n JOIN (${unitOrder}) u ON u.k = n.i % ${UNITS}`);
  const today = localDay(Date.now(), DEFAULT_TIME_ZONE);
  const into = columnList(
    pointLedger.agencyId,
    pointLedger.userId,
    pointLedger.unitId,
    pointLedger.points,
    pointLedger.eventType,
    pointLedger.subjectType,
    pointLedger.subjectId,
    pointLedger.ruleKey,
    pointLedger.rulesVersion,
    pointLedger.idempotencyKey,
    pointLedger.actorId,
    pointLedger.day,
    pointLedger.at,
  );
  for (let k = 0; k < ROWS_EACH; k++) {
    await testDb.run(sql`INSERT INTO ${pointLedger} (${into})
      SELECT ${users.agencyId}, ${users.id}, ${users.unitId}, (${users.id} * 7919 + ${k} * 31) % 97 + 1, 'comment_posted',
        'comment', ${users.id} * 10 + ${k}, 'comment_posted', 0, 'bench:' || ${users.id} || ':' || ${k}, NULL, ${today}, ${Date.now()}
      FROM ${users} WHERE ${users.agencyId} = ${agency.id}`);
  }
  // the running totals the scheduler's fold would have kept
  for (const statement of recomputeTotalsOf(agency.id)) await testDb.run(statement);
  // and the scheduler's fold has passed those rows
  await testDb
    .update(jobWatermarks)
    .set({ lastId: sql`(SELECT max(${pointLedger.id}) FROM ${pointLedger})` })
    .where(eq(jobWatermarks.name, "point_totals"));
  const n = await testDb.$count(pointLedger, eq(pointLedger.agencyId, agency.id));
  expect(n).toBeGreaterThanOrEqual(10_000);
});

describe("GET /api/v1/leaderboards cost", () => {
  const boards = [
    ["users", "month", 10],
    ["users", "quarter", 3],
    ["users", "year", 3],
    ["users", "all", 3],
    ["units", "month", 2],
  ] as const;
  for (const [scope, period, pages] of boards) {
    it(`reads at most ${BUDGET[scope]} rows for any page of ${scope} of the ${period}, highest points first`, async () => {
      let cursor: string | null = null;
      const costs: number[] = [];
      const points: number[] = [];
      for (let page = 0; page < pages; page++) {
        const after: { cursor?: string } = cursor ? { cursor } : {};
        const query = { scope, period, limit: String(PAGE), ...after };
        const res = await client(cookie).api.v1.leaderboards.$get({ query });
        costs.push(d1Cost(res).r);
        const body = await bodyOf(res, 200);
        points.push(...body.items.map((i) => i.points));
        cursor = body.nextCursor;
      }
      console.log(`leaderboard ${scope} ${period}: rows read per page ${costs.join(", ")} (${PAGE} rows shown)`);
      expect(points).toHaveLength(Math.min(pages * PAGE, scope === "users" ? PEOPLE : UNITS));
      expect(points).toEqual([...points].sort((a, b) => b - a));
      expect(Math.max(...costs)).toBeLessThanOrEqual(BUDGET[scope]);
    });
  }

  it("ranks every person exactly once across the pages, equal points sharing a rank", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let last = { rank: 0, points: Infinity };
    do {
      const after: { cursor?: string } = cursor ? { cursor } : {};
      const body = await bodyOf(
        await client(cookie).api.v1.leaderboards.$get({ query: { period: "all", limit: "100", ...after } }),
        200,
      );
      for (const item of body.items) {
        expect(item.rank).toBe(item.points === last.points ? last.rank : seen.length + 1);
        last = item;
        seen.push(item.user!.id);
      }
      cursor = body.nextCursor;
    } while (cursor);
    // the person signed in is one of the agency too, and has points like everyone
    expect(new Set(seen).size).toBe(PEOPLE + 1);
  });
});
