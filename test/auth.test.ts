import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "../src/db/schema";
import { sha256Hex } from "../src/lib/tokens";
import {
  TEST_PASSWORD,
  cookieFrom,
  createAgency,
  createPersonas,
  createUnit,
  createUser,
  signIn,
  type TestUnit,
} from "./fixtures/builders";
import { bodyOf, client, fieldErrors } from "./fixtures/client";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";

let unit: TestUnit;
beforeAll(async () => {
  unit = await createUnit(await createAgency());
});

const login = (identifier: string, password: string, headers: Record<string, string> = {}) =>
  api("POST", "/api/v1/auth/login", { body: { identifier, password }, headers });

describe("POST /api/v1/auth/login", () => {
  it("signs in with NIP and sets a __Host- session cookie (HttpOnly, Secure, SameSite=Lax)", async () => {
    const user = await createUser(unit, { name: "Dewi Anggraini" });
    const res = await client().api.v1.auth.login.$post({ json: { identifier: user.nip, password: TEST_PASSWORD } });
    const body = await bodyOf(res, 200);
    expect(body.user).toMatchObject({ id: user.id, name: "Dewi Anggraini", roles: ["asn"] });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-gagas_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("signs in with e-mail, whatever its case", async () => {
    const user = await createUser(unit);
    const res = await login(user.email.toUpperCase(), TEST_PASSWORD);
    expect(res.status).toBe(200);
  });

  it("stores only the SHA-256 of the session token", async () => {
    const user = await createUser(unit);
    const token = cookieFrom(await login(user.nip, TEST_PASSWORD)).split("=")[1]!;
    const rows = await testDb
      .select({ tokenHash: sessions.tokenHash })
      .from(sessions)
      .where(eq(sessions.userId, user.id));
    expect(rows.map((r) => r.tokenHash)).toEqual([await sha256Hex(token)]);
  });

  it("answers a wrong password and an unknown NIP identically", async () => {
    const user = await createUser(unit);
    const wrongPassword = await login(user.nip, "bukan-sandinya-123");
    const unknownNip = await login("199001012015011999", TEST_PASSWORD);
    expect(wrongPassword.status).toBe(401);
    expect(unknownNip.status).toBe(401);
    const strip = ({ requestId: _, ...rest }: Record<string, unknown>) => rest;
    expect(strip(await wrongPassword.json())).toEqual(strip(await unknownNip.json()));
    expect(wrongPassword.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a deactivated account with the same answer as a wrong password", async () => {
    const user = await createUser(unit, { active: false });
    const res = await login(user.nip, TEST_PASSWORD);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "auth.invalid_credentials" });
  });

  it("answers the 6th bad attempt in 15 minutes with 429 and Retry-After, even with the right password", async () => {
    const user = await createUser(unit);
    const address = { "cf-connecting-ip": "203.0.113.7" };
    for (let i = 0; i < 5; i++) expect((await login(user.nip, `salah-${i}-sandi`, address)).status).toBe(401);
    const sixth = await login(user.nip, TEST_PASSWORD, address);
    expect(sixth.status).toBe(429);
    expect(await sixth.json()).toMatchObject({ code: "auth.throttled" });
    const retryAfter = Number(sixth.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it("keeps the owner in while someone who knows the NIP guesses from another address", async () => {
    const owner = await createUser(unit);
    const attacker = { "cf-connecting-ip": "203.0.113.50" };
    for (let i = 0; i < 6; i++) await login(owner.nip, `tebakan-${i}-sandi`, attacker);
    expect((await login(owner.nip, TEST_PASSWORD, attacker)).status).toBe(429);
    const res = await login(owner.nip, TEST_PASSWORD, { "cf-connecting-ip": "198.51.100.60" });
    expect(res.status).toBe(200);
  });

  it("counts the NIP and the e-mail of one person as one account", async () => {
    const user = await createUser(unit);
    const address = { "cf-connecting-ip": "203.0.113.61" };
    for (let i = 0; i < 3; i++) expect((await login(user.nip, `salah-${i}-sandi`, address)).status).toBe(401);
    for (let i = 0; i < 2; i++) expect((await login(user.email, `salah-${i}-sandi`, address)).status).toBe(401);
    expect((await login(user.email.toUpperCase(), TEST_PASSWORD, address)).status).toBe(429);
  });

  it("holds addresses that guessed at an account to 10 failures an hour, not a fresh address", async () => {
    const owner = await createUser(unit);
    const from = (n: number) => ({ "cf-connecting-ip": `192.0.2.${100 + n}` });
    // five guessers, two guesses each: the limit per address (5) never bites, the account's ceiling does
    for (let n = 0; n < 5; n++)
      for (let i = 0; i < 2; i++) expect((await login(owner.nip, `tebakan-${n}-${i}`, from(n))).status).toBe(401);
    const guesser = await login(owner.nip, "tebakan-lagi-99", from(0));
    expect(guesser.status).toBe(429);
    expect(Number(guesser.headers.get("retry-after"))).toBeGreaterThan(59 * 60);
    expect((await login(owner.nip, TEST_PASSWORD, from(0))).status).toBe(429);
    // a fresh address gets its attempt checked: one guess, or the owner's correct password
    expect((await login(owner.nip, "tebakan-baru-1", from(50))).status).toBe(401);
    expect((await login(owner.nip, "tebakan-baru-2", from(50))).status).toBe(429);
    expect((await login(owner.nip, TEST_PASSWORD, from(51))).status).toBe(200);
  });

  it("throttles an unknown NIP exactly like a known one", async () => {
    const address = { "cf-connecting-ip": "203.0.113.62" };
    for (let i = 0; i < 5; i++)
      expect((await login("199001012015011998", `salah-${i}-sandi`, address)).status).toBe(401);
    expect((await login("199001012015011998", "salah-lagi-sandi", address)).status).toBe(429);
  });

  it("throttles one client address across accounts after 30 failures", async () => {
    const address = { "cf-connecting-ip": "198.51.100.23" };
    for (let i = 0; i < 30; i++) await login(`19900101201501100${i % 10}`, `salah-sandi-${i}`, address);
    const user = await createUser(unit);
    const res = await login(user.nip, TEST_PASSWORD, address);
    expect(res.status).toBe(429);
    expect((await login(user.nip, TEST_PASSWORD, { "cf-connecting-ip": "198.51.100.24" })).status).toBe(200);
  });

  it("answers 422 naming the missing field", async () => {
    const res = await api("POST", "/api/v1/auth/login", { body: { identifier: "x" } });
    expect(res.status).toBe(422);
    expect((await fieldErrors(res)).map((e) => e.path)).toEqual(["json.password"]);
  });

  it("signs in over a stale cookie the browser still sends: the new session is the one kept", async () => {
    const user = await createUser(unit);
    const stale = await signIn(user);
    expect((await api("POST", "/api/v1/auth/logout", { cookie: stale })).status).toBe(204);
    const res = await login(user.nip, TEST_PASSWORD, { cookie: stale });
    expect(res.status).toBe(200);
    // a browser applies Set-Cookie in order, the last one for a name wins: it must be the new session
    const session = res.headers.getSetCookie().filter((c) => c.startsWith("__Host-gagas_session="));
    expect(session).toHaveLength(1);
    expect(session[0]).toMatch(/Max-Age=43200/);
    const fresh = session[0]!.split(";")[0]!;
    expect((await api("GET", "/api/v1/auth/me", { cookie: fresh })).status).toBe(200);
  });

  it("still drops a stale cookie on any other answer", async () => {
    const stale = await signIn(await createUser(unit));
    await api("POST", "/api/v1/auth/logout", { cookie: stale });
    const res = await api("GET", "/api/v1/auth/me", { cookie: stale });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toEqual([expect.stringMatching(/^__Host-gagas_session=;.*Max-Age=0/)]);
  });

  it("rotates the session: signing in again from the same browser revokes the old one", async () => {
    const user = await createUser(unit);
    const first = await signIn(user);
    const second = cookieFrom(await login(user.nip, TEST_PASSWORD, { cookie: first }));
    expect(second).not.toBe(first);
    expect((await api("GET", "/api/v1/auth/me", { cookie: first })).status).toBe(401);
    expect((await api("GET", "/api/v1/auth/me", { cookie: second })).status).toBe(200);
  });
});

describe("CSRF", () => {
  it("refuses a cross-origin POST", async () => {
    const user = await createUser(unit);
    const res = await login(user.nip, TEST_PASSWORD, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "csrf.cross_origin" });
  });

  it("refuses a POST that names no origin at all", async () => {
    const res = await api("POST", "/api/v1/auth/logout", { headers: { origin: "" } });
    expect(res.status).toBe(403);
  });

  it("accepts Sec-Fetch-Site: same-origin without Origin", async () => {
    const res = await api("POST", "/api/v1/auth/logout", { headers: { origin: "", "sec-fetch-site": "same-origin" } });
    expect(res.status).toBe(204);
  });

  it("refuses a form-encoded body (what a cross-site form could send)", async () => {
    const res = await api("POST", "/api/v1/auth/login", {
      rawBody: "identifier=a&password=b",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(415);
  });

  it("changes nothing on GET", async () => {
    const res = await api("GET", "/api/v1/auth/logout");
    expect(res.status).toBe(405);
  });
});

describe("sessions", () => {
  it("GET /api/v1/auth/me answers 401 without a session", async () => {
    const res = await api("GET", "/api/v1/auth/me");
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "auth.required" });
  });

  it("a signed-out token no longer works", async () => {
    const user = await createUser(unit);
    const cookie = await signIn(user);
    expect((await api("GET", "/api/v1/auth/me", { cookie })).status).toBe(200);
    expect((await api("POST", "/api/v1/auth/logout", { cookie })).status).toBe(204);
    expect((await api("GET", "/api/v1/auth/me", { cookie })).status).toBe(401);
  });

  it("sign out everywhere revokes every session of the account", async () => {
    const user = await createUser(unit);
    const phone = await signIn(user);
    const laptop = await signIn(user);
    expect((await api("POST", "/api/v1/auth/logout-all", { cookie: phone })).status).toBe(204);
    expect((await api("GET", "/api/v1/auth/me", { cookie: laptop })).status).toBe(401);
    expect((await api("GET", "/api/v1/auth/me", { cookie: phone })).status).toBe(401);
  });

  it("expires a session idle for longer than the idle limit", async () => {
    const user = await createUser(unit);
    const cookie = await signIn(user);
    const idleMs = Number(env.SESSION_IDLE_SECONDS) * 1000;
    await testDb
      .update(sessions)
      .set({ lastSeenAt: Date.now() - idleMs - 1000 })
      .where(eq(sessions.userId, user.id));
    expect((await api("GET", "/api/v1/auth/me", { cookie })).status).toBe(401);
  });

  it("expires a session past its absolute lifetime even when active", async () => {
    const user = await createUser(unit);
    const cookie = await signIn(user);
    await testDb
      .update(sessions)
      .set({ expiresAt: Date.now() - 1 })
      .where(eq(sessions.userId, user.id));
    expect((await api("GET", "/api/v1/auth/me", { cookie })).status).toBe(401);
  });

  it("ends the session of an account that is deactivated", async () => {
    const user = await createUser(unit);
    const cookie = await signIn(user);
    await testDb.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect((await api("GET", "/api/v1/auth/me", { cookie })).status).toBe(401);
  });

  it("ignores a made-up token", async () => {
    const res = await api("GET", "/api/v1/auth/me", { cookie: "__Host-gagas_session=made-up-token" });
    expect(res.status).toBe(401);
  });
});

describe("POST /api/v1/auth/password", () => {
  it("changes the password, keeps this session and ends the others", async () => {
    const user = await createUser(unit);
    const here = await signIn(user);
    const elsewhere = await signIn(user);
    const res = await api("POST", "/api/v1/auth/password", {
      cookie: here,
      body: { currentPassword: TEST_PASSWORD, newPassword: "Layanan-Prima-Binjai-7" },
    });
    expect(res.status).toBe(204);
    expect((await api("GET", "/api/v1/auth/me", { cookie: here })).status).toBe(200);
    expect((await api("GET", "/api/v1/auth/me", { cookie: elsewhere })).status).toBe(401);
    expect((await login(user.nip, TEST_PASSWORD)).status).toBe(401);
    expect((await login(user.nip, "Layanan-Prima-Binjai-7")).status).toBe(200);
  });

  it.each([
    ["short1", "password.too_short"],
    ["bismillah123", "password.too_common"],
    ["x".repeat(129), "password.too_long"],
  ])("refuses %s with 422 %s on newPassword", async (newPassword, code) => {
    const user = await createUser(unit);
    const cookie = await signIn(user);
    const res = await api("POST", "/api/v1/auth/password", {
      cookie,
      body: { currentPassword: TEST_PASSWORD, newPassword },
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ path: "json.newPassword", code }] });
  });

  it("refuses a wrong current password", async () => {
    const user = await createUser(unit);
    const cookie = await signIn(user);
    const res = await api("POST", "/api/v1/auth/password", {
      cookie,
      body: { currentPassword: "bukan-ini-sandinya", newPassword: "Layanan-Prima-Binjai-7" },
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ path: "json.currentPassword", code: "password.incorrect" }] });
  });

  it("clears must-change-password once changed", async () => {
    const user = await createUser(unit, { mustChangePassword: true });
    const cookie = await signIn(user);
    const me = await bodyOf(await client(cookie).api.v1.auth.me.$get(), 200);
    expect(me.user.mustChangePassword).toBe(true);
    await api("POST", "/api/v1/auth/password", {
      cookie,
      body: { currentPassword: TEST_PASSWORD, newPassword: "Layanan-Prima-Binjai-7" },
    });
    const after = await bodyOf(await client(cookie).api.v1.auth.me.$get(), 200);
    expect(after.user.mustChangePassword).toBe(false);
  });
});

