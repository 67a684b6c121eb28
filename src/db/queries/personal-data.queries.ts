import { and, desc, eq, like, or } from "drizzle-orm";
import { as } from "../alias";
import type { Database } from "../client";
import { commentOwnColumns } from "./comments.queries";
import {
  auditLog,
  comments,
  ideaAuthors,
  ideas,
  notificationMutes,
  pointLedger,
  reviews,
  sessions,
  userBadges,
  users,
  votes,
} from "../schema";

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

/**
 * What a person did and earned on the platform, for their data export: the ideas they are on the team
 * of (their role), their votes, comments, reviews (their own scores and notes), point ledger, badges and
 * muted notification kinds. Only their own rows: a colleague's part of a shared idea is not theirs.
 */
export async function listActivityOf(db: Database, userId: number) {
  const [team, myVotes, myComments, myReviews, ledger, badges, mutes] = await db.batch([
    db
      .select({
        ideaId: ideas.id,
        title: ideas.title,
        status: ideas.status,
        role: ideaAuthors.role,
        invitedAt: ideaAuthors.invitedAt,
        acceptedAt: ideaAuthors.acceptedAt,
        createdAt: ideas.createdAt,
      })
      .from(ideaAuthors)
      .innerJoin(ideas, eq(ideas.id, ideaAuthors.ideaId))
      .where(eq(ideaAuthors.userId, userId))
      .orderBy(ideas.id),
    db
      .select({ ideaId: votes.ideaId, createdAt: votes.createdAt })
      .from(votes)
      .where(eq(votes.userId, userId))
      .orderBy(votes.id),
    db.select(commentOwnColumns).from(comments).where(eq(comments.authorId, userId)).orderBy(comments.id),
    db
      .select({
        id: reviews.id,
        ideaId: reviews.ideaId,
        scores: reviews.scores,
        score: reviews.score,
        note: reviews.note,
        recommendation: reviews.recommendation,
        state: reviews.state,
        submittedAt: reviews.submittedAt,
      })
      .from(reviews)
      .where(eq(reviews.reviewerId, userId))
      .orderBy(reviews.id),
    db
      .select({
        points: pointLedger.points,
        eventType: pointLedger.eventType,
        ruleKey: pointLedger.ruleKey,
        subjectType: pointLedger.subjectType,
        subjectId: pointLedger.subjectId,
        day: pointLedger.day,
        at: pointLedger.at,
      })
      .from(pointLedger)
      .where(eq(pointLedger.userId, userId))
      .orderBy(pointLedger.id),
    db
      .select({ badgeKey: userBadges.badgeKey, at: userBadges.at })
      .from(userBadges)
      .where(eq(userBadges.userId, userId))
      .orderBy(userBadges.at),
    db
      .select({ kind: notificationMutes.kind })
      .from(notificationMutes)
      .where(eq(notificationMutes.userId, userId))
      .orderBy(notificationMutes.kind),
  ]);
  return { team, votes: myVotes, comments: myComments, reviews: myReviews, ledger, badges, mutes };
}
