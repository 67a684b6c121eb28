import { sql } from "drizzle-orm";
import type { AccountFields } from "../../domain/user-import";
import { chunk } from "../../lib/chunk";
import type { Database } from "../client";
import { excluded } from "../raw";
import { users } from "../schema";
import { recordAudit } from "./audit.queries";

/** D1 refuses a statement with more than 100 bound parameters. */
export const D1_MAX_PARAMS = 100;
/**
 * Bound parameters one account row costs in {@link upsertAccounts}: nip, name, email, position,
 * roles, password hash. Integers known to be integers are written inline (a test counts them).
 */
export const PARAMS_PER_ACCOUNT = 6;
export const ACCOUNTS_PER_STATEMENT = Math.floor(D1_MAX_PARAMS / PARAMS_PER_ACCOUNT);
/** Rows per transaction: large enough to be quick, small enough not to hold the writer long. */
export const ACCOUNTS_PER_BATCH = 250;

/** An integer written into the SQL text instead of bound, to stay under the parameter limit. */
function inline(n: number) {
  if (!Number.isSafeInteger(n)) throw new TypeError(`not an integer: ${n}`);
  return sql.raw(String(n));
}

export type ImportRowWrite = AccountFields & { nip: string };

/**
 * Upsert by NIP. New accounts start with `passwordHash` (the hash of a secret nobody keeps, so
 * they cannot sign in until an admin issues a temporary password) and must change it. An existing
 * account keeps its password, sessions and `active`; only an account of the same agency is updated.
 */
export function upsertAccounts(
  db: Database,
  agencyId: number,
  rows: ImportRowWrite[],
  passwordHash: string,
  now: number,
) {
  return db
    .insert(users)
    .values(
      rows.map((r) => ({
        ...r,
        agencyId: inline(agencyId),
        unitId: inline(r.unitId),
        passwordHash,
        active: sql`1`,
        mustChangePassword: sql`1`,
        createdAt: inline(now),
        updatedAt: inline(now),
      })),
    )
    .onConflictDoUpdate({
      target: users.nip,
      set: {
        name: excluded(users.name),
        email: excluded(users.email),
        unitId: excluded(users.unitId),
        position: excluded(users.position),
        roles: excluded(users.roles),
        updatedAt: excluded(users.updatedAt),
      },
      setWhere: sql`${users.agencyId} = ${excluded(users.agencyId)}`,
    });
}

/**
 * Writes one planned slice of an import as one transaction: its upserts and the audit row that
 * names what this slice created and changed.
 */
export async function importAccountsBatch(
  db: Database,
  input: {
    agencyId: number;
    actorId: number;
    now: number;
    passwordHash: string;
    rows: ImportRowWrite[];
    audit: {
      batch: number;
      of: number;
      created: string[];
      updated: { nip: string; changes: Record<string, unknown> }[];
    };
  },
) {
  const { agencyId, actorId, now, passwordHash, rows, audit } = input;
  const upserts = chunk(rows, ACCOUNTS_PER_STATEMENT).map((part) =>
    upsertAccounts(db, agencyId, part, passwordHash, now),
  );
  const [first, ...rest] = upserts;
  if (!first) return;
  await db.batch([
    first,
    ...rest,
    recordAudit(db, {
      agencyId,
      actorId,
      action: "user.import",
      subjectType: "user",
      subjectId: null,
      detail: audit,
      at: now,
    }),
  ]);
}
