import type { Context } from "hono";
import { changesOf, runBatch, runNamedBatch } from "../../db/client";
import {
  countResetTokensSince,
  getResetCandidate,
  getUsableToken,
  issueTokenStatements,
  useTokenStatements,
  type TokenTarget,
} from "../../db/queries/account-tokens.queries";
import { listLoginFailures, recordLoginFailures, startSession } from "../../db/queries/auth.queries";
import { enqueueMail, getMailByUnsubscribeToken, setChannels } from "../../db/queries/outbox.queries";
import { getProfile } from "../../db/queries/users.queries";
import {
  RESET_PER_ACCOUNT_HOUR,
  RESET_PER_ADDRESS_HOUR,
  RESET_TTL_MS,
  TOKEN_GUESS_RULE,
  tokenLookupValue,
} from "../../domain/account-tokens";
import { NOTIFICATION_KINDS, type NotificationKind } from "../../domain/notifications";
import { DIGEST_KINDS } from "../../domain/outbox";
import { loginKeys } from "../../domain/throttle";
import type { AppEnv } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { hashPassword } from "../../lib/password";
import { ApiError, notFound } from "../../lib/problem";
import { requireAcceptablePassword } from "../../lib/password-rule";
import { readSessionToken, writeSessionCookie } from "../../lib/session-cookie";
import { randomToken, sha256Hex } from "../../lib/tokens";
import { publicOriginOf } from "../../outbound/mail-config";
import { toMe } from "../auth/auth.handlers";
import type * as routes from "./account.routes";

const HOUR = 60 * 60 * 1000;
const clientAddress = (c: Context<AppEnv>) => c.req.header("cf-connecting-ip") ?? "local";

const throttled = (seconds: number) =>
  new ApiError(429, "auth.throttled", "Too many attempts; wait and try again", {
    headers: { "retry-after": String(Math.max(1, Math.ceil(seconds))) },
  });

const invalidToken = () =>
  new ApiError(404, "account_token.invalid", "This link or code is not valid: it was used, replaced or has expired");

/**
 * The usable token a request names, after the per-address guess limit; a wrong one counts against
 * the address. @throws 429 when the address guessed too often, 404 for an unusable token
 */
async function requireToken(c: Context<AppEnv>, token: string): Promise<TokenTarget> {
  const db = c.var.db;
  const now = Date.now();
  const key = `token-ip:${clientAddress(c)}`;
  const { guesses } = await listLoginFailures(db, { guesses: key }, now - TOKEN_GUESS_RULE.windowMs);
  if (guesses.length >= TOKEN_GUESS_RULE.limit) {
    const oldest = Math.min(...guesses);
    throw throttled((oldest + TOKEN_GUESS_RULE.windowMs - now) / 1000);
  }
  const target = await getUsableToken(db, await sha256Hex(tokenLookupValue(token)), now);
  if (!target) {
    await recordLoginFailures(db, [key], now);
    throw invalidToken();
  }
  return target;
}

export const checkToken: AppRouteHandler<typeof routes.checkToken> = async (c) => {
  const { token } = c.req.valid("json");
  const target = await requireToken(c, token);
  const profile = await getProfile(c.var.db, target.userId);
  if (!profile) throw invalidToken();
  return c.json({ purpose: target.purpose, name: target.name, agencyName: profile.agencyName }, 200);
};

/** Sets the password with the token and signs the person in on this browser. */
async function useToken(c: Context<AppEnv>, purpose: TokenTarget["purpose"], token: string, newPassword: string) {
  const db = c.var.db;
  const target = await requireToken(c, token);
  if (target.purpose !== purpose) throw invalidToken();
  requireAcceptablePassword(newPassword, target);
  const now = Date.now();
  const { used } = await runNamedBatch(
    db,
    useTokenStatements(db, {
      tokenId: target.id,
      userId: target.userId,
      passwordHash: await hashPassword(newPassword),
      now,
    }),
  );
  if (changesOf(used) !== 1) throw invalidToken();

  const session = randomToken();
  const absoluteSeconds = Number(c.env.SESSION_ABSOLUTE_SECONDS);
  const previous = readSessionToken(c);
  await startSession(db, {
    userId: target.userId,
    tokenHash: await sha256Hex(session),
    now,
    expiresAt: now + absoluteSeconds * 1000,
    userAgent: (c.req.header("user-agent") ?? "").slice(0, 200),
    pairKey: loginKeys(target.userId, target.nip, clientAddress(c)).pair,
    ...(previous ? { previousTokenHash: await sha256Hex(previous) } : {}),
  });
  writeSessionCookie(c, session, absoluteSeconds);
  const profile = await getProfile(db, target.userId);
  if (!profile) throw invalidToken();
  return { user: toMe(profile) };
}

export const activate: AppRouteHandler<typeof routes.activate> = async (c) => {
  const { token, newPassword } = c.req.valid("json");
  return c.json(await useToken(c, "activation", token, newPassword), 200);
};

export const resetPassword: AppRouteHandler<typeof routes.resetPassword> = async (c) => {
  const { token, newPassword } = c.req.valid("json");
  return c.json(await useToken(c, "reset", token, newPassword), 200);
};

export const forgotPassword: AppRouteHandler<typeof routes.forgotPassword> = async (c) => {
  const { identifier } = c.req.valid("json");
  const db = c.var.db;
  const now = Date.now();
  const key = `forgot-ip:${clientAddress(c)}`;
  const { requests } = await listLoginFailures(db, { requests: key }, now - HOUR);
  if (requests.length >= RESET_PER_ADDRESS_HOUR) throw throttled((Math.min(...requests) + HOUR - now) / 1000);

  const account = await getResetCandidate(db, identifier);
  const quiet = !account || (await countResetTokensSince(db, account.id, now - HOUR)) >= RESET_PER_ACCOUNT_HOUR;
  if (quiet) {
    await recordLoginFailures(db, [key], now);
  } else {
    const token = randomToken();
    const tokenHash = await sha256Hex(token);
    await runBatch(db, [
      recordLoginFailures(db, [key], now),
      ...issueTokenStatements(db, {
        agencyId: account.agencyId,
        userId: account.id,
        purpose: "reset",
        channel: "email",
        tokenHash,
        now,
        expiresAt: now + RESET_TTL_MS,
      }),
      enqueueMail(db, {
        agencyId: account.agencyId,
        userId: account.id,
        kind: "password_reset",
        payload: { url: `${publicOriginOf(c.env)}/atur-ulang-sandi?token=${token}` },
        dedupeKey: `reset:${tokenHash}`,
        now,
      }),
    ]);
  }
  return c.json({ accepted: true as const }, 202);
};

export const unsubscribe: AppRouteHandler<typeof routes.unsubscribe> = async (c) => {
  const { token } = c.req.valid("json");
  const db = c.var.db;
  const mail = /^[0-9a-f]{32}$/.test(token) ? await getMailByUnsubscribeToken(db, token) : undefined;
  if (!mail) throw new ApiError(404, "unsubscribe.invalid", "This unsubscribe link is not valid");
  const kinds: NotificationKind[] =
    mail.kind === "digest"
      ? [...DIGEST_KINDS]
      : (NOTIFICATION_KINDS as readonly string[]).includes(mail.kind)
        ? [mail.kind as NotificationKind]
        : [];
  if (kinds.length === 0) throw notFound("unsubscribe link");
  await setChannels(
    db,
    mail.userId,
    kinds.map((kind) => ({ kind, channel: "app" as const })),
  );
  return c.json({ kinds }, 200);
};
