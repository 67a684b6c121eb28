import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { as } from "../alias";
import type { Database } from "../client";
import type { TimeZone } from "../../domain/time-zone";
import { agencies, apiTokens, users } from "../schema";

export type ApiTokenActorRow = {
  tokenId: number;
  kind: "personal" | "service";
  scopes: string;
  expiresAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
  agencyId: number;
  /** the person of a personal token (null for a service token or a vanished person) */
  userId: number | null;
  unitId: number | null;
  roles: string | null;
  mustChangePassword: boolean | null;
  /** the agency, and for a personal token its person too, are active */
  active: boolean;
  timeZone: TimeZone;
};

/**
 * The token a bearer secret's hash names, with its person (if any) and the agency's clock: one
 * indexed read, so a role change or a deactivation counts at the very next request.
 */
export async function getApiTokenActor(db: Database, tokenHash: string): Promise<ApiTokenActorRow | undefined> {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      kind: apiTokens.kind,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      agencyId: apiTokens.agencyId,
      userId: as(users.id, "person_id"),
      unitId: users.unitId,
      roles: users.roles,
      mustChangePassword: users.mustChangePassword,
      active:
        sql<boolean>`(${agencies.active} AND (${apiTokens.kind} = 'service' OR coalesce(${users.active}, 0)))`.mapWith(
          Boolean,
        ),
      timeZone: agencies.timeZone,
    })
    .from(apiTokens)
    .innerJoin(agencies, eq(agencies.id, apiTokens.agencyId))
    .leftJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** Records a use (the caller writes at most once every few minutes per token). */
export function touchApiToken(db: Database, tokenId: number, now: number) {
  return db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
}

export type ApiTokenRow = {
  id: number;
  name: string;
  prefix: string;
  scopes: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
  createdByName: string;
};

const listed = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  createdByName: as(users.name, "created_by_name"),
};

/** A person's personal tokens that are neither revoked nor expired, newest first. */
export function listPersonalTokens(db: Database, userId: number, now: number): Promise<ApiTokenRow[]> {
  return db
    .select(listed)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** The agency's service tokens that are neither revoked nor expired, newest first. */
export function listServiceTokens(db: Database, agencyId: number, now: number): Promise<ApiTokenRow[]> {
  return db
    .select(listed)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(
      and(
        eq(apiTokens.agencyId, agencyId),
        eq(apiTokens.kind, "service"),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, now),
      ),
    )
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

export type NewApiToken = {
  agencyId: number;
  kind: "personal" | "service";
  userId: number | null;
  name: string;
  tokenHash: string;
  prefix: string;
  scopes: string[];
  createdBy: number;
  createdAt: number;
  expiresAt: number;
};

export function insertApiToken(db: Database, token: NewApiToken) {
  return db.insert(apiTokens).values({ ...token, scopes: JSON.stringify(token.scopes) });
}

/** The token of a hash just inserted, as a list shows it. */
export async function getApiTokenByHash(db: Database, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .select(listed)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** A live token by id, for revoking: only the person's own personal token, or the agency's service token. */
export async function getRevocableToken(
  db: Database,
  owner: { kind: "personal"; userId: number } | { kind: "service"; agencyId: number },
  id: number,
): Promise<{ id: number; name: string; prefix: string } | undefined> {
  const whose =
    owner.kind === "personal"
      ? and(eq(apiTokens.kind, "personal"), eq(apiTokens.userId, owner.userId))
      : and(eq(apiTokens.kind, "service"), eq(apiTokens.agencyId, owner.agencyId));
  const [row] = await db
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), whose, isNull(apiTokens.revokedAt)))
    .limit(1);
  return row;
}

/** Revokes a token once (guarded: a second revocation changes nothing). */
export function revokeApiToken(db: Database, id: number, by: number, now: number) {
  return db
    .update(apiTokens)
    .set({ revokedAt: now, revokedBy: by })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
}

/** Live tokens of a person (personal) or of an agency (service), for the ceiling on how many. */
export async function countLiveTokens(
  db: Database,
  owner: { kind: "personal"; userId: number } | { kind: "service"; agencyId: number },
  now: number,
): Promise<number> {
  const whose =
    owner.kind === "personal"
      ? eq(apiTokens.userId, owner.userId)
      : and(eq(apiTokens.agencyId, owner.agencyId), eq(apiTokens.kind, "service"));
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(apiTokens)
    .where(and(whose, isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)));
  return row?.n ?? 0;
}
