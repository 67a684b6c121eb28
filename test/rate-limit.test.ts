import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { WRITE_LIMITS } from "../src/middlewares/rate-limit";
import wranglerToml from "../wrangler.toml?raw";
import { createAgency, createUnit, createUser, signIn } from "./fixtures/builders";
import { api, callApp } from "./fixtures/http";
import { COMPLETE_IDEA } from "./fixtures/ideas";

// the real middleware on a real rate-limiting binding whose limit is 3 a minute (vitest.config.ts)
const limited = createApp({
  writeLimits: [{ methods: ["POST"], path: /^\/api\/v1\/ideas$/, limiter: "TEST_LIMITER" }],
});

let unit: Awaited<ReturnType<typeof createUnit>>;
beforeAll(async () => {
  unit = await createUnit(await createAgency());
});

const newIdea = (cookie: string) => callApp(limited, "POST", "/api/v1/ideas", { cookie, body: COMPLETE_IDEA });

describe("per-person write limits", () => {
  it("answers a write over the limit with 429 rate_limited and Retry-After, and stores nothing", async () => {
    const user = await createUser(unit);
    const cookie = await signIn(user);
    // the limiter's window is fixed per minute: if it rolls over during the test, the count restarts,
    // so a refusal must come within two windows' worth of requests
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 8 && !refused; i++) {
      const res = await newIdea(cookie);
      statuses.push(res.status);
      if (res.status === 429) refused = res;
    }
    expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
    expect(refused, `statuses: ${statuses.join(",")}`).toBeDefined();
    expect(refused!.headers.get("retry-after")).toBe("60");
    expect(await refused!.json()).toMatchObject({ code: "rate_limited" });
    const mine = (await (await api("GET", "/api/v1/ideas?mine=true", { cookie })).json()) as { items: unknown[] };
    expect(mine.items).toHaveLength(statuses.filter((s) => s === 201).length);
  });

  it("counts each person separately", async () => {
    const busy = await signIn(await createUser(unit));
    for (let i = 0; i < 8; i++) if ((await newIdea(busy)).status === 429) break;
    const other = await signIn(await createUser(unit));
    expect((await newIdea(other)).status).toBe(201);
  });

  it("does not limit reads", async () => {
    const cookie = await signIn(await createUser(unit));
    for (let i = 0; i < 5; i++)
      expect((await callApp(limited, "GET", "/api/v1/ideas?limit=1", { cookie })).status).toBe(200);
  });

  it("limits votes, comments, uploads and new ideas, each with a binding in wrangler.toml", () => {
    expect(WRITE_LIMITS.map((r) => r.limiter).sort()).toEqual([
      "COMMENT_LIMITER",
      "IDEA_LIMITER",
      "UPLOAD_LIMITER",
      "VOTE_LIMITER",
    ]);
    for (const { limiter } of WRITE_LIMITS) expect(wranglerToml).toMatch(new RegExp(`name = "${limiter}"`));
  });
});
