import { and, desc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { AUTO_ID, as } from "../alias";
import type { Database } from "../client";
import { rowOf } from "../raw";
import { auditLog, users } from "../schema";
import type { AuditAction, AuditSubject } from "../../domain/audit-actions";

export type AuditEntry = {
  agencyId: number | SQL;
  actorId: number;
  /** `<subject>.<verb>`, e.g. `user.create`: one of the catalogue, which says it in words */
  action: AuditAction;
  subjectType: AuditSubject;
  subjectId: number | SQL | null;
  /** what changed; never a password or a token */
  detail: Record<string, unknown>;
  at: number;
};

/** An audit row, to go in the same batch as the change it records. */
export function recordAudit(db: Database, entry: AuditEntry) {
  return db.insert(auditLog).values({ ...entry, detail: JSON.stringify(entry.detail) });
}

/**
 * An audit row written only if the statement just before it in the batch changed a row: the
 * record of a guarded write (one whose `WHERE` re-checks a rule) that may turn out a no-op.
 */
export function recordAuditIfChanged(db: Database, entry: AuditEntry) {
  return recordAuditIf(db, entry, sql`changes() > 0`);
}

/** An audit row written only if `guard` holds when the batch reaches it (e.g. the award was announced). */
export function recordAuditIf(db: Database, entry: AuditEntry, guard: SQL) {
  const { agencyId, actorId, action, subjectType, subjectId, detail, at } = entry;
  const row = rowOf(auditLog, {
    id: AUTO_ID,
    agencyId,
    actorId,
    action,
    subjectType,
    subjectId,
    detail: JSON.stringify(detail),
    at,
  });
  return db.insert(auditLog).select(sql`select ${row} where ${guard}`);
}

export type AuditFilter = {
  agencyId: number;
  action?: string | undefined;
  subject?: { type: string; id?: number | undefined } | undefined;
  actorId?: number | undefined;
  /** epoch ms, inclusive */
  fromAt?: number | undefined;
  /** epoch ms, exclusive */
  toAt?: number | undefined;
};

/**
 * The agency's audit log, newest first, with the actor's name.
 * @param after the (at, id) of the last row of the previous page
 */
export async function listAuditLog(
  db: Database,
  filter: AuditFilter & { limit: number; after?: readonly [number, number] },
) {
  const { agencyId, limit, after, action, subject, actorId, fromAt, toAt } = filter;
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      detail: auditLog.detail,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: as(users.name, "actor_name"),
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.agencyId, agencyId),
        action ? eq(auditLog.action, action) : undefined,
        subject ? eq(auditLog.subjectType, subject.type) : undefined,
        subject?.id !== undefined ? eq(auditLog.subjectId, subject.id) : undefined,
        actorId !== undefined ? eq(auditLog.actorId, actorId) : undefined,
        fromAt !== undefined ? gte(auditLog.at, fromAt) : undefined,
        toAt !== undefined ? lt(auditLog.at, toAt) : undefined,
        after ? or(lt(auditLog.at, after[0]), and(eq(auditLog.at, after[0]), lt(auditLog.id, after[1]))) : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1);
}
