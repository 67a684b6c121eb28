/**
 * Headers and sessions: every security header on API answers of every kind (JSON, problem+json,
 * the docs page, downloads) and the same policy for the SPA in `frontend/public/_headers`; session
 * fixation, forged and leaked tokens, the cookie on sign-out, and a token that never shows up in a
 * response body or a log line. (Sign-in, expiry and revocation: test/auth.test.ts.)
 */
import { env } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import headersFile from "../frontend/public/_headers?raw";
import { sessions } from "../src/db/schema";
import { sha256Hex } from "../src/lib/tokens";
import {
  TEST_PASSWORD,
  cookieFrom,
  createAgency,
  createUnit,
  createUser,
  signIn,
  type TestUnit,
  type TestUser,
} from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import { insertAttachment } from "./fixtures/idea-team";
import { insertIdea, openCampaign } from "./fixtures/ideas";

const YEAR = 31_536_000;

/** `Content-Security-Policy` as directive → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

/** What every policy must say, for the Worker's answers and for the SPA alike. */
function expectPolicy(get: (name: string) => string | null | undefined, where: string) {
  const csp = get("content-security-policy");
  expect(csp, `${where}: Content-Security-Policy`).toBeTruthy();
  const d = directives(csp!);
  const scripts = d.get("script-src") ?? d.get("default-src");
  expect(scripts, `${where}: script-src or default-src`).toBeDefined();
  expect(scripts, `${where}: scripts`).not.toContain("'unsafe-inline'");
  expect(scripts, `${where}: scripts`).not.toContain("'unsafe-eval'");
  expect(scripts, `${where}: scripts`).not.toContain("*");
  expect(d.get("frame-ancestors"), `${where}: frame-ancestors`).toEqual(["'none'"]);
  expect(d.get("object-src") ?? d.get("default-src"), `${where}: plugins`).toEqual(["'none'"]);
  const hsts = get("strict-transport-security") ?? "";
  expect(Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0), `${where}: HSTS max-age`).toBeGreaterThanOrEqual(YEAR);
  expect(hsts, `${where}: HSTS`).toMatch(/includeSubDomains/i);
  expect(get("x-content-type-options"), `${where}: nosniff`).toBe("nosniff");
  expect(
    ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"],
    `${where}: referrer`,
  ).toContain(get("referrer-policy"));
  expect(get("x-frame-options"), `${where}: X-Frame-Options`).toBe("DENY");
}

let unit: TestUnit;
beforeAll(async () => {
  unit = await createUnit(await createAgency());
});

describe("security headers on API answers", () => {
  it("are on every kind of answer: JSON, problem+json, 404, 405, malformed, the contract, downloads", async () => {
    const user = await createUser(unit);
    const cookie = await signIn(user);
    const idea = await insertIdea(await openCampaign({ id: unit.agencyId, slug: "" }), user);
    const file = await insertAttachment({ id: idea.id, agencyId: unit.agencyId }, user);
    const answers = {
      health: await api("GET", "/api/v1/health"),
      "401": await api("GET", "/api/v1/auth/me"),
      signedIn: await api("GET", "/api/v1/auth/me", { cookie }),
      "404": await api("GET", "/api/v1/tidak-ada"),
      "405": await api("DELETE", "/api/v1/health"),
      malformed: await api("POST", "/api/v1/auth/login", {
        rawBody: "{",
        headers: { "content-type": "application/json" },
      }),
      contract: await api("GET", "/api/openapi.json"),
      download: await api("GET", `/api/v1/ideas/${idea.id}/attachments/${file.id}`, { cookie }),
    };
    for (const [name, res] of Object.entries(answers)) {
      expectPolicy((h) => res.headers.get(h), name);
      // a JSON answer (or a file) is never a document that may load anything
      expect(directives(res.headers.get("content-security-policy")!).get("default-src"), name).toEqual(["'none'"]);
    }
    expect(answers.download.status).toBe(200);
  });

  it("let the docs page load Swagger UI from this origin only, still without inline script", async () => {
    const res = await api("GET", "/api/docs");
    expect(res.status).toBe(200);
    expectPolicy((h) => res.headers.get(h), "/api/docs");
    expect(directives(res.headers.get("content-security-policy")!).get("script-src")).toEqual(["'self'"]);
    expect(await res.text()).not.toMatch(/<script>(?!\s*<\/script>)[^<]+<\/script>/);
  });
});

type HeaderRule = { headers: Map<string, string>; detached: Set<string> };

/** `_headers` as path pattern → its headers (names in lower case) and the ones it detaches (`! Name`). */
function parseHeadersFile(text: string): Map<string, HeaderRule> {
  const rules = new Map<string, HeaderRule>();
  let current: HeaderRule | undefined;
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      current = { headers: new Map(), detached: new Set() };
      rules.set(line.trim(), current);
      continue;
    }
    const detach = /^\s+!\s*(\S+)/.exec(line);
    if (detach) current!.detached.add(detach[1]!.toLowerCase());
    else {
      const [, name, value] = /^\s+([^:]+):\s*(.*)$/.exec(line)!;
      current!.headers.set(name!.trim().toLowerCase(), value!.trim());
    }
  }
  return rules;
}

