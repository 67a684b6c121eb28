/**
 * Search in a database that holds one agency's ideas (one D1 per agency; docs/home-and-search.md):
 * the query leaves the agency's scope token out, which bm25 would otherwise count over every idea of
 * the agency, and finds, ranks and pages exactly as the scoped query does.
 */
import { eq, ne, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ideasFts } from "../src/db/fts";
import { ideas } from "../src/db/schema";
import { scopedMatch, searchQuery } from "../src/domain/search";
import { indexText } from "../src/domain/search-normalise";
import { createPersonas } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { bodyOf, client } from "./fixtures/client";
import { d1Cost } from "./fixtures/http";
import { insertIdea, openCampaign } from "./fixtures/ideas";

let p: Awaited<ReturnType<typeof createPersonas>>;
let tokenIdea: number;

/** Title and problem of each idea: the word in the title, in the problem, several times, or not at all. */
const IDEAS = [
  ["Antrean daring di loket", "Warga menunggu lama."],
  ["Loket kependudukan", "Antrean panjang setiap pagi."],
  ["Antrean antrean antrean", "Antrean di semua loket."],
  ["Bank sampah sekolah", "Sampah plastik menumpuk."],
  ["Jadwal puskesmas", "Pasien antre sejak subuh."],
] as const;

/** One solution for all, without the words searched for (the builder's speaks of queues). */
const SOLUTION = indexText("Jadwal daring");

async function search(q: string, limit = 2, cursor?: string | null) {
  const after: { cursor?: string } = cursor ? { cursor } : {};
  const query = { q, limit: String(limit), ...after };
  const res = await client(p.asn.cookie).api.v1.ideas.$get({ query });
  const cost = d1Cost(res);
  return { page: await bodyOf(res, 200), cost };
}

/** The ids the scoped query ranks, best first: the order before the scope token was left out. */
async function scopedRanking(q: string) {
  const match = scopedMatch(p.agency.id, searchQuery(q)!);
  const rows = await testDb.all<{ id: number }>(
    sql`SELECT rowid AS id FROM ${ideasFts} WHERE ${ideasFts} MATCH ${match}
      AND ${ideasFts}.rank MATCH 'bm25(5.0, 2.0, 1.0, 0.0)' ORDER BY ${ideasFts}.rank`,
  );
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  p = await createPersonas();
  const campaign = await openCampaign(p.agency);
  for (const [title, problem] of IDEAS) {
    const { id } = await insertIdea(campaign, p.asn.user, { title, problem });
    await testDb
      .update(ideas)
      .set({ searchTitle: indexText(title), searchProblem: indexText(problem), searchSolution: SOLUTION })
      .where(eq(ideas.id, id));
  }
  // an idea whose title holds the agency's scope token as a word
  const title = `Paket a${p.agency.id} untuk loket`;
  tokenIdea = (await insertIdea(campaign, p.asn.user, { title })).id;
  await testDb
    .update(ideas)
    .set({ searchTitle: indexText(title), searchSolution: SOLUTION })
    .where(eq(ideas.id, tokenIdea));
});

describe("GET /api/v1/ideas?q= with one agency in the database", () => {
  it("holds no other agency's ideas (the condition of this file)", async () => {
    expect(await testDb.$count(ideas, ne(ideas.agencyId, p.agency.id))).toBe(0);
  });

  it("answers the ideas the scoped query finds, in its order, page after page", async () => {
    const expected = await scopedRanking("antrian");
    expect(expected).toHaveLength(4);
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const { page } = await search("antrian", 2, cursor);
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor && ids.length < 20);
    expect(ids).toEqual(expected);
  });

  it("does not let a person's words match the scope token it leaves out", async () => {
    // typed as the last word, a prefix: it would meet every idea's token, and meets the one title
    const { page } = await search(`a${p.agency.id}`, 20);
    expect(page.items.map((i) => i.id)).toEqual([tokenIdea]);
  });

  it("reads no more rows than the page and its names, in one round trip", async () => {
    await search("antrean", 3);
    const { page, cost } = await search("antrean", 3);
    expect(page.nextCursor).not.toBeNull();
    expect(cost.rt).toBe(1);
    // the walk over 4 matches, 4 ideas with campaign, unit and author, the session: no scan of the agency's ideas
    expect(cost.r).toBeLessThan(40);
  });
});
