/**
 * Sign-in with the agency's own OpenID provider, against a real one on loopback (oidc-provider,
 * scripts/lib/loopback-idp.ts): configuration by the admin, the happy path, and every refusal —
 * a forged signature, a token for another audience, a replayed state, a NIP nobody has.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { IDP_USER_WITHOUT_NIP } from "../scripts/lib/loopback-idp-accounts";
import { agencyOidc, auditLog, oidcStates, users } from "../src/db/schema";
import { createAgency, createPersonas, createUnit, createUser, makeNip, TEST_PASSWORD } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import {
  configureProvider,
  finishSignIn,
  IDP_CLIENTS,
  providerSettings,
  signInAtProvider,
  signInWithProvider,
  startSignIn,
} from "./fixtures/oidc";
import { ProblemSchema } from "../src/lib/openapi";
import { OidcSessionSchema } from "../src/routes/oidc/oidc.schemas";
import { bodyOf, client, codeOf, problemOf } from "./fixtures/client";

const sessionCookieOf = (res: Response) =>
  /(__Host-gagas_session=[^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];

/** A refusal: its status and code, and no session for anyone. */
async function expectRefused(res: Response, status: number, code: string) {
  expect({ status: res.status, code: await codeOf(res) }).toEqual({ status, code });
  expect(sessionCookieOf(res)).toBeUndefined();
}

describe("PUT /api/v1/agency/oidc", () => {
  it("stores the provider with its client secret sealed, shows it without the secret, and audits it", async () => {
    const { admin, agency } = await createPersonas();
    const settings = await configureProvider(admin.cookie);
    expect(settings).toMatchObject({
      configured: true,
      displayName: "SSO Kota Uji",
      clientId: IDP_CLIENTS.honest,
      hasClientSecret: true,
      scope: "openid profile",
      nipClaim: "nip",
      passwordSignIn: true,
      redirectUri: "https://gagas.test/masuk/oidc",
      signInUrl: `https://gagas.test/masuk?instansi=${agency.slug}`,
      secretKeyConfigured: true,
    });
    expect(JSON.stringify(settings)).not.toContain(providerSettings().clientSecret);
    const row = await testDb
      .select({ sealed: agencyOidc.clientSecretSealed })
      .from(agencyOidc)
      .where(eq(agencyOidc.agencyId, agency.id))
      .get();
    expect(row!.sealed).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
    expect(row!.sealed).not.toContain(providerSettings().clientSecret);
    const audit = await testDb
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.agencyId, agency.id), eq(auditLog.action, "agency.oidc_update")))
      .get();
    expect(JSON.parse(audit!.detail)).toMatchObject({ issuer: providerSettings().issuer, clientSecret: "set" });
    expect(audit!.detail).not.toContain(providerSettings().clientSecret);

    // omitting the secret keeps it; the GET shows the same
    await configureProvider(admin.cookie, { clientSecret: undefined, displayName: "SSO Baru" });
    const res = await api("GET", "/api/v1/agency/oidc", { cookie: admin.cookie });
    expect(await res.json()).toMatchObject({ displayName: "SSO Baru", hasClientSecret: true });
  });

  it("answers 422 naming the field for an issuer without https, one that does not answer, and a scope without openid", async () => {
    const { admin } = await createPersonas();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ issuer: "http://sso.example.go.id" }, "json.issuer", "oidc.issuer_not_https"],
      [{ issuer: "http://127.0.0.1:9/" }, "json.issuer", "oidc.discovery_failed"],
      [{ scope: "profile email" }, "json.scope", "oidc.scope_invalid"],
      [{ nipClaim: "nip claim" }, "json.nipClaim", "invalid_format"],
    ];
    for (const [change, path, code] of cases) {
      const res = await api("PUT", "/api/v1/agency/oidc", {
        cookie: admin.cookie,
        body: { ...providerSettings(), ...change },
      });
      expect(res.status).toBe(422);
      expect((await problemOf(res, 422)).errors).toContainEqual(expect.objectContaining({ path, code }));
    }
    expect(await bodyOf(await client(admin.cookie).api.v1.agency.oidc.$get(), 200)).toMatchObject({
      configured: false,
    });
  });
});

