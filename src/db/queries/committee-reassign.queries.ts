/**
 * Changing a committee while review runs: the open assignments of members who leave move to
 * other reviewers, and the people concerned are told, in the committee change's own batch.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { as } from "../alias";
import type { Database, Statement } from "../client";
import { campaignMembers, ideas, reviewAssignments, reviews, units, users } from "../schema";
import { IGNORE_DUPLICATE_NOTIFICATIONS, INSERT_NOTIFICATION, notMuted } from "./notification-insert";

// a reviewer's other assignments, and the assignment and idea a notice is about
const [a, b, i] = [alias(reviewAssignments, "a"), alias(reviewAssignments, "b"), alias(ideas, "i")];

/** Idea statuses whose authors cannot sit in judgement of the campaign (drafts and withdrawn ideas do not count). */
const LIVE = ["submitted", "in_review", "shortlisted", "approved", "rejected", "implemented"] as const;

/** The campaign's live ideas with their unit: for conflicts of interest. */
export function listLiveIdeaUnits(db: Database, campaignId: number) {
  return db
    .select({ id: ideas.id, title: ideas.title, unitId: ideas.unitId })
    .from(ideas)
    .where(and(eq(ideas.campaignId, campaignId), inArray(ideas.status, [...LIVE])));
}

export const LIVE_STATUSES: readonly string[] = LIVE;

/** Every reviewer on each idea of the campaign (all assignments, submitted or not). */
export function listIdeaReviewers(db: Database, campaignId: number) {
  return db
    .select({ ideaId: reviewAssignments.ideaId, reviewerId: reviewAssignments.reviewerId })
    .from(reviewAssignments)
    .where(eq(reviewAssignments.campaignId, campaignId));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Active people of the agency an admin may seat: name contains `q`, or the NIP starts with it;
 * members of the committee already seated come too (the editor marks them).
 */
export function searchCommitteeCandidates(db: Database, agencyId: number, q: string, limit: number) {
  return db
    .select({
      id: users.id,
      name: users.name,
      nip: users.nip,
      position: users.position,
      roles: users.roles,
      unitId: users.unitId,
      unitName: as(units.name, "unit_name"),
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(users.agencyId, agencyId),
        eq(users.active, true),
        sql`(${users.name} like ${`%${escapeLike(q)}%`} escape '\\' OR ${users.nip} like ${`${escapeLike(q)}%`} escape '\\')`,
      ),
    )
    .orderBy(sql`${users.name} COLLATE NOCASE`, users.id)
    .limit(limit);
}

export type ReassignMove = { assignmentId: number; ideaId: number; reviewerId: number; toReviewerId: number };

/**
 * One open assignment moves to another reviewer: the leaving reviewer's draft goes (it is their
 * private work), the assignment changes hands unless it was submitted meanwhile or the new
 * reviewer got the idea meanwhile, and the new reviewer is told (only if the move happened).
 * `moved`'s changes say whether the assignment changed hands.
 */
export function reassignStatements(
  db: Database,
  move: ReassignMove,
  ctx: { agencyId: number; campaignId: number; actorId: number; now: number },
) {
  const { assignmentId, ideaId, reviewerId, toReviewerId } = move;
  return {
    draft: db
      .delete(reviews)
      .where(
        and(eq(reviews.assignmentId, assignmentId), eq(reviews.reviewerId, reviewerId), eq(reviews.state, "draft")),
      ),
    moved: db
      .update(reviewAssignments)
      .set({ reviewerId: toReviewerId, assignedBy: ctx.actorId, remindedAt: null })
      .where(
        and(
          eq(reviewAssignments.id, assignmentId),
          eq(reviewAssignments.reviewerId, reviewerId),
          sql`NOT EXISTS (SELECT 1 FROM ${reviews} WHERE ${reviews.assignmentId} = ${assignmentId})`,
          sql`NOT EXISTS (SELECT 1 FROM ${reviewAssignments} ${b} WHERE ${b.ideaId} = ${ideaId} AND ${b.reviewerId} = ${toReviewerId})`,
        ),
      ),
    told: db.run(sql`${INSERT_NOTIFICATION}
      SELECT ${a.agencyId}, ${a.reviewerId}, 'review_assigned',
        json_object('ideaId', ${i.id}, 'title', ${i.title}, 'assignmentId', ${a.id}, 'campaignId', ${a.campaignId}, 'dueAt', ${a.dueAt}, 'reassigned', json('true')),
        'reassigned:' || ${a.id} || ':' || ${a.reviewerId} || ':' || ${ctx.now}, ${ctx.now}
      FROM ${reviewAssignments} ${a} JOIN ${ideas} ${i} ON ${i.id} = ${a.ideaId}
      WHERE ${a.id} = ${assignmentId} AND ${a.reviewerId} = ${toReviewerId}
        AND ${notMuted(a.reviewerId, "review_assigned")}
      ${IGNORE_DUPLICATE_NOTIFICATIONS}`),
  };
}

/**
 * Tells each member who left the committee (only those who really left: a member kept by a
 * concurrent assignment hears nothing), with how many of their open assignments moved.
 * Put it after the committee's delete in the same batch.
 */
export function notifyRemovedStatements(
  db: Database,
  removed: readonly { userId: number; moved: number }[],
  ctx: { agencyId: number; campaignId: number; title: string; now: number },
): Statement[] {
  return removed.map(
    ({ userId, moved }) =>
      db.run(sql`${INSERT_NOTIFICATION}
      SELECT ${ctx.agencyId}, ${userId}, 'committee_removed',
        json_object('campaignId', ${ctx.campaignId}, 'title', ${ctx.title}, 'moved', ${moved}),
        'committee_removed:' || ${ctx.campaignId} || ':' || ${userId} || ':' || ${ctx.now}, ${ctx.now}
      WHERE NOT EXISTS (SELECT 1 FROM ${campaignMembers} WHERE ${campaignMembers.campaignId} = ${ctx.campaignId} AND ${campaignMembers.userId} = ${userId})
        AND ${notMuted(sql`${userId}`, "committee_removed")}
      ${IGNORE_DUPLICATE_NOTIFICATIONS}`) as Statement,
  );
}
