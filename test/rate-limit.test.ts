import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { WRITE_LIMITERS, type WriteLimiter } from "../src/middlewares/rate-limit";
import wranglerToml from "../wrangler.toml?raw";
import { createAgency, createUnit, createUser, signIn, type TestUnit } from "./fixtures/builders";
import { callApp } from "./fixtures/http";
import { COMPLETE_IDEA, insertIdea, openCampaign, type TestCampaign } from "./fixtures/ideas";
import { bodyOf, client } from "./fixtures/client";

/**
 * The real app with one write limiter swapped for the binding whose limit is 3 a minute
 * (TEST_LIMITER, vitest.config.ts): the real limit on the real route, at a size a test can reach.
 */
function appLimiting(limiter: WriteLimiter) {
  const app = createApp();
  return { fetch: (request: Request) => app.fetch(request, { ...env, [limiter]: env.TEST_LIMITER }) };
}

const ideas = appLimiting("IDEA_LIMITER");
const comments = appLimiting("COMMENT_LIMITER");

let unit: TestUnit;
let kotak: TestCampaign;
beforeAll(async () => {
  const agency = await createAgency();
  unit = await createUnit(agency);
  kotak = await openCampaign(agency);
});

const newIdea = (cookie: string) => callApp(ideas, "POST", "/api/v1/ideas", { cookie, body: COMPLETE_IDEA });

/** Writes until the limiter refuses one (its window is fixed per minute: within two windows' worth). */
async function exhaust(write: () => Promise<Response>): Promise<{ statuses: number[]; refused?: Response }> {
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const res = await write();
    statuses.push(res.status);
    if (res.status === 429) return { statuses, refused: res };
  }
  return { statuses };
}

/** Spellings of an id that are not its canonical one: none may reach a handler. */
const spellingsOf = (id: number) => [
  `+${id}`,
  `0${id}`,
  `${id}e0`,
  `${id}.0`,
  `%20${id}`,
  `${id}%20`,
  `0x${id.toString(16)}`,
  [...String(id)].map((d) => String.fromCharCode(0x0660 + Number(d))).join(""),
];

describe("per-person write limits", () => {
  it("answers a write over the limit with 429 rate_limited and Retry-After, and stores nothing", async () => {
    const user = await createUser(unit);
    const cookie = await signIn(user);
    const { statuses, refused } = await exhaust(() => newIdea(cookie));
    expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
    expect(refused, `statuses: ${statuses.join(",")}`).toBeDefined();
    expect(refused!.headers.get("retry-after")).toBe("60");
    expect(await refused!.json()).toMatchObject({ code: "rate_limited" });
    const mine = await bodyOf(await client(cookie).api.v1.ideas.$get({ query: { mine: "true" } }), 200);
    expect(mine.items).toHaveLength(statuses.filter((s) => s === 201).length);
  });

  it("counts each person separately", async () => {
    const busy = await signIn(await createUser(unit));
    await exhaust(() => newIdea(busy));
    const other = await signIn(await createUser(unit));
    expect((await newIdea(other)).status).toBe(201);
  });

  it("does not limit reads", async () => {
    const cookie = await signIn(await createUser(unit));
    for (let i = 0; i < 5; i++)
      expect((await callApp(ideas, "GET", "/api/v1/ideas?limit=1", { cookie })).status).toBe(200);
  });

  it("keeps a person past the comment limit from writing through another spelling of the idea's id", async () => {
    const idea = await insertIdea(kotak, await createUser(unit));
    const cookie = await signIn(await createUser(unit));
    const comment = (id: string) =>
      callApp(comments, "POST", `/api/v1/ideas/${id}/comments`, { cookie, body: { body: "Setuju sekali." } });
    const { refused } = await exhaust(() => comment(String(idea.id)));
    expect(refused).toBeDefined();
    for (const spelling of spellingsOf(idea.id))
      expect([404, 422], spelling).toContain((await comment(spelling)).status);
  });

  it("spends nothing on a request refused for its id: the limit comes after validation", async () => {
    const idea = await insertIdea(kotak, await createUser(unit));
    const cookie = await signIn(await createUser(unit));
    const comment = (id: string) =>
      callApp(comments, "POST", `/api/v1/ideas/${id}/comments`, { cookie, body: { body: "Setuju sekali." } });
    for (const spelling of spellingsOf(idea.id)) await comment(spelling);
    expect((await comment(String(idea.id))).status).toBe(201);
  });

  it("has a binding in wrangler.toml for each limiter", () => {
    expect([...WRITE_LIMITERS].sort()).toEqual(["COMMENT_LIMITER", "IDEA_LIMITER", "UPLOAD_LIMITER", "VOTE_LIMITER"]);
    for (const limiter of WRITE_LIMITERS) expect(wranglerToml).toMatch(new RegExp(`name = "${limiter}"`));
  });
});