describe("GET /api/v1/auth/me can", () => {
  it("answers what each persona may do, decided by the policy the routes use", async () => {
    const p = await createPersonas();
    const canOf = async (cookie: string) => {
      const me = await bodyOf(await client(cookie).api.v1.auth.me.$get(), 200);
      return me.user.can;
    };
    const asn = await canOf(p.asn.cookie);
    expect(asn).toMatchObject({ participate: true, reviewIdeas: false, readStats: false, moderate: false });
    expect(Object.entries(asn).filter(([, allowed]) => allowed)).toEqual([["participate", true]]);
    expect(await canOf(p.reviewer.cookie)).toMatchObject({
      participate: true,
      reviewIdeas: true,
      manageReviews: false,
    });
    expect(await canOf(p.leader.cookie)).toMatchObject({
      readStats: true,
      announceAwards: true,
      openCampaignFromProblem: true,
      manageCampaigns: false,
    });
    expect(await canOf(p.admin.cookie)).toMatchObject({
      configureAgency: true,
      manageUsers: true,
      manageCampaigns: true,
      manageCompetitions: true,
      moderate: true,
      readStats: true,
      announceAwards: false,
      manageAgencies: false,
    });
    expect(await canOf(p.superadmin.cookie)).toMatchObject({ manageAgencies: true, configureAgency: false });
    const guest = await canOf(p.guest_reviewer.cookie);
    expect(Object.values(guest).every((allowed) => !allowed)).toBe(true);
  });

  it("answers the same can at sign-in as at /auth/me", async () => {
    const p = await createPersonas();
    const signedIn = await bodyOf(
      await client().api.v1.auth.login.$post({ json: { identifier: p.admin.user.nip, password: TEST_PASSWORD } }),
      200,
    );
    const me = await bodyOf(await client(p.admin.cookie).api.v1.auth.me.$get(), 200);
    expect(signedIn.user.can).toEqual(me.user.can);
  });
});
