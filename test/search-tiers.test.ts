/**
 * Search at scale (docs/home-and-search.md): FTS5 keeps a query inside its agency by the `scope`
 * token, and ranks the matches tier by tier — the newest 500 best first, then the next 500 — so that
 * no search scores more than 500 matches, however common the word.
 */
import { eq, sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import { RANKED_WINDOW } from "../src/db/queries/idea-list.queries";
import { ideas } from "../src/db/schema";
import { scopedMatch } from "../src/domain/search";
import { indexText } from "../src/domain/search-normalise";
import { createPersonas, createUser } from "./fixtures/builders";
import { columnList, testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import { insertIdea, openCampaign } from "./fixtures/ideas";
import { bodyOf, client } from "./fixtures/client";

let p: Awaited<ReturnType<typeof createPersonas>>;
/** The agency's oldest match: the word three times in its title, the best bm25 of all. */
let oldestBest: number;
/** Matches of the agency (tier 0 holds the newest 500, tier 1 the rest). */
const MATCHES = RANKED_WINDOW + 20;

async function page(q: string, cookie: string, cursor?: string | null, limit = 100) {
  const query = { q, limit: String(limit), ...(cursor ? { cursor } : {}) };
  return bodyOf(await client(cookie).api.v1.ideas.$get({ query }), 200);
}
type Page = Awaited<ReturnType<typeof page>>;

async function allPages(q: string, cookie: string, limit = 100) {
  const pages: Page[] = [];
  let cursor: string | null | undefined;
  do {
    pages.push(await page(q, cookie, cursor, limit));
    cursor = pages[pages.length - 1]!.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

/** Copies of an idea, one statement: title and search text numbered, the word only in the problem. */
async function copies(source: number, count: number, word: string) {
  // every column of the source idea but its id, title and search text, from the schema
  const set = new Set<unknown>([ideas.id, ideas.title, ideas.searchTitle, ideas.searchProblem, ideas.searchSolution]);
  const kept = getTableConfig(ideas).columns.filter((c) => !set.has(c));
  const written = columnList(...kept, ideas.title, ideas.searchTitle, ideas.searchProblem, ideas.searchSolution);
  const copied = sql.join(kept, sql`, `);
  await testDb.run(sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
    INSERT INTO ${ideas} (${written})
    SELECT ${copied}, 'Usulan nomor ' || n.i, ${indexText("Usulan nomor")} || ' ' || n.i, ${indexText(`Warga ${word} lama`)},
      ${indexText("Jadwal daring")}
    FROM ${ideas}, n WHERE ${ideas.id} = ${source}`);
}

beforeAll(async () => {
  p = await createPersonas();
  const campaign = await openCampaign(p.agency);
  oldestBest = (
    await insertIdea(campaign, p.asn.user, { title: "Antrean antrean antrean", problem: "Warga antre lama." })
  ).id;
  await testDb
    .update(ideas)
    .set({ searchTitle: indexText("Antrean antrean antrean"), searchProblem: indexText("Warga antre lama.") })
    .where(eq(ideas.id, oldestBest));
  await copies(oldestBest, MATCHES - 1, "antrean");
  // another agency, newer and as many matches again: never ranked, never counted in a tier
  const other = await openCampaign(p.otherAgency);
  const otherAuthor = await createUser(p.otherUnit);
  const seed = await insertIdea(other, otherAuthor, { title: "Antrean di kota lain", problem: "Antre." });
  await copies(seed.id, MATCHES, "antrean");
});

describe("GET /api/v1/ideas?q= at scale", () => {
  it("ranks the newest 500 matches first, then the older ones, each match once", async () => {
    const pages = await allPages("antrian", p.asn.cookie);
    const ids = pages.flatMap((pg) => pg.items.map((i) => i.id));
    expect(ids).toHaveLength(MATCHES);
    expect(new Set(ids).size).toBe(MATCHES);
    // the best-scoring idea is the oldest: outside the newest 500, it leads the second tier
    const firstTier = ids.slice(0, RANKED_WINDOW);
    expect(firstTier).not.toContain(oldestBest);
    expect(ids[RANKED_WINDOW]).toBe(oldestBest);
    expect(pages[pages.length - 1]!.nextCursor).toBeNull();
  });

  it("tiles the pages whatever their size: a page that ends its tier goes on with the next", async () => {
    const bySeven = (await allPages("antrean", p.asn.cookie, 70)).flatMap((pg) => pg.items.map((i) => i.id));
    const byHundred = (await allPages("antrean", p.asn.cookie, 100)).flatMap((pg) => pg.items.map((i) => i.id));
    expect(bySeven).toEqual(byHundred);
  });

  it("never shows or counts another agency's ideas, though they are newer", async () => {
    const first = await page("antrean", p.otherAdmin.cookie, null, 100);
    expect(first.items.every((i) => i.title.includes("kota lain") || i.title.startsWith("Usulan"))).toBe(true);
    const ours = new Set((await allPages("antrean", p.asn.cookie)).flatMap((pg) => pg.items.map((i) => i.id)));
    const theirs = (await allPages("antrean", p.otherAdmin.cookie)).flatMap((pg) => pg.items.map((i) => i.id));
    expect(theirs).toHaveLength(MATCHES + 1);
    expect(theirs.some((id) => ours.has(id))).toBe(false);
  });

  it("does not let a person's words match the scope token", async () => {
    expect((await page(`a${p.agency.id}`, p.asn.cookie)).items).toEqual([]);
    expect(scopedMatch(12, '"antre"*')).toBe(`scope : "a12" AND {title problem solution} : ("antre"*)`);
  });

  it("scores one tier at most: a page of a common word reads one walk of the tier and the page's rows", async () => {
    // the first search of this isolate learns the agency's synonyms; the next one guesses with them
    await api("GET", `/api/v1/ideas?q=antrean&limit=20`, { cookie: p.asn.cookie });
    const res = await api("GET", `/api/v1/ideas?q=antrean&limit=20`, { cookie: p.asn.cookie });
    const timing = res.headers.get("Server-Timing") ?? "";
    const [, statements, rowsRead] = /q=(\d+) r=(\d+)/.exec(timing)!.map(Number);
    // the session, the synonyms, the page: no second walk while the page is inside its tier
    expect(statements).toBe(3);
    // …in one batch: the synonyms read beside the page they were guessed for
    expect(/rt=(\d+)/.exec(timing)![1]).toBe("1");
    // the walk to the tier's floor (500 matches) and 21 rows with their names, not the 1,041 matches
    expect(rowsRead).toBeGreaterThan(RANKED_WINDOW);
    expect(rowsRead).toBeLessThan(RANKED_WINDOW + 200);
  });
});
