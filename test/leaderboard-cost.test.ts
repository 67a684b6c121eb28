/**
 * A leaderboard page never reads the ledger: with 12,000 ledger rows of 2,400 people in 24 units, a
 * page of people reads a small multiple of its size (the running totals through their board index,
 * each person's name and unit by primary key), and a page of units reads the agency's unit totals
 * of the period (units have no board index, so that a unit's total moves with one row written) and
 * the names of the units shown — bounded by the agency's units, not by the ledger.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { recomputeTotalsOf, statementText } from "../src/db/queries/reward-totals.queries";
import { DEFAULT_TIME_ZONE, localDay } from "../src/domain/time-zone";
import { createAgency, createUnit, createUser, signIn, type TestAgency } from "./fixtures/builders";
import { bodyOf, client } from "./fixtures/client";
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
  const db = env.DB;
  await db
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO units (agency_id, code, name) SELECT ?, 'LB-' || i, 'Dinas Papan ' || i FROM n`,
    )
    .bind(UNITS - 1, agency.id)
    .run();
  // people spread over the units, with made-up NIPs of the right length (no sign-in needed)
  await db
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO users (agency_id, unit_id, nip, name, email, password_hash)
       SELECT ?, u.id, printf('%04d%014d', ? % 10000, i), 'Peserta ' || i, 'papan' || ? || '-' || i || '@uji.go.id', 'x'
       FROM n JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM units WHERE agency_id = ?) u ON u.k = n.i % ?`,
    )
    .bind(PEOPLE, agency.id, agency.id, agency.id, agency.id, UNITS)
    .run();
  const today = localDay(Date.now(), DEFAULT_TIME_ZONE);
  for (let k = 0; k < ROWS_EACH; k++) {
    await db
      .prepare(
        `INSERT INTO point_ledger (agency_id, user_id, unit_id, points, event_type, subject_type, subject_id, rule_key,
           rules_version, idempotency_key, actor_id, day, at)
         SELECT agency_id, id, unit_id, (id * 7919 + ? * 31) % 97 + 1, 'comment_posted', 'comment', id * 10 + ?, 'comment_posted',
           0, 'bench:' || id || ':' || ?, NULL, ?, ?
         FROM users WHERE agency_id = ?`,
      )
      .bind(k, k, k, today, Date.now(), agency.id)
      .run();
  }
  // the running totals the scheduler's fold would have kept
  for (const statement of recomputeTotalsOf(agency.id)) await db.prepare(statementText(statement)).run();
  // and the scheduler's fold has passed those rows
  await db
    .prepare("UPDATE job_watermarks SET last_id = (SELECT max(id) FROM point_ledger) WHERE name = 'point_totals'")
    .run();
  const { n } = (await db
    .prepare("SELECT count(*) AS n FROM point_ledger WHERE agency_id = ?")
    .bind(agency.id)
    .first<{ n: number }>())!;
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
