import { and, asc, eq, gt, inArray, or, sql, type AnyColumn, type SQL, type SQLWrapper } from "drizzle-orm";
import { chunk } from "../../lib/chunk";
import { as } from "../alias";
import type { Database } from "../client";
import { agencies, units, users } from "../schema";
import { passwordChangeDue, revokeUserSessions } from "./auth.queries";
import { recordAudit } from "./audit.queries";
import type { Role } from "../../domain/roles";

/**
 * The stored roles (`asn,admin`, see `serializeRoles`) include `role`, as SQL.
 * @param roles the roles column or an alias's (`sql.raw("u.roles")`)
 */
export const hasRole = (roles: SQLWrapper, role: Role) => sql`(',' || ${roles} || ',') like ${`%,${role},%`}`;

/** A person with their unit and agency: what `me` and the profile show. */
export async function getProfile(db: Database, userId: number) {
  const [row] = await db
    .select({
      id: users.id,
      nip: users.nip,
      name: users.name,
      email: users.email,
      position: users.position,
      roles: users.roles,
      active: users.active,
      mustChangePassword: passwordChangeDue,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
      lastLoginAt: users.lastLoginAt,
      unitId: as(units.id, "unit_id"),
      unitCode: units.code,
      unitName: as(units.name, "unit_name"),
      agencyId: as(agencies.id, "agency_id"),
      agencySlug: agencies.slug,
      agencyName: as(agencies.name, "agency_name"),
      agencyTimeZone: agencies.timeZone,
      agencyEmblemKey: agencies.emblemKey,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

export async function getPasswordHash(db: Database, userId: number) {
  const [row] = await db
    .select({ passwordHash: users.passwordHash, nip: users.nip, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

export function setPassword(db: Database, userId: number, passwordHash: string, now: number) {
  return db.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: now }).where(eq(users.id, userId));
}

/** Columns of an account as the admin pages and the directory read it (the caller filters by policy). */
const accountColumns = {
  id: users.id,
  agencyId: users.agencyId,
  nip: users.nip,
  name: users.name,
  email: users.email,
  position: users.position,
  roles: users.roles,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  unitId: users.unitId,
  unitCode: units.code,
  unitName: as(units.name, "unit_name"),
};

export type AccountRow = NonNullable<Awaited<ReturnType<typeof getAccount>>>;

/** An account of the agency, or undefined (also for another agency's id). */
export async function getAccount(db: Database, agencyId: number, id: number) {
  const [row] = await db
    .select(accountColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.agencyId, agencyId), eq(users.id, id)));
  return row;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const likeEscaped = (column: AnyColumn, pattern: string) => sql`${column} like ${pattern} escape '\\'`;

export type AccountFilter = {
  agencyId: number;
  limit: number;
  after?: readonly [string, number];
  /** matches the name anywhere; with `searchPrivate`, also a NIP or e-mail prefix */
  q?: string;
  searchPrivate: boolean;
  unitId?: number;
  role?: Role;
  active?: boolean;
};

/** Accounts of an agency by name, a page (`limit + 1` rows) at a time. */
export async function listAccounts(db: Database, filter: AccountFilter) {
  const { agencyId, limit, after, q, searchPrivate, unitId, role, active } = filter;
  let search: SQL | undefined;
  if (q) {
    const anywhere = `%${escapeLike(q)}%`;
    const prefix = `${escapeLike(q.toLowerCase())}%`;
    search = searchPrivate
      ? or(likeEscaped(users.name, anywhere), likeEscaped(users.nip, prefix), likeEscaped(users.email, prefix))
      : likeEscaped(users.name, anywhere);
  }
  return db
    .select(accountColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(users.agencyId, agencyId),
        search,
        unitId !== undefined ? eq(users.unitId, unitId) : undefined,
        role ? hasRole(users.roles, role) : undefined,
        active !== undefined ? eq(users.active, active) : undefined,
        after ? or(gt(users.name, after[0]), and(eq(users.name, after[0]), gt(users.id, after[1]))) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit + 1);
}

/** Which of a NIP and an e-mail already belong to an account other than `exceptId` (any agency). */
export async function getIdentityConflicts(
  db: Database,
  identity: { nip?: string; email?: string; exceptId?: number },
) {
  const { nip, email, exceptId } = identity;
  if (nip === undefined && email === undefined) return { nipTaken: false, emailTaken: false };
  const rows = await db
    .select({ id: users.id, nip: users.nip, email: users.email })
    .from(users)
    .where(or(nip ? eq(users.nip, nip) : undefined, email ? eq(users.email, email) : undefined));
  const others = rows.filter((r) => r.id !== exceptId);
  return {
    nipTaken: nip !== undefined && others.some((r) => r.nip === nip),
    emailTaken: email !== undefined && others.some((r) => r.email === email),
  };
}

/** D1 allows 100 bound parameters per statement; `IN (…)` lists are read in slices. */
const IN_LIST_MAX = 90;

/** Accounts (any agency) holding these NIPs. */
export async function listAccountsByNip(db: Database, nips: readonly string[]) {
  const out = [];
  for (const part of chunk(nips, IN_LIST_MAX)) {
    out.push(
      ...(await db
        .select({
          id: users.id,
          agencyId: users.agencyId,
          nip: users.nip,
          name: users.name,
          email: users.email,
          unitId: users.unitId,
          position: users.position,
          roles: users.roles,
          active: users.active,
        })
        .from(users)
        .where(inArray(users.nip, part))),
    );
  }
  return out;
}

/** NIP of the account (any agency) holding each of these e-mails. */
export async function listEmailOwners(db: Database, emails: readonly string[]) {
  const out: { email: string; nip: string }[] = [];
  for (const part of chunk(emails, IN_LIST_MAX)) {
    out.push(
      ...(await db.select({ email: users.email, nip: users.nip }).from(users).where(inArray(users.email, part))),
    );
  }
  return out;
}

type AccountWrite = { agencyId: number; actorId: number; now: number };

/** A new account with a temporary password, and its audit row. @returns the new id */
export async function createAccount(
  db: Database,
  input: AccountWrite & {
    account: { nip: string; name: string; email: string; position: string; unitId: number; roles: string };
    passwordHash: string;
  },
) {
  const { agencyId, actorId, now, account, passwordHash } = input;
  const [rows] = await db.batch([
    db
      .insert(users)
      .values({ ...account, agencyId, passwordHash, mustChangePassword: true, createdAt: now, updatedAt: now })
      .returning({ id: users.id }),
    recordAudit(db, {
      agencyId,
      actorId,
      action: "user.create",
      subjectType: "user",
      subjectId: sql`(select ${users.id} from ${users} where ${users.nip} = ${account.nip})`,
      detail: account,
      at: now,
    }),
  ]);
  return rows[0]!.id;
}

/**
 * Edits an account with its audit row; deactivating it also ends its sessions, in the same batch.
 */
export async function updateAccount(
  db: Database,
  input: AccountWrite & {
    id: number;
    set: Partial<{ name: string; email: string; position: string; unitId: number; roles: string; active: boolean }>;
    changes: Record<string, { from: unknown; to: unknown }>;
  },
) {
  const { agencyId, actorId, now, id, set, changes } = input;
  const deactivating = set.active === false;
  await db.batch([
    db
      .update(users)
      .set({ ...set, updatedAt: now })
      .where(and(eq(users.id, id), eq(users.agencyId, agencyId))),
    ...(deactivating ? [revokeUserSessions(db, id, now)] : []),
    recordAudit(db, {
      agencyId,
      actorId,
      action: deactivating ? "user.deactivate" : "user.update",
      subjectType: "user",
      subjectId: id,
      detail: { changes },
      at: now,
    }),
  ]);
}

/** A new temporary password that must be changed at the next sign-in; every session ends. */
export async function resetAccountPassword(db: Database, input: AccountWrite & { id: number; passwordHash: string }) {
  const { agencyId, actorId, now, id, passwordHash } = input;
  await db.batch([
    db
      .update(users)
      .set({ passwordHash, mustChangePassword: true, updatedAt: now })
      .where(and(eq(users.id, id), eq(users.agencyId, agencyId))),
    revokeUserSessions(db, id, now),
    recordAudit(db, {
      agencyId,
      actorId,
      action: "user.reset_password",
      subjectType: "user",
      subjectId: id,
      detail: { mustChangePassword: true, sessionsRevoked: true },
      at: now,
    }),
  ]);
}
