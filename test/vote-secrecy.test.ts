/**
 * Votes are secret: no answer or export to anyone but the voter links the voter to an idea. A
 * crawler walks every GET operation of `/api/openapi.json` as the agency admin, a leader, the
 * idea's author and a colleague — aiming each parameter at the voter, their unit, the idea and its
 * campaign, and free text at the voter's name — and holds every answer (headers and body, exports
 * included) to two rules: a record that names the voter (an answer; in a CSV, a line: an agency-wide
 * export holds everyone), and any answer to a question about the voter, never shows the idea (its
 * title or its id). The same crawl as the voter finds the idea in their own ledger, so the rules
 * would see a leak.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createPersonas, createUnit, createUser, signIn, type Persona } from "./fixtures/builders";
import { answerText, fillerFor, fillPath, getOperations, queryParams, takesText, withQuery } from "./fixtures/crawler";
import { api } from "./fixtures/http";
import { insertIdea, openCampaign, type TestCampaign } from "./fixtures/ideas";
import type { OpenApiDoc } from "./fixtures/json-schema";
import { loadContract, type ContractOperation } from "./fixtures/openapi";
import { bodyOf, client } from "./fixtures/client";

let doc: OpenApiDoc;
let p: Awaited<ReturnType<typeof createPersonas>>;
let voter: Persona;
let author: Persona;
let kotak: TestCampaign;
const idea = { id: 9_000_000 + Math.floor(Math.random() * 900_000), title: "" };

beforeAll(async () => {
  [doc, p] = await Promise.all([loadContract(), createPersonas()]);
  kotak = await openCampaign(p.agency);
  const voterUnit = await createUnit(p.agency, { name: "Bidang Pemilih" });
  const v = await createUser(voterUnit, { name: "Pemilih Rahasia Sejati" });
  voter = { user: v, cookie: await signIn(v) };
  const a = await createUser(p.unit, { name: "Pengusul Ide Populer" });
  author = { user: a, cookie: await signIn(a) };
  idea.title = `Layanan jemput bola ${idea.id}`;
  await insertIdea(kotak, author.user, { id: idea.id, title: idea.title });
  // a vote, taken back, and given again: the voter's ledger holds the cast, its reversal and the new cast
  for (const method of ["PUT", "DELETE", "PUT"]) {
    const res = await api(method, `/api/v1/ideas/${idea.id}/vote`, { cookie: voter.cookie });
    if (res.status !== 200) throw new Error(`${method} vote: ${res.status} ${await res.text()}`);
  }
});

type Probe = { route: string; path: string; aboutVoter: boolean };

/** One request aimed at the idea; one more aimed at the voter where the operation takes a person or text. */
function probesOf(op: ContractOperation): Probe[] {
  const filled = fillPath(op.template, {
    idea: String(idea.id),
    campaign: String(kotak.id),
    user: String(voter.user.id),
    unit: String(voter.user.unitId),
    agencySlug: p.agency.slug,
  });
  if (!filled) return [];
  const query = queryParams(op);
  const about = query.flatMap((q) => {
    if (q.name === "campaignId") return [`campaignId=${kotak.id}`];
    if (q.name === "ideaId") return [`ideaId=${idea.id}`];
    return q.required ? [`${q.name}=${encodeURIComponent(fillerFor(doc, q, idea.title))}`] : [];
  });
  const first = { route: op.route, path: withQuery(filled.path, about), aboutVoter: filled.kinds.includes("user") };
  const naming = query.flatMap((q) => {
    if (["userId", "authorId"].includes(q.name)) return [`${q.name}=${voter.user.id}`];
    return takesText(doc, q) ? [`${q.name}=${encodeURIComponent(voter.user.name)}`] : [];
  });
  if (naming.length === 0) return [first];
  const kept = about.filter((a) => !naming.some((n) => n.split("=")[0] === a.split("=")[0]));
  return [first, { ...first, path: withQuery(filled.path, [...kept, ...naming]), aboutVoter: true }];
}

/** The idea in any text: its title, or its id as a number of its own. */
const showsIdea = (text: string) => text.includes(idea.title) || new RegExp(`(?<!\\d)${idea.id}(?!\\d)`).test(text);

async function crawl(cookie: string) {
  const findings: string[] = [];
  let requests = 0;
  const identity = [voter.user.name, voter.user.nip, voter.user.email];
  for (const op of getOperations(doc)) {
    for (const probe of probesOf(op)) {
      const res = await api("GET", probe.path, { cookie });
      const text = await answerText(res);
      requests++;
      const records = /^content-type: text\/csv/m.test(text) ? text.split("\n") : [text];
      const linking = records.find((r) => identity.some((s) => r.includes(s)) && showsIdea(r));
      if (linking) findings.push(`GET ${probe.path} → ${res.status}: names the voter with the idea`);
      else if (probe.aboutVoter && showsIdea(text))
        findings.push(`GET ${probe.path} → ${res.status}: asked about the voter`);
    }
  }
  return { findings, requests };
}

describe("vote secrecy on every surface (a crawler over /api/openapi.json)", () => {
  it.each(["admin", "leader", "author", "asn"] as const)(
    "tells the %s nothing that links the voter to the idea",
    async (who) => {
      const cookie = who === "author" ? author.cookie : p[who].cookie;
      const { findings, requests } = await crawl(cookie);
      expect(requests).toBeGreaterThan(45);
      expect(findings).toEqual([]);
    },
  );

  it("shows the voter their own votes with the idea (the crawler's rules would see a leak)", async () => {
    const { findings } = await crawl(voter.cookie);
    expect(findings).toContain(`GET /api/v1/rewards/ledger?userId=${voter.user.id} → 200: asked about the voter`);
  });
});

describe("GET /api/v1/rewards/ledger?userId= read by the agency admin", () => {
  const ledger = async (query: { limit?: string; cursor?: string }) =>
    bodyOf(
      await client(p.admin.cookie).api.v1.rewards.ledger.$get({ query: { userId: String(voter.user.id), ...query } }),
      200,
    );

  it("folds the voter's votes of a day into one entry per kind, without idea, time or id", async () => {
    const { items } = await ledger({});
    expect(items.filter((e) => e.eventType.startsWith("vote_"))).toEqual([
      expect.objectContaining({ eventType: "vote_retracted", points: -1, rows: 1, id: null, idea: null, at: null }),
      expect.objectContaining({ eventType: "vote_cast", points: 2, rows: 2, id: null, idea: null, at: null }),
    ]);
  });

  it("pages the folded ledger without repeating or losing an entry", async () => {
    const seen: Awaited<ReturnType<typeof ledger>>["items"] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof ledger>> = await ledger({ limit: "1", ...(cursor ? { cursor } : {}) });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const all = await ledger({ limit: "100" });
    expect(seen).toEqual(all.items);
  });
});
