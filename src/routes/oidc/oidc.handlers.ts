import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { getAgency } from "../../db/queries/agencies.queries";
import { startSession } from "../../db/queries/auth.queries";
import {
  getAgencyOidc,
  getAgencySignIn as getAgencySignInRow,
  getOidcAccount,
  saveAgencyOidc,
  startOidcSignIn as storeOidcState,
  takeOidcState,
  type AgencyOidcRow,
} from "../../db/queries/oidc.queries";
import { getProfile } from "../../db/queries/users.queries";
import { checkIssuer, OIDC_CALLBACK_PATH, OIDC_STATE_TTL_MS } from "../../domain/oidc";
import { loginKeys } from "../../domain/throttle";
import type { AppEnv } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { authorizationRequest, discover, exchangeCode, requireNip, type OidcProvider } from "../../lib/oidc-client";
import { ApiError, notFound, validationError } from "../../lib/problem";
import { openSecret, sealSecret, SecretKeyMissing } from "../../lib/secret-box";
import { readSessionToken, writeSessionCookie } from "../../lib/session-cookie";
import { randomToken, sha256Hex } from "../../lib/tokens";
import { actorOf } from "../../middlewares/guard";
import { toMe } from "../auth/auth.handlers";
import type * as routes from "./oidc.routes";

/** Binds a started sign-in to the browser that started it (login CSRF): `__Host-`, 10 minutes. */
const BROWSER_COOKIE = "__Host-gagas_oidc";
const cookieOptions = { path: "/", secure: true, httpOnly: true, sameSite: "Lax" } as const;

const redirectUriOf = (c: Context<AppEnv>) => new URL(OIDC_CALLBACK_PATH, c.env.PUBLIC_ORIGIN).href;
const secretContext = (agencyId: number) => `agency:${agencyId}:oidc`;
const notConfigured = () =>
  new ApiError(409, "oidc.not_configured", "This agency has no identity provider to sign in with");

function toSettings(c: Context<AppEnv>, slug: string, row: AgencyOidcRow | undefined) {
  const signInUrl = new URL(`/masuk?instansi=${encodeURIComponent(slug)}`, c.env.PUBLIC_ORIGIN).href;
  return {
    configured: row !== undefined,
    displayName: row?.displayName ?? "",
    issuer: row?.issuer ?? "",
    clientId: row?.clientId ?? "",
    hasClientSecret: Boolean(row?.clientSecretSealed),
    scope: row?.scope ?? "openid profile",
    nipClaim: row?.nipClaim ?? "nip",
    passwordSignIn: row?.passwordSignIn ?? true,
    redirectUri: redirectUriOf(c),
    signInUrl,
    secretKeyConfigured: Boolean(c.env.OIDC_SECRET_KEY),
  };
}

async function loadOwnAgency(c: Context<AppEnv>, agencyId: number) {
  const agency = await getAgency(c.var.db, agencyId);
  if (!agency) throw notFound("agency");
  return agency;
}

export const getOidcSettings: AppRouteHandler<typeof routes.getOidcSettings> = async (c) => {
  const actor = actorOf(c);
  const [agency, row] = await Promise.all([loadOwnAgency(c, actor.agencyId), getAgencyOidc(c.var.db, actor.agencyId)]);
  return c.json(toSettings(c, agency.slug, row), 200);
};

/** The sealed secret to store: the old one kept (omitted), none (empty), or the new one sealed. */
async function sealedSecretOf(
  c: Context<AppEnv>,
  agencyId: number,
  secret: string | undefined,
  before?: AgencyOidcRow,
) {
  if (secret === undefined) return before?.clientSecretSealed ?? null;
  if (secret === "") return null;
  try {
    return await sealSecret(c.env.OIDC_SECRET_KEY, secret, secretContext(agencyId));
  } catch (error) {
    if (!(error instanceof SecretKeyMissing)) throw error;
    throw validationError([
      {
        path: "json.clientSecret",
        code: "oidc.secret_key_missing",
        message: "The Worker has no OIDC_SECRET_KEY to encrypt the client secret with; the operator sets it first",
      },
    ]);
  }
}

export const putOidcSettings: AppRouteHandler<typeof routes.putOidcSettings> = async (c) => {
  const actor = actorOf(c);
  const body = c.req.valid("json");
  const db = c.var.db;
  const issuer = checkIssuer(body.issuer);
  if (!issuer.ok) throw validationError([{ path: "json.issuer", code: issuer.code, message: issuer.message }]);
  const [agency, before] = await Promise.all([loadOwnAgency(c, actor.agencyId), getAgencyOidc(db, actor.agencyId)]);
  const clientSecretSealed = await sealedSecretOf(c, actor.agencyId, body.clientSecret, before);
  // an issuer whose discovery document does not answer now would fail every sign-in later
  try {
    await discover(issuer.issuer);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw validationError([{ path: "json.issuer", code: "oidc.discovery_failed", message: error.message }]);
  }
  const row = {
    agencyId: actor.agencyId,
    displayName: body.displayName,
    issuer: issuer.issuer,
    clientId: body.clientId,
    clientSecretSealed,
    scope: body.scope,
    nipClaim: body.nipClaim,
    passwordSignIn: body.passwordSignIn,
  };
  const changed = (["displayName", "issuer", "clientId", "scope", "nipClaim", "passwordSignIn"] as const).filter(
    (key) => before?.[key] !== row[key],
  );
  const secretChange = body.clientSecret === undefined ? {} : { clientSecret: body.clientSecret ? "set" : "removed" };
  await saveAgencyOidc(db, {
    ...row,
    actorId: actor.userId,
    now: Date.now(),
    detail: { ...Object.fromEntries(changed.map((key) => [key, row[key]])), ...secretChange },
  });
  return c.json(toSettings(c, agency.slug, await getAgencyOidc(db, actor.agencyId)), 200);
};