describe("GET /api/v1/auth/oidc/{agencySlug}", () => {
  it("tells the sign-in page the provider's name and whether passwords still sign in", async () => {
    const { admin, agency } = await createPersonas();
    const before = await api("GET", `/api/v1/auth/oidc/${agency.slug}`);
    expect(await before.json()).toMatchObject({ provider: null, passwordSignIn: true });
    await configureProvider(admin.cookie, { passwordSignIn: false });
    const after = await api("GET", `/api/v1/auth/oidc/${agency.slug}`);
    expect(await after.json()).toMatchObject({
      agency: { slug: agency.slug },
      provider: { name: "SSO Kota Uji" },
      passwordSignIn: false,
    });
    expect((await api("GET", "/api/v1/auth/oidc/tidak-ada-instansi")).status).toBe(404);
  });
});

describe("sign-in through the agency's provider", () => {
  let agency: { id: number; slug: string };
  let person: Awaited<ReturnType<typeof createUser>>;
  beforeAll(async () => {
    const personas = await createPersonas();
    agency = personas.agency;
    person = await createUser(personas.unit, { name: "Sari Lestari" });
    await configureProvider(personas.admin.cookie);
  });

  it("signs in the account whose NIP the provider vouches for and returns to the page it started from", async () => {
    const { res } = await signInWithProvider(agency.slug, person.nip, "/ide?urut=baru");
    expect(res.status, await res.clone().text()).toBe(200);
    const body = OidcSessionSchema.parse(await res.json());
    expect(body).toMatchObject({ user: { id: person.id, nip: person.nip }, next: "/ide?urut=baru" });
    const me = await bodyOf(await client(sessionCookieOf(res)!).api.v1.auth.me.$get(), 200);
    expect(me.user.id).toBe(person.id);
    // the state was taken: none of this sign-in is left
    expect(await testDb.$count(oidcStates, eq(oidcStates.agencyId, agency.id))).toBe(0);
  });

  it("refuses a replayed state with 400 oidc.state_unknown", async () => {
    const { res, query, browser } = await signInWithProvider(agency.slug, person.nip);
    expect(res.status).toBe(200);
    await expectRefused(await finishSignIn(query, browser), 400, "oidc.state_unknown");
  });

  it("refuses a state started in another browser with 400 oidc.state_unknown", async () => {
    const { authorizationUrl } = await startSignIn(agency.slug);
    const other = await startSignIn(agency.slug);
    const query = await signInAtProvider(authorizationUrl, person.nip);
    await expectRefused(await finishSignIn(query, other.browser), 400, "oidc.state_unknown");
  });

  it("refuses a NIP no account of the agency has with 401 oidc.no_matching_account, and creates none", async () => {
    const stranger = makeNip();
    const { res } = await signInWithProvider(agency.slug, stranger);
    await expectRefused(res, 401, "oidc.no_matching_account");
    expect(await testDb.$count(users, eq(users.nip, stranger))).toBe(0);
  });

  it("refuses the NIP of another agency's person and of a deactivated account", async () => {
    const elsewhere = await createUser(await createUnit(await createAgency("Kabupaten Lain")));
    await expectRefused((await signInWithProvider(agency.slug, elsewhere.nip)).res, 401, "oidc.no_matching_account");
    const unit = await testDb.select({ id: users.unitId }).from(users).where(eq(users.id, person.id)).get();
    const gone = await createUser({ id: unit!.id, agencyId: agency.id, code: "x" }, { active: false });
    await expectRefused((await signInWithProvider(agency.slug, gone.nip)).res, 401, "oidc.no_matching_account");
  });

  it("refuses a token without the NIP claim with 401 oidc.nip_claim_missing", async () => {
    await expectRefused(
      (await signInWithProvider(agency.slug, IDP_USER_WITHOUT_NIP)).res,
      401,
      "oidc.nip_claim_missing",
    );
  });

  it("answers 409 oidc.not_configured for an agency without a provider, 404 for no agency", async () => {
    const bare = await createAgency();
    const res = await api("POST", `/api/v1/auth/oidc/${bare.slug}/start`, { body: {} });
    expect({ status: res.status, code: await codeOf(res) }).toEqual({
      status: 409,
      code: "oidc.not_configured",
    });
    expect((await api("POST", "/api/v1/auth/oidc/tidak-ada/start", { body: {} })).status).toBe(404);
  });
});