describe("security headers of the SPA (frontend/public/_headers)", () => {
  const rules = parseHeadersFile(headersFile);
  const site = rules.get("/*");

  it("give every static file the same policy as the API answers", () => {
    expect(site, "a rule for every path").toBeDefined();
    expectPolicy((h) => site!.headers.get(h), "/*");
    const d = directives(site!.headers.get("content-security-policy")!);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("style-src")).not.toContain("'unsafe-inline'");
  });

  it("replace, not add to, the policy where a path needs another one, and never allow inline script", () => {
    const others = [...rules].filter(([path, rule]) => path !== "/*" && rule.headers.has("content-security-policy"));
    expect(others.length).toBeGreaterThan(0);
    for (const [path, rule] of others) {
      // rules for the same header are joined (both enforced), so the site-wide one must be detached first
      expect(rule.detached.has("content-security-policy"), `${path} detaches the site-wide policy`).toBe(true);
      expectPolicy((h) => rule.headers.get(h) ?? site!.headers.get(h), path);
    }
  });
});

describe("sessions", () => {
  const login = (user: TestUser, cookie?: string) =>
    api("POST", "/api/v1/auth/login", {
      body: { identifier: user.nip, password: TEST_PASSWORD },
      ...(cookie ? { cookie } : {}),
    });
  const me = (cookie: string) => api("GET", "/api/v1/auth/me", { cookie });

  it("does not take over a session id planted before sign-in (fixation)", async () => {
    const user = await createUser(unit);
    const planted = "__Host-gagas_session=penyerang-memilih-token-ini-0123456789abcdef";
    const res = await login(user, planted);
    expect(res.status).toBe(200);
    const issued = cookieFrom(res);
    expect(issued).not.toBe(planted);
    expect((await me(planted)).status).toBe(401);
    expect((await me(issued)).status).toBe(200);
  });

  it("refuses a forged token, and the stored hash used as a token, and clears the cookie", async () => {
    const user = await createUser(unit);
    const cookie = await signIn(user);
    const token = cookie.split("=")[1]!;
    const forged = `__Host-gagas_session=${token.slice(0, -4)}AAAA`;
    const hashed = `__Host-gagas_session=${await sha256Hex(token)}`;
    for (const attempt of [forged, hashed]) {
      const res = await me(attempt);
      expect(res.status).toBe(401);
      expect(res.headers.get("set-cookie")).toMatch(/^__Host-gagas_session=;.*Max-Age=0/);
    }
    expect((await me(cookie)).status).toBe(200);
  });

  it.each(["/api/v1/auth/logout", "/api/v1/auth/logout-all"])(
    "POST %s clears the cookie with the attributes a browser needs to drop a __Host- cookie",
    async (path) => {
      const user = await createUser(unit);
      const cookie = await signIn(user);
      const res = await api("POST", path, { cookie });
      expect(res.status).toBe(204);
      const cleared = res.headers.get("set-cookie") ?? "";
      expect(cleared).toMatch(/^__Host-gagas_session=;/);
      expect(cleared).toMatch(/Max-Age=0/);
      expect(cleared).toMatch(/Path=\//);
      expect(cleared).toMatch(/Secure/);
      expect(cleared).toMatch(/HttpOnly/);
      expect(cleared).toMatch(/SameSite=Lax/);
      expect(cleared).not.toMatch(/Domain=/i);
      expect((await me(cookie)).status).toBe(401);
    },
  );

  it("clears the cookie of an expired session on the next answer", async () => {
    const user = await createUser(unit);
    const cookie = await signIn(user);
    await testDb
      .update(sessions)
      .set({ expiresAt: Date.now() - 1 })
      .where(eq(sessions.userId, user.id));
    const res = await me(cookie);
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toMatch(/^__Host-gagas_session=;.*Max-Age=0/);
  });

  describe("the session token", () => {
    const logged: string[] = [];
    afterEach(() => {
      vi.restoreAllMocks();
      logged.length = 0;
    });

    it("is in no response body and in no log line, not even of a request that fails", async () => {
      for (const level of ["log", "info", "warn", "error", "debug"] as const) {
        vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
          logged.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
        });
      }
      const user = await createUser(unit);
      const signedIn = await login(user);
      const cookie = cookieFrom(signedIn);
      const token = cookie.split("=")[1]!;
      const secrets = [token, await sha256Hex(token)];
      const bodies = [await signedIn.text()];
      for (const path of ["/api/v1/auth/me", "/api/v1/me/profile", "/api/v1/me/export", "/api/v1/notifications"]) {
        const res = await api("GET", path, { cookie });
        expect(res.status, path).toBe(200);
        bodies.push(await res.text());
      }
      // a sign-out that fails on our side: its error is logged, with the request it belonged to
      const name = "simulated_session_fault";
      // raw D1 on purpose: a trigger is DDL, which drizzle's builders do not write
      await env.DB.prepare(
        `CREATE TRIGGER ${name} BEFORE UPDATE ON sessions WHEN OLD.user_id = ${user.id} BEGIN SELECT RAISE(ABORT, 'simulated fault'); END`,
      ).run();
      try {
        const failed = await api("POST", "/api/v1/auth/logout", { cookie });
        expect(failed.status).toBe(500);
        bodies.push(await failed.text());
      } finally {
        await env.DB.prepare(`DROP TRIGGER ${name}`).run();
      }
      expect(
        logged.some((line) => line.includes("unhandled error")),
        "the failure was logged",
      ).toBe(true);
      for (const secret of secrets) {
        for (const body of bodies) expect(body).not.toContain(secret);
        for (const line of logged) expect(line).not.toContain(secret);
      }
    });
  });
});
