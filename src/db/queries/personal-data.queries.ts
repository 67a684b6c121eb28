import { and, desc, eq, like, or } from "drizzle-orm";
import { as } from "../alias";
import type { Database } from "../client";
import { auditLog, sessions, users } from "../schema";

/** A person's sessions, newest first, without their token hashes. */
export async function listSessionsOf(db: Database, userId: number) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.createdAt), desc(sessions.id));
}

/**
 * Audit rows about a person's account: those naming it as subject, and the import batches
 * whose detail lists its NIP (the caller keeps only the person's own part of those).
 */
export async function listAuditAbout(db: Database, person: { userId: number; agencyId: number; nip: string }) {
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
        eq(auditLog.agencyId, person.agencyId),
        eq(auditLog.subjectType, "user"),
        or(
          eq(auditLog.subjectId, person.userId),
          and(eq(auditLog.action, "user.import"), like(auditLog.detail, `%"${person.nip}"%`)),
        ),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id));
}
