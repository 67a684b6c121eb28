import { and, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "../client";
import type { TimeZone } from "../../domain/time-zone";
import { agencies, agencyOidc, loginFailures, sessions, users } from "../schema";

/** An account can be used while it and its agency are both active. */
const usable = sql<boolean>`(${users.active} AND ${agencies.active})`.mapWith(Boolean);

/**
 * A password change is due when the account was given a temporary password — unless its agency
 * switched passwords off (docs/sign-in-oidc.md): a person who signs in only through the provider has
 * no password to change. The provider's row is read only for a flagged account.
 */
export const passwordChangeDue =
  sql<boolean>`(CASE WHEN ${users.mustChangePassword} THEN coalesce((SELECT ${agencyOidc.passwordSignIn} FROM ${agencyOidc} WHERE ${agencyOidc.agencyId} = ${users.agencyId}), 1) ELSE 0 END)`.mapWith(
    Boolean,
  );

export type LoginCandidate = {
  id: number;
  agencyId: number;
  unitId: number;
  roles: string;
  active: boolean;
  passwordHash: string;
  mustChangePassword: boolean;
};

/** The account a sign-in names, by NIP or e-mail; `active` is false when it or its agency is deactivated. */
export async function getLoginCandidate(db: Database, identifier: string): Promise<LoginCandidate | undefined> {
  const column = identifier.includes("@") ? users.email : users.nip;
  const [row] = await db
    .select({
      id: users.id,
      agencyId: users.agencyId,
      unitId: users.unitId,
      roles: users.roles,
      active: usable,
      passwordHash: users.passwordHash,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(column, identifier.toLowerCase()))
    .limit(1);
  return row;
}

/** The times of the failures on each key since `since` (through the (key, at) index). */
export async function listLoginFailures<K extends string>(
  db: Database,
  keys: Record<K, string>,
  since: number,
): Promise<Record<K, number[]>> {
  const rows = await db
    .select({ key: loginFailures.key, at: loginFailures.at })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, Object.values(keys)), gt(loginFailures.at, since)));
  const names = Object.keys(keys) as K[];
  return Object.fromEntries(
    names.map((name) => [name, rows.filter((r) => r.key === keys[name]).map((r) => r.at)]),
  ) as Record<K, number[]>;
}

export function recordLoginFailures(db: Database, keys: string[], at: number) {
  return db.insert(loginFailures).values(keys.map((key) => ({ key, at })));
}

/**
 * Signs a user in, in one batch: the previous session of this browser is revoked (rotation),
 * the new one stored by its token hash, the failures of this account from this address cleared
 * (those from elsewhere still count towards the account's ceiling).
 */
export async function startSession(
  db: Database,
  input: {
    userId: number;
    tokenHash: string;
    now: number;
    expiresAt: number;
    userAgent: string;
    pairKey: string;
    previousTokenHash?: string;
  },
) {
  const { userId, tokenHash, now, expiresAt, userAgent, pairKey, previousTokenHash } = input;
  await db.batch([
    db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.tokenHash, previousTokenHash ?? ""), isNull(sessions.revokedAt))),
    db.insert(sessions).values({ userId, tokenHash, createdAt: now, lastSeenAt: now, expiresAt, userAgent }),
    db.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId)),
    db.delete(loginFailures).where(eq(loginFailures.key, pairKey)),
  ]);
}

export type SessionActorRow = {
  sessionId: number;
  lastSeenAt: number;
  expiresAt: number;
  revokedAt: number | null;
  userId: number;
  agencyId: number;
  unitId: number;
  roles: string;
  /** the account and its agency are both active */
  active: boolean;
  mustChangePassword: boolean;
  timeZone: TimeZone;
};

/** The session a cookie names, with its user and the agency's clock: indexed reads by primary key. */
export async function getSessionActor(db: Database, tokenHash: string): Promise<SessionActorRow | undefined> {
  const [row] = await sessionActorQuery(db, tokenHash);
  return row;
}

/** {@link getSessionActor} as a statement, to travel in a batch with the request's first read. */
export function sessionActorQuery(db: Database, tokenHash: string) {
  return db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      userId: sessions.userId,
      agencyId: users.agencyId,
      unitId: users.unitId,
      roles: users.roles,
      active: usable,
      mustChangePassword: passwordChangeDue,
      timeZone: agencies.timeZone,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
}

export function touchSession(db: Database, sessionId: number, now: number) {
  return db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

export function revokeSession(db: Database, sessionId: number, now: number) {
  return db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/**
 * Sign out everywhere (also when a password changes or an account is deactivated).
 * @param exceptSessionId a session to keep (the one that changed the password)
 */
export function revokeUserSessions(db: Database, userId: number, now: number, exceptSessionId?: number) {
  return db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId === undefined ? undefined : ne(sessions.id, exceptSessionId),
      ),
    );
}
