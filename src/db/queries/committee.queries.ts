import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import { chunk } from "../../lib/chunk";
import { alias } from "drizzle-orm/sqlite-core";
import { as } from "../alias";
import type { Database } from "../client";
import { campaignMembers, campaigns, reviewAssignments, reviews, units, users } from "../schema";
import { getCommitteeSeat } from "./ideas.queries";
import { recordAudit } from "./audit.queries";

export type CommitteeSeat = { userId: number; role: "reviewer" | "chair" };

/** A campaign of the agency and a person's seat on its committee, in one round trip. */
export async function getCampaignWithSeat(db: Database, agencyId: number, campaignId: number, userId: number) {
  const [rows, seats] = await db.batch([
    db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.agencyId, agencyId))),
    getCommitteeSeat(db, campaignId, userId),
  ]);
  return { campaign: rows[0], seat: seats[0]?.role ?? null };
}

/**
 * A campaign's committee, chairs first, with each member's progress: assignments, submitted
 * reviews, and those past their due date without a submitted review.
 */
export function listCommittee(db: Database, campaignId: number, now: number) {
  const [r, a] = [alias(reviews, "r"), alias(reviewAssignments, "a")];
  const submitted = sql<number>`(SELECT count(*) FROM ${reviews} ${r} WHERE ${r.campaignId} = ${campaignId} AND ${r.reviewerId} = ${users.id} AND ${r.state} = 'submitted')`;
  return db
    .select({
      userId: users.id,
      name: users.name,
      position: users.position,
      active: users.active,
      unitId: users.unitId,
      unitName: as(units.name, "unit_name"),
      role: campaignMembers.role,
      assigned:
        sql<number>`(SELECT count(*) FROM ${reviewAssignments} ${a} WHERE ${a.campaignId} = ${campaignId} AND ${a.reviewerId} = ${users.id})`.as(
          "assigned",
        ),
      submitted: submitted.as("submitted"),
      overdue:
        sql<number>`(SELECT count(*) FROM ${reviewAssignments} ${a} WHERE ${a.campaignId} = ${campaignId} AND ${a.reviewerId} = ${users.id} AND ${a.dueAt} < ${now}
        AND NOT EXISTS (SELECT 1 FROM ${reviews} ${r} WHERE ${r.assignmentId} = ${a.id} AND ${r.state} = 'submitted'))`.as(
          "overdue",
        ),
    })
    .from(campaignMembers)
    .innerJoin(users, eq(users.id, campaignMembers.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(campaignMembers.campaignId, campaignId))
    .orderBy(sql`${campaignMembers.role} = 'chair' DESC`, sql`${users.name} COLLATE NOCASE`, asc(users.id));
}

/** Campaigns of blind review where the person sits as a reviewer (not a chair). */
export function listBlindSeatCampaignIds(db: Database, userId: number) {
  return db
    .select({ campaignId: campaignMembers.campaignId })
    .from(campaignMembers)
    .innerJoin(campaigns, eq(campaigns.id, campaignMembers.campaignId))
    .where(
      and(eq(campaignMembers.userId, userId), eq(campaignMembers.role, "reviewer"), eq(campaigns.blindReview, true)),
    );
}

/** The people an admin names for a committee: are they of the agency, active, reviewers? */
export function listCommitteeCandidates(db: Database, agencyId: number, userIds: readonly number[]) {
  return db
    .select({ id: users.id, roles: users.roles, active: users.active })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), inArray(users.id, [...userIds])));
}

/** An assignment whose review is not submitted yet (none, or a draft). */
const isOpen = sql`NOT EXISTS (SELECT 1 FROM ${reviews} WHERE ${reviews.assignmentId} = ${reviewAssignments.id} AND ${reviews.state} = 'submitted')`;

/**
 * The open (unsubmitted) assignments the given members carry in the campaign: they cannot leave
 * before these are reassigned. Submitted reviews stay theirs and keep counting.
 */
export function listOpenAssignmentsOf(db: Database, campaignId: number, userIds: readonly number[]) {
  return db
    .select({
      assignmentId: reviewAssignments.id,
      ideaId: reviewAssignments.ideaId,
      reviewerId: reviewAssignments.reviewerId,
    })
    .from(reviewAssignments)
    .where(
      and(eq(reviewAssignments.campaignId, campaignId), inArray(reviewAssignments.reviewerId, [...userIds]), isOpen),
    )
    .orderBy(asc(reviewAssignments.id));
}

/**
 * The committee becomes `seats` (at most 50): members left out are removed unless they carry an
 * open assignment (checked again here, so that a concurrent assignment wins), the others inserted or
 * re-seated, and the change audited. `removed`'s changes must equal `input.removed.length`.
 */
export function replaceCommitteeStatements(
  db: Database,
  input: {
    agencyId: number;
    campaignId: number;
    actorId: number;
    seats: readonly CommitteeSeat[];
    removed: readonly number[];
    now: number;
  },
) {
  const { agencyId, campaignId, actorId, seats, removed, now } = input;
  return {
    removed: db.delete(campaignMembers).where(
      and(
        eq(campaignMembers.campaignId, campaignId),
        notInArray(
          campaignMembers.userId,
          seats.map((s) => s.userId),
        ),
        notInArray(
          campaignMembers.userId,
          db
            .select({ id: reviewAssignments.reviewerId })
            .from(reviewAssignments)
            .where(and(eq(reviewAssignments.campaignId, campaignId), isOpen)),
        ),
      ),
    ),
    // four parameters a row: 20 rows a statement stay under D1's 100
    seated: chunk(seats, 20).map((part) =>
      db
        .insert(campaignMembers)
        .values(part.map((s) => ({ campaignId, userId: s.userId, role: s.role, createdAt: now })))
        .onConflictDoUpdate({
          target: [campaignMembers.campaignId, campaignMembers.userId],
          set: { role: sql`excluded.role` },
        }),
    ),
    audit: recordAudit(db, {
      agencyId,
      actorId,
      action: "committee.update",
      subjectType: "campaign",
      subjectId: campaignId,
      detail: { seats: seats.map((s) => `${s.userId}:${s.role}`), removed },
      at: now,
    }),
  };
}