describe("a public client (PKCE alone, no secret)", () => {
  it("signs in with the client secret removed", async () => {
    const { admin, unit, agency } = await createPersonas();
    const person = await createUser(unit);
    const settings = await configureProvider(admin.cookie, { clientId: IDP_CLIENTS.demo, clientSecret: "" });
    expect(settings).toMatchObject({ hasClientSecret: false });
    const { res } = await signInWithProvider(agency.slug, person.nip);
    expect(res.status, await res.clone().text()).toBe(200);
  });
});

describe("a provider's answer that fails its checks", () => {
  it("refuses an ID token signed by another key with 401 oidc.signature_invalid", async () => {
    const { admin, unit, agency } = await createPersonas();
    const person = await createUser(unit);
    await configureProvider(admin.cookie, { clientId: IDP_CLIENTS.forgedSignature });
    await expectRefused((await signInWithProvider(agency.slug, person.nip)).res, 401, "oidc.signature_invalid");
  });

  it("refuses an ID token issued to another client with 401 oidc.audience_mismatch", async () => {
    const { admin, unit, agency } = await createPersonas();
    const person = await createUser(unit);
    await configureProvider(admin.cookie, { clientId: IDP_CLIENTS.wrongAudience });
    await expectRefused((await signInWithProvider(agency.slug, person.nip)).res, 401, "oidc.audience_mismatch");
  });
});

describe("POST /api/v1/auth/login when the agency switched passwords off", () => {
  it("refuses a correct password with 403 auth.password_sign_in_disabled naming the agency's sign-in page", async () => {
    const { admin, asn, agency } = await createPersonas();
    await configureProvider(admin.cookie, { passwordSignIn: false });
    const res = await api("POST", "/api/v1/auth/login", {
      body: { identifier: asn.user.nip, password: TEST_PASSWORD },
    });
    const body = ProblemSchema.parse(await res.clone().json());
    expect(body.signIn).toEqual({ agencySlug: agency.slug, providerName: "SSO Kota Uji" });
    await expectRefused(res, 403, "auth.password_sign_in_disabled");
    // a wrong password learns nothing about the agency
    const wrong = await api("POST", "/api/v1/auth/login", {
      body: { identifier: asn.user.nip, password: "salah-sekali-1" },
    });
    await expectRefused(wrong, 401, "auth.invalid_credentials");
    // the provider still signs them in
    expect((await signInWithProvider(agency.slug, asn.user.nip)).res.status).toBe(200);
  });
});

describe("an account given a temporary password, signing in through the provider", () => {
  const signedIn = async (slug: string, nip: string) => {
    const { res } = await signInWithProvider(slug, nip);
    expect(res.status).toBe(200);
    const cookie = sessionCookieOf(res)!;
    const me = await bodyOf(await client(cookie).api.v1.auth.me.$get(), 200);
    return { mustChange: me.user.mustChangePassword, ideas: (await api("GET", "/api/v1/ideas", { cookie })).status };
  };

  it("must still change it while the agency's passwords sign in (anyone holding it could)", async () => {
    const { admin, unit, agency } = await createPersonas();
    const person = await createUser(unit, { mustChangePassword: true });
    await configureProvider(admin.cookie, { passwordSignIn: true });
    expect(await signedIn(agency.slug, person.nip)).toEqual({ mustChange: true, ideas: 403 });
  });

  it("is not sent to change a password it can never use once the agency switched passwords off", async () => {
    const { admin, unit, agency } = await createPersonas();
    const person = await createUser(unit, { mustChangePassword: true });
    await configureProvider(admin.cookie, { passwordSignIn: false });
    expect(await signedIn(agency.slug, person.nip)).toEqual({ mustChange: false, ideas: 200 });
  });
});
