/**
 * A list page costs O(page size) rows read, not O(all ideas): with 6,000 ideas in the agency,
 * every sort's first and a deep page stay within a small multiple of the page size.
 */
import { sql } from "drizzle-orm";
import type { InferRequestType } from "hono/client";
import { beforeAll, describe, expect, it } from "vitest";
import { ideas } from "../src/db/schema";
import { columnList, testDb } from "./fixtures/db";
import { createAgency, createUnit, createUser, signIn, type TestUser } from "./fixtures/builders";
import { bodyOf, client } from "./fixtures/client";
import { api, d1Cost } from "./fixtures/http";
import { openCampaign, type TestCampaign } from "./fixtures/ideas";

const IDEAS = 6000;
const PAGE = 20;
// per row: the idea through its index, then its campaign, unit and author by primary key (4 rows),
// for the page and the one extra row that tells whether there is a next page; plus the session (its
// row, the person's and their agency's: whether it is active, and its clock)
const BUDGET = 4 * (PAGE + 1) + 3 + 4;

let cookie: string;
let campaign: TestCampaign;
let author: TestUser;

beforeAll(async () => {
  const agency = await createAgency();
  const unit = await createUnit(agency);
  author = await createUser(unit);
  campaign = await openCampaign(agency);
  cookie = await signIn(author);
  const t0 = Date.now() - IDEAS * 60_000;
  // bulk insert in SQL (one statement per 1,000 rows): votes, comments and scores vary
  const columns = columnList(
    ideas.agencyId,
    ideas.campaignId,
    ideas.unitId,
    ideas.authorId,
    ideas.title,
    ideas.problem,
    ideas.status,
    ideas.listed,
    ideas.voteCount,
    ideas.commentCount,
    ideas.hot,
    ideas.reviewScore,
    ideas.submittedAt,
  );
  for (let start = 0; start < IDEAS; start += 1000) {
    const last = Math.min(start + 999, IDEAS - 1);
    await testDb.run(sql`WITH RECURSIVE n(i) AS (SELECT ${start} UNION ALL SELECT i + 1 FROM n WHERE i < ${last})
      INSERT INTO ${ideas} (${columns})
      SELECT ${agency.id}, ${campaign.id}, ${unit.id}, ${author.id}, 'Ide layanan nomor ' || i, 'Masalah layanan publik nomor ' || i, 'submitted', 1,
             (i * 7919) % 97, (i * 104729) % 31, log(max((i * 7919) % 97, 1)) + (${t0} + i * 60000) / 1000.0 / 45000.0,
             CASE WHEN i % 3 = 0 THEN (i * 31) % 100 ELSE NULL END, ${t0} + i * 60000
      FROM n`);
  }
});

type IdeaQuery = InferRequestType<ReturnType<typeof client>["api"]["v1"]["ideas"]["$get"]>["query"];
const SORTS: NonNullable<IdeaQuery["sort"]>[] = ["new", "votes", "trending", "discussed", "score"];
/** A page of the idea list, sorted by `sort`, after `cursor`. */
const ideaPage = (sort: NonNullable<IdeaQuery["sort"]>, limit: number, cursor: string | null) =>
  client(cookie).api.v1.ideas.$get({ query: { sort, limit: String(limit), ...(cursor ? { cursor } : {}) } });

describe("GET /api/v1/ideas cost", () => {
  for (const sort of SORTS) {
    it(`reads at most ${BUDGET} rows for the first and the 10th page sorted by ${sort}`, async () => {
      let cursor: string | null = null;
      const costs: number[] = [];
      for (let page = 1; page <= 10; page++) {
        const res = await ideaPage(sort, PAGE, cursor);
        const body = await bodyOf(res, 200);
        expect(body.items).toHaveLength(PAGE);
        costs.push(d1Cost(res).r);
        cursor = body.nextCursor;
      }
      console.log(`sort=${sort}: rows read page 1 = ${costs[0]}, page 10 = ${costs[9]}`);
      expect(Math.max(...costs)).toBeLessThanOrEqual(BUDGET);
    });
  }

  it(`reads O(page) rows for a campaign's newest ideas`, async () => {
    const res = await api("GET", `/api/v1/ideas?campaignId=${campaign.id}&limit=${PAGE}`, { cookie });
    console.log(`campaign, sort=new: rows read = ${d1Cost(res).r}`);
    expect(d1Cost(res).r).toBeLessThanOrEqual(BUDGET);
  });

  it("pages through every idea exactly once", async () => {
    const seen = new Set<number>();
    let cursor: string | null = null;
    do {
      const res = await ideaPage("votes", 100, cursor);
      const body = await bodyOf(res, 200);
      for (const item of body.items) seen.add(item.id);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(IDEAS);
  });
});
