/**
 * One-time account tokens (activation links and codes, password-reset links), stored by their
 * SHA-256 only, and the activation overview of an agency. "Activated" means the person has signed
 * in at least once (`users.last_login_at`): activating signs them in.
 */
import { and, asc, count, eq, isNull, max, sql, type SQL } from "drizzle-orm";
import type { Database, Statement } from "../client";
import { accountTokens, agencies, sessions, units, users } from "../schema";

type Purpose = "activation" | "reset";
type Channel = "email" | "sheet";

/**
 * A new token for a person; their earlier unused one of the same purpose and channel stops working
 * (a reprinted sheet voids the old slip, a new e-mail the old link; an e-mail and a slip both work).
 */
export function issueTokenStatements(
  db: Database,
  t: {
    agencyId: number;
    userId: number;
    purpose: Purpose;
    channel: Channel;
    tokenHash: string;
    now: number;
    expiresAt: number;
  },
): Statement[] {
  return [
    db
      .update(accountTokens)
      .set({ revokedAt: t.now })
      .where(
        and(
          eq(accountTokens.userId, t.userId),
          eq(accountTokens.purpose, t.purpose),
          eq(accountTokens.channel, t.channel),
          isNull(accountTokens.usedAt),
          isNull(accountTokens.revokedAt),
        ),
      ),
    db.insert(accountTokens).values({
      agencyId: t.agencyId,
      userId: t.userId,
      purpose: t.purpose,
      channel: t.channel,
      tokenHash: t.tokenHash,
      createdAt: t.now,
      expiresAt: t.expiresAt,
    }),
  ];
}

export type TokenTarget = {
  id: number;
  purpose: Purpose;
  usable: boolean;
  userId: number;
  agencyId: number;
  name: string;
  nip: string;
  email: string;
  activated: boolean;
};

/** The token a link or code names, if it can still be used, with its person (any agency: the token is the key). */
export async function getUsableToken(db: Database, tokenHash: string, now: number): Promise<TokenTarget | undefined> {
  const [row] = await db
    .select({
      id: accountTokens.id,
      purpose: accountTokens.purpose,
      usable:
        sql<boolean>`(${accountTokens.usedAt} IS NULL AND ${accountTokens.revokedAt} IS NULL AND ${accountTokens.expiresAt} > ${now} AND ${users.active} AND ${agencies.active})`.mapWith(
          Boolean,
        ),
      userId: accountTokens.userId,
      agencyId: users.agencyId,
      name: users.name,
      nip: users.nip,
      email: users.email,
      activated: sql<boolean>`(${users.lastLoginAt} IS NOT NULL)`.mapWith(Boolean),
    })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(accountTokens.tokenHash, tokenHash))
    .limit(1);
  return row?.usable ? row : undefined;
}

/**
 * Uses a token to set a person's password, in one batch: the token is marked used only if it is
 * still usable (two tabs racing: one wins), and only then is the password set, every other token
 * of the person voided and every session ended.
 * @returns the batch for `runNamedBatch`; `used`'s `changes` is 1 when this use won
 */
export function useTokenStatements(
  db: Database,
  input: { tokenId: number; userId: number; passwordHash: string; now: number },
) {
  const { tokenId, userId, passwordHash, now } = input;
  const won: SQL = sql`EXISTS (SELECT 1 FROM ${accountTokens} WHERE ${accountTokens.id} = ${tokenId} AND ${accountTokens.usedAt} = ${now})`;
  return {
    used: db
      .update(accountTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(accountTokens.id, tokenId),
          isNull(accountTokens.usedAt),
          isNull(accountTokens.revokedAt),
          sql`${accountTokens.expiresAt} > ${now}`,
        ),
      ),
    password: db
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: now })
      .where(and(eq(users.id, userId), won)),
    otherTokens: db
      .update(accountTokens)
      .set({ revokedAt: now })
      .where(and(eq(accountTokens.userId, userId), isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt), won)),
    sessions: db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), won)),
  };
}

/** Reset links sent to a person since `since` (the per-account throttle of forgotten passwords). */
export async function countResetTokensSince(db: Database, userId: number, since: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.userId, userId),
        eq(accountTokens.purpose, "reset"),
        sql`${accountTokens.createdAt} > ${since}`,
      ),
    );
  return row?.n ?? 0;
}

/** The account a forgotten-password request names (NIP or e-mail), if it can sign in. */
export async function getResetCandidate(db: Database, identifier: string) {
  const column = identifier.includes("@") ? users.email : users.nip;
  const [row] = await db
    .select({ id: users.id, agencyId: users.agencyId, timeZone: agencies.timeZone })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(column, identifier.trim().toLowerCase()), eq(users.active, true), eq(agencies.active, true)))
    .limit(1);
  return row;
}

/** Per unit of the agency: active accounts and how many of them have activated. */
export async function listActivationByUnit(db: Database, agencyId: number) {
  return db
    .select({
      unitId: units.id,
      code: units.code,
      name: units.name,
      people: count(users.id),
      activated: sql<number>`coalesce(sum(${users.lastLoginAt} IS NOT NULL), 0)`.mapWith(Number),
    })
    .from(units)
    .leftJoin(users, and(eq(users.unitId, units.id), eq(users.active, true)))
    .where(eq(units.agencyId, agencyId))
    .groupBy(units.id)
    .orderBy(asc(units.name));
}

/** The active people of one unit with their activation state and the last link or slip issued to them. */
export async function listUnitActivation(db: Database, agencyId: number, unitId: number) {
  return db
    .select({
      id: users.id,
      name: users.name,
      nip: users.nip,
      email: users.email,
      activatedAt: users.lastLoginAt,
      lastIssuedAt: max(accountTokens.createdAt),
    })
    .from(users)
    .leftJoin(accountTokens, and(eq(accountTokens.userId, users.id), eq(accountTokens.purpose, "activation")))
    .where(and(eq(users.agencyId, agencyId), eq(users.unitId, unitId), eq(users.active, true)))
    .groupBy(users.id)
    .orderBy(asc(users.name));
}

/** Active people of the agency (or of one unit) who have not activated yet. */
export async function listNotActivated(db: Database, agencyId: number, unitId?: number) {
  return db
    .select({ id: users.id, name: users.name, nip: users.nip, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.agencyId, agencyId),
        eq(users.active, true),
        isNull(users.lastLoginAt),
        unitId === undefined ? undefined : eq(users.unitId, unitId),
      ),
    )
    .orderBy(asc(users.name));
}
