import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { and, asc, eq } from "drizzle-orm";
import type { InferRequestType } from "hono/client";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { apiTokens, auditLog, ideas, users } from "../src/db/schema";
import { createRouter } from "../src/lib/create-router";
import { sessionOnly, TOKEN_TOUCH_EVERY_MS } from "../src/middlewares/api-token";
import { sha256Hex } from "../src/lib/tokens";
import { insertToken } from "./fixtures/api-tokens";
import { createPersonas, createUser, signIn } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { bodyOf, byId, client, problemOf, tokenClient } from "./fixtures/client";
import { api, callApp, ORIGIN } from "./fixtures/http";
import { COMPLETE_IDEA, openCampaign } from "./fixtures/ideas";
import { loadContract } from "./fixtures/openapi";

type NewToken = InferRequestType<ReturnType<typeof client>["api"]["v1"]["api-tokens"]["$post"]>["json"];

let p: Awaited<ReturnType<typeof createPersonas>>;
beforeAll(async () => {
  p = await createPersonas();
  await openCampaign(p.agency);
});

/** A request as another system sends it: no Origin, no cookie, only the bearer token. */
function withToken(method: string, path: string, secret: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${secret}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`${ORIGIN}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return exports.default.fetch(request);
}

const createPersonal = async (cookie: string, json: NewToken) =>
  bodyOf(await client(cookie).api.v1["api-tokens"].$post({ json }), 201);
const tokensOf = async (cookie: string) => bodyOf(await client(cookie).api.v1["api-tokens"].$get(), 200);
const serviceTokensOf = async (cookie: string) => bodyOf(await client(cookie).api.v1["service-tokens"].$get(), 200);

const rowOf = (id: number) => testDb.select().from(apiTokens).where(eq(apiTokens.id, id)).get();

describe("POST /api/v1/api-tokens", () => {
  it("answers the secret once, ggs_-prefixed, and stores only its SHA-256", async () => {
    const created = await createPersonal(p.asn.cookie, {
      name: "Skrip rekap",
      scopes: ["ideas:read"],
      expiresInDays: 30,
    });
    expect(created.secret).toMatch(/^ggs_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.secret.slice(0, 8));
    const row = await rowOf(created.id);
    expect(row?.tokenHash).toBe(await sha256Hex(created.secret));
    // no column anywhere in the row holds the secret or its random part
    const secretPart = created.secret.slice(4);
    for (const value of Object.values(row ?? {})) expect(String(value)).not.toContain(secretPart);
    const expires = Date.parse(created.expiresAt) - Date.now();
    expect(expires).toBeGreaterThan(29.9 * 86_400_000);
    expect(expires).toBeLessThanOrEqual(30 * 86_400_000);

    const { items } = await tokensOf(p.asn.cookie);
    const listed = items.find((t) => t.id === created.id);
    expect(listed).toMatchObject({ name: "Skrip rekap", scopes: ["ideas:read"], lastUsedAt: null });
    expect(listed).not.toHaveProperty("secret");
  });

  it("answers 422 token.scope_not_permitted for a scope the person's roles cannot use", async () => {
    const res = await api("POST", "/api/v1/api-tokens", {
      cookie: p.asn.cookie,
      body: { name: "Ekspor", scopes: ["exports:read"], expiresInDays: 30 },
    });
    const body = await problemOf(res, 422);
    expect(body.errors).toEqual([expect.objectContaining({ path: "scopes", code: "token.scope_not_permitted" })]);
  });

  it("answers 422 for an expiry beyond a year", async () => {
    const res = await api("POST", "/api/v1/api-tokens", {
      cookie: p.asn.cookie,
      body: { name: "Lama", scopes: ["ideas:read"], expiresInDays: 366 },
    });
    expect(res.status).toBe(422);
  });
});

describe("a personal token on the API", () => {
  it("reads as its person without a cookie or an Origin, and records the use at most every five minutes", async () => {
    const { secret } = await createPersonal(p.asn.cookie, { name: "Baca", scopes: ["ideas:read"], expiresInDays: 7 });
    const me = await bodyOf(await tokenClient(secret).api.v1.auth.me.$get(), 200);
    expect(me.user.id).toBe(p.asn.user.id);
    const hash = await sha256Hex(secret);
    const { id } = (await testDb
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hash))
      .get())!;
    const firstUse = (await rowOf(id))!.lastUsedAt!;
    expect(firstUse).toBeGreaterThan(Date.now() - 60_000);
    expect((await withToken("GET", "/api/v1/ideas", secret)).status).toBe(200);
    expect((await rowOf(id))?.lastUsedAt).toBe(firstUse);
    // a use older than the interval is written again
    await testDb
      .update(apiTokens)
      .set({ lastUsedAt: Date.now() - TOKEN_TOUCH_EVERY_MS - 1000 })
      .where(eq(apiTokens.id, id));
    await withToken("GET", "/api/v1/ideas", secret);
    expect((await rowOf(id))?.lastUsedAt).toBeGreaterThan(firstUse - 1);
  });

  it("writes with ideas:write from another origin: no CSRF check for a token", async () => {
    const { secret } = await insertToken(p.asn.user, ["ideas:read", "ideas:write"]);
    const res = await api("POST", "/api/v1/ideas", {
      headers: { authorization: `Bearer ${secret}`, origin: "https://gudang-data.example" },
      body: COMPLETE_IDEA,
    });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it("answers 403 token.scope_missing.<scope> naming the scope it lacks", async () => {
    const { secret } = await insertToken(p.asn.user, ["ideas:read"]);
    const title = "Ide yang tidak boleh tersimpan lewat token baca";
    const res = await withToken("POST", "/api/v1/ideas", secret, { ...COMPLETE_IDEA, title });
    expect((await problemOf(res, 403)).code).toBe("token.scope_missing.ideas:write");
    expect(res.headers.get("www-authenticate")).toContain('scope="ideas:write"');
    expect(await testDb.$count(ideas, eq(ideas.title, title))).toBe(0);
  });

  it("never goes beyond its person's permissions: an ASN's stats:read token gets 403 forbidden", async () => {
    const { secret } = await insertToken(p.asn.user, ["stats:read"]);
    const res = await withToken("GET", "/api/v1/stats/dashboard", secret);
    expect((await problemOf(res, 403)).code).toBe("forbidden");
  });

  it("follows a role change and a deactivation at the next request", async () => {
    const leader = await createUser(p.unit, { roles: ["asn", "leader"] });
    const { secret } = await insertToken(leader, ["stats:read"]);
    expect((await withToken("GET", "/api/v1/stats/dashboard", secret)).status).toBe(200);
    await testDb.update(users).set({ roles: "asn" }).where(eq(users.id, leader.id));
    expect((await withToken("GET", "/api/v1/stats/dashboard", secret)).status).toBe(403);
    await testDb.update(users).set({ active: false }).where(eq(users.id, leader.id));
    const res = await withToken("GET", "/api/v1/auth/me", secret);
    expect((await problemOf(res, 401)).code).toBe("token.account_inactive");
  });

  it("cannot manage tokens or change a password: 403 token.browser_only", async () => {
    const { secret } = await insertToken(p.admin.user, ["ideas:read", "ideas:write", "admin:read", "admin:write"]);
    for (const [method, path, body] of [
      ["GET", "/api/v1/api-tokens", undefined],
      ["POST", "/api/v1/api-tokens", { name: "x", scopes: ["ideas:read"], expiresInDays: 1 }],
      ["POST", "/api/v1/service-tokens", { name: "x", scopes: ["stats:read"], expiresInDays: 1 }],
      ["POST", "/api/v1/auth/password", { currentPassword: "a", newPassword: "b" }],
      ["POST", `/api/v1/users/${p.asn.user.id}/reset-password`, {}],
      ["POST", "/api/v1/auth/logout", undefined],
      // other spellings of the same paths
      ["POST", "/api/v1/api%2Dtokens", { name: "x", scopes: ["ideas:read"], expiresInDays: 1 }],
      ["GET", "/api/v1/api-tokens/", undefined],
      ["POST", "/api/v1/x/../auth/%70assword", { currentPassword: "a", newPassword: "b" }],
    ] as const) {
      const res = await withToken(method, path, secret, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect((await problemOf(res, 403)).code).toBe("token.browser_only");
    }
  });
});

describe("a token that cannot be used", () => {
  it("answers 401 token.malformed, token.unknown, token.expired and token.revoked", async () => {
    const malformed = await withToken("GET", "/api/v1/ideas", "bukan-token");
    expect((await problemOf(malformed, 401)).code).toBe("token.malformed");
    expect(malformed.headers.get("www-authenticate")).toContain('error="invalid_token"');

    const unknown = await withToken("GET", "/api/v1/ideas", `ggs_${"A".repeat(43)}`);
    expect((await problemOf(unknown, 401)).code).toBe("token.unknown");

    const expired = await insertToken(p.asn.user, ["ideas:read"], { expiresAt: Date.now() - 1000 });
    const late = await withToken("GET", "/api/v1/ideas", expired.secret);
    expect((await problemOf(late, 401)).code).toBe("token.expired");

    const created = await createPersonal(p.asn.cookie, { name: "Dicabut", scopes: ["ideas:read"], expiresInDays: 1 });
    expect((await withToken("GET", "/api/v1/ideas", created.secret)).status).toBe(200);
    const revoke = await client(p.asn.cookie).api.v1["api-tokens"][":id"].$delete(byId(created.id));
    expect(revoke.status).toBe(204);
    const after = await withToken("GET", "/api/v1/ideas", created.secret);
    expect((await problemOf(after, 401)).code).toBe("token.revoked");
    const list = await tokensOf(p.asn.cookie);
    expect(list.items.map((t) => t.id)).not.toContain(created.id);
  });

  it("lets nobody revoke another person's token (404) and keeps it working", async () => {
    const created = await createPersonal(p.asn.cookie, { name: "Milik ASN", scopes: ["ideas:read"], expiresInDays: 1 });
    for (const cookie of [p.reviewer.cookie, p.admin.cookie, p.otherAdmin.cookie]) {
      expect((await api("DELETE", `/api/v1/api-tokens/${created.id}`, { cookie })).status).toBe(404);
    }
    expect((await withToken("GET", "/api/v1/ideas", created.secret)).status).toBe(200);
  });
});

describe("service tokens", () => {
  it("are made, listed and revoked by the agency admin, each step in the audit log", async () => {
    const res = await client(p.admin.cookie).api.v1["service-tokens"].$post({
      json: { name: "Gudang data BPS", scopes: ["stats:read", "exports:read"], expiresInDays: 365 },
    });
    const created = await bodyOf(res, 201);
    expect(created.createdBy).toBe(p.admin.user.name);
    const row = await rowOf(created.id);
    expect(row).toMatchObject({ kind: "service", userId: null, agencyId: p.agency.id });

    const stats = await withToken("GET", "/api/v1/stats/dashboard", created.secret);
    expect(stats.status).toBe(200);
    const csv = await withToken("GET", "/api/v1/exports/ideas.csv", created.secret);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    // tied to no person: nothing of a person, nothing outside its scopes
    expect((await problemOf(await withToken("GET", "/api/v1/ideas", created.secret), 403)).code).toBe(
      "token.scope_missing.ideas:read",
    );

    const listed = await serviceTokensOf(p.admin.cookie);
    expect(listed.items.map((t) => t.id)).toContain(created.id);
    const other = await serviceTokensOf(p.otherAdmin.cookie);
    expect(other.items.map((t) => t.id)).not.toContain(created.id);
    expect((await api("DELETE", `/api/v1/service-tokens/${created.id}`, { cookie: p.otherAdmin.cookie })).status).toBe(
      404,
    );

    expect((await api("DELETE", `/api/v1/service-tokens/${created.id}`, { cookie: p.admin.cookie })).status).toBe(204);
    expect((await withToken("GET", "/api/v1/stats/dashboard", created.secret)).status).toBe(401);
    const audit = await testDb
      .select({ action: auditLog.action, actorId: auditLog.actorId, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, "service_token"), eq(auditLog.subjectId, created.id)))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["service_token.create", p.admin.user.id],
      ["service_token.revoke", p.admin.user.id],
    ]);
    expect(audit.map((a) => a.detail).join()).not.toContain(created.secret.slice(8));
  });

  it("take only the read scopes of figures and exports (422 otherwise)", async () => {
    const res = await api("POST", "/api/v1/service-tokens", {
      cookie: p.admin.cookie,
      body: { name: "Tulis", scopes: ["ideas:write"], expiresInDays: 30 },
    });
    expect(res.status).toBe(422);
  });

  it("read only their own agency: another agency's export carries none of its ideas", async () => {
    const { secret } = await insertToken(p.otherAdmin.user, ["exports:read"], { kind: "service" });
    const mine = await api("POST", "/api/v1/ideas", {
      cookie: p.asn.cookie,
      body: { ...COMPLETE_IDEA, title: "Rahasia instansi A untuk ekspor" },
    });
    expect(mine.status).toBe(201);
    const csv = await (await withToken("GET", "/api/v1/exports/ideas.csv", secret)).text();
    expect(csv).not.toContain("Rahasia instansi A untuk ekspor");
  });
});

describe("rate limits with a token", () => {
  it("still apply: a personal token spends its person's write allowance (429 rate_limited)", async () => {
    const app = createApp();
    const limited = { fetch: (request: Request) => app.fetch(request, { ...env, IDEA_LIMITER: env.TEST_LIMITER }) };
    const user = await createUser(p.unit);
    const { secret } = await insertToken(user, ["ideas:write"]);
    const statuses: number[] = [];
    for (let i = 0; i < 8 && !statuses.includes(429); i++) {
      const res = await callApp(limited, "POST", "/api/v1/ideas", {
        headers: { authorization: `Bearer ${secret}` },
        body: COMPLETE_IDEA,
      });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(6);
    // the same person signed in with a cookie shares the spent allowance
    const cookie = await signIn(user);
    const res = await callApp(limited, "POST", "/api/v1/ideas", { cookie, body: COMPLETE_IDEA });
    expect(res.status).toBe(429);
  });
});

describe("the OpenAPI document", () => {
  it("declares the bearer scheme and each operation's scope", async () => {
    const doc = await loadContract();
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/api/v1/exports/ideas.csv"]!.get!.security).toEqual([
      { session: [] },
      { bearerToken: ["exports:read"] },
    ]);
    expect(doc.paths["/api/v1/ideas"]!.post!.security).toContainEqual({ bearerToken: ["ideas:write"] });
    expect(doc.paths["/api/v1/api-tokens"]!.post!.security).toEqual([{ session: [] }]);
    expect(doc.paths["/api/v1/health"]!.get!.security).toEqual([{}]);
  });
});

describe("the token routes themselves", () => {
  it("refuse a token even where the path rule would let it through (sessionOnly)", async () => {
    const probe = createRouter();
    probe.use("/api/v1/probe", sessionOnly());
    probe.get("/api/v1/probe", (c) => c.json({ ok: true }, 200));
    const app = createApp();
    app.route("/", probe);
    const { secret } = await insertToken(p.asn.user, ["ideas:read"]);
    const res = await callApp(app, "GET", "/api/v1/probe", { headers: { authorization: `Bearer ${secret}` } });
    expect((await problemOf(res, 403)).code).toBe("token.browser_only");
    expect((await callApp(app, "GET", "/api/v1/probe", { cookie: p.asn.cookie })).status).toBe(200);
  });
});
