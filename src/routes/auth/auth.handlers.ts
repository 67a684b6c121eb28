import type { Context } from "hono";
import {
  getLoginCandidate,
  listLoginFailures,
  recordLoginFailures,
  revokeSession,
  revokeUserSessions,
  startSession,
} from "../../db/queries/auth.queries";
import { getPasswordSignInRefusal } from "../../db/queries/oidc.queries";
import { getPasswordHash, getProfile, setPassword } from "../../db/queries/users.queries";
import { abilitiesOf } from "../../domain/abilities";
import { emblemPath } from "../../domain/emblem";
import { parseRoles } from "../../domain/roles";
import { LOGIN_LOOKBACK_MS, loginKeys, loginRetryAfter } from "../../domain/throttle";
import type { AppEnv } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { hashPassword, verifyPassword } from "../../lib/password";
import { ApiError, notFound, validationError } from "../../lib/problem";
import { requireAcceptablePassword } from "../../lib/password-rule";
import { clearSessionCookie, readSessionToken, writeSessionCookie } from "../../lib/session-cookie";
import { randomToken, sha256Hex } from "../../lib/tokens";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./auth.routes";

type Profile = NonNullable<Awaited<ReturnType<typeof getProfile>>>;

/** The person as the SPA sees them, with what the policy lets them do (`can`). */
export function toMe(p: Profile) {
  const roles = parseRoles(p.roles);
  return {
    id: p.id,
    nip: p.nip,
    name: p.name,
    email: p.email,
    position: p.position,
    roles,
    can: abilitiesOf({ userId: p.id, agencyId: p.agencyId, unitId: p.unitId, roles }),
    mustChangePassword: p.mustChangePassword,
    unit: { id: p.unitId, code: p.unitCode, name: p.unitName },
    agency: {
      id: p.agencyId,
      slug: p.agencySlug,
      name: p.agencyName,
      timeZone: p.agencyTimeZone,
      emblemUrl: p.agencyEmblemKey ? emblemPath(p.agencySlug, p.agencyEmblemKey) : null,
    },
  };
}

const clientAddress = (c: Context<AppEnv>) => c.req.header("cf-connecting-ip") ?? "local";

const invalidCredentials = () =>
  new ApiError(401, "auth.invalid_credentials", "The NIP/e-mail or password is not correct");

export const login: AppRouteHandler<typeof routes.login> = async (c) => {
  const { identifier, password } = c.req.valid("json");
  const db = c.var.db;
  const now = Date.now();
  // the counters belong to the account itself, however it was named (NIP or e-mail)
  const candidate = await getLoginCandidate(db, identifier);
  const keys = loginKeys(candidate?.id ?? null, identifier, clientAddress(c));
  const retryAfter = loginRetryAfter(await listLoginFailures(db, keys, now - LOGIN_LOOKBACK_MS), now);
  if (retryAfter !== null) {
    throw new ApiError(429, "auth.throttled", "Too many failed sign-ins; wait and try again", {
      headers: { "retry-after": String(retryAfter) },
    });
  }

  const passwordOk = await verifyPassword(candidate?.passwordHash ?? null, password);
  if (!candidate || !passwordOk || !candidate.active) {
    await recordLoginFailures(db, Object.values(keys), now);
    throw invalidCredentials();
  }
  // told only to whoever knows the password: the agency signs in with its own provider instead
  const refusal = await getPasswordSignInRefusal(db, candidate.agencyId);
  if (refusal) {
    throw new ApiError(
      403,
      "auth.password_sign_in_disabled",
      `This agency signs in with ${refusal.providerName}, not with a password`,
      { signIn: refusal },
    );
  }

  const token = randomToken();
  const absoluteSeconds = Number(c.env.SESSION_ABSOLUTE_SECONDS);
  const previous = readSessionToken(c);
  await startSession(db, {
    userId: candidate.id,
    tokenHash: await sha256Hex(token),
    now,
    expiresAt: now + absoluteSeconds * 1000,
    userAgent: (c.req.header("user-agent") ?? "").slice(0, 200),
    pairKey: keys.pair,
    ...(previous ? { previousTokenHash: await sha256Hex(previous) } : {}),
  });
  writeSessionCookie(c, token, absoluteSeconds);
  const profile = await getProfile(db, candidate.id);
  if (!profile) throw invalidCredentials();
  return c.json({ user: toMe(profile) }, 200);
};

export const logout: AppRouteHandler<typeof routes.logout> = async (c) => {
  const actor = c.var.actor;
  if (actor) await revokeSession(c.var.db, actor.sessionId, Date.now());
  clearSessionCookie(c);
  return c.body(null, 204);
};

export const logoutAll: AppRouteHandler<typeof routes.logoutAll> = async (c) => {
  const actor = actorOf(c);
  await revokeUserSessions(c.var.db, actor.userId, Date.now());
  clearSessionCookie(c);
  return c.body(null, 204);
};

export const me: AppRouteHandler<typeof routes.me> = async (c) => {
  const actor = actorOf(c);
  const profile = await getProfile(c.var.db, actor.userId);
  if (!profile) throw notFound("user");
  return c.json({ user: toMe(profile) }, 200);
};

export const changePassword: AppRouteHandler<typeof routes.changePassword> = async (c) => {
  const actor = actorOf(c);
  const { currentPassword, newPassword } = c.req.valid("json");
  const db = c.var.db;
  const account = await getPasswordHash(db, actor.userId);
  if (!account) throw notFound("user");
  if (!(await verifyPassword(account.passwordHash, currentPassword))) {
    throw validationError([
      { path: "json.currentPassword", code: "password.incorrect", message: "The current password is not correct" },
    ]);
  }
  requireAcceptablePassword(newPassword, account);
  const now = Date.now();
  await db.batch([
    setPassword(db, actor.userId, await hashPassword(newPassword), now),
    // a changed password ends every other session; this one stays
    revokeUserSessions(db, actor.userId, now, actor.sessionId),
  ]);
  return c.body(null, 204);
};