export const getAgencySignIn: AppRouteHandler<typeof routes.getAgencySignIn> = async (c) => {
  const row = await getAgencySignInRow(c.var.db, c.req.valid("param").agencySlug);
  if (!row) throw notFound("agency");
  return c.json(
    {
      agency: { slug: row.slug, name: row.name },
      provider: row.provider ? { name: row.provider.displayName } : null,
      passwordSignIn: row.provider?.passwordSignIn ?? true,
    },
    200,
  );
};

/** A page of this site (not the API, not another origin), else the home page. */
function sameSitePath(next: string | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return /^\/api(\/|$)/.test(next) ? "/" : next;
}

export const startOidcSignIn: AppRouteHandler<typeof routes.startOidcSignIn> = async (c) => {
  const db = c.var.db;
  const row = await getAgencySignInRow(db, c.req.valid("param").agencySlug);
  if (!row) throw notFound("agency");
  if (!row.provider) throw notConfigured();
  const provider = row.provider;
  const as = await discover(provider.issuer);
  const request = await authorizationRequest(as, providerOf(provider, null), redirectUriOf(c));
  const browser = randomToken();
  const now = Date.now();
  await storeOidcState(db, {
    stateHash: await sha256Hex(request.state),
    agencyId: row.agencyId,
    browserHash: await sha256Hex(browser),
    nonce: request.nonce,
    codeVerifier: request.codeVerifier,
    next: sameSitePath(c.req.valid("json").next),
    createdAt: now,
    expiresAt: now + OIDC_STATE_TTL_MS,
  });
  setCookie(c, BROWSER_COOKIE, browser, { ...cookieOptions, maxAge: OIDC_STATE_TTL_MS / 1000 });
  return c.json({ authorizationUrl: request.url }, 200);
};

const providerOf = (row: AgencyOidcRow, clientSecret: string | null): OidcProvider => ({
  issuer: row.issuer,
  clientId: row.clientId,
  clientSecret,
  scope: row.scope,
});

const stateUnknown = () =>
  new ApiError(400, "oidc.state_unknown", "This sign-in was not started in this browser, has expired or was used");

async function clientSecretOf(c: Context<AppEnv>, row: AgencyOidcRow): Promise<string | null> {
  if (!row.clientSecretSealed) return null;
  try {
    return await openSecret(c.env.OIDC_SECRET_KEY, row.clientSecretSealed, secretContext(row.agencyId));
  } catch {
    throw new ApiError(502, "oidc.secret_unreadable", "The stored client secret does not open with this Worker's key");
  }
}

export const finishOidcSignIn: AppRouteHandler<typeof routes.finishOidcSignIn> = async (c) => {
  const body = c.req.valid("json");
  const db = c.var.db;
  const now = Date.now();
  const browser = getCookie(c, BROWSER_COOKIE);
  deleteCookie(c, BROWSER_COOKIE, cookieOptions);
  // taken (deleted) before anything else: whatever follows, this state never answers again
  const started = await takeOidcState(db, await sha256Hex(body.state), now);
  if (!started || !browser || started.browserHash !== (await sha256Hex(browser))) throw stateUnknown();
  const row = await getAgencyOidc(db, started.agencyId);
  if (!row) throw notConfigured();
  const provider = providerOf(row, await clientSecretOf(c, row));
  const as = await discover(row.issuer);
  const callback = new URLSearchParams(
    Object.entries(body).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const claims = await exchangeCode(as, provider, {
    callback,
    state: body.state,
    nonce: started.nonce,
    codeVerifier: started.codeVerifier,
    redirectUri: redirectUriOf(c),
    nipClaim: row.nipClaim,
  });
  const nip = requireNip(claims, row.nipClaim);
  const account = await getOidcAccount(db, started.agencyId, nip);
  if (!account?.active) {
    throw new ApiError(
      401,
      "oidc.no_matching_account",
      "No active account of this agency has the NIP the provider vouched for; an admin creates it first",
    );
  }
  const token = randomToken();
  const absoluteSeconds = Number(c.env.SESSION_ABSOLUTE_SECONDS);
  const previous = readSessionToken(c);
  await startSession(db, {
    userId: account.id,
    tokenHash: await sha256Hex(token),
    now,
    expiresAt: now + absoluteSeconds * 1000,
    userAgent: (c.req.header("user-agent") ?? "").slice(0, 200),
    pairKey: loginKeys(account.id, nip, c.req.header("cf-connecting-ip") ?? "local").pair,
    ...(previous ? { previousTokenHash: await sha256Hex(previous) } : {}),
  });
  writeSessionCookie(c, token, absoluteSeconds);
  const profile = await getProfile(db, account.id);
  if (!profile) throw notFound("user");
  return c.json({ user: toMe(profile), next: started.next }, 200);
};
