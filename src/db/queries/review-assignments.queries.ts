import { and, asc, eq, gt, inArray, isNotNull, or, sql } from "drizzle-orm";
import { UNDER_REVIEW } from "../../domain/review";
import { alias } from "drizzle-orm/sqlite-core";
import { AUTO_ID, as } from "../alias";
import type { Database, Statement } from "../client";
import { insertFields } from "../raw";
import {
  campaignMembers,
  campaigns,
  criteria,
  ideaAuthors,
  ideas,
  reviewAssignments,
  reviews,
  units,
  users,
} from "../schema";

const underReview = inArray(ideas.status, [...UNDER_REVIEW]);

/** Submitted ideas of a campaign: the candidates for review. */
export function listSubmittedIdeas(db: Database, campaignId: number) {
  return db
    .select({
      id: ideas.id,
      agencyId: ideas.agencyId,
      title: ideas.title,
      unitId: ideas.unitId,
      voteCount: ideas.voteCount,
      submittedAt: ideas.submittedAt,
      replicatesId: ideas.replicatesId,
      status: ideas.status,
    })
    .from(ideas)
    .where(and(eq(ideas.campaignId, campaignId), eq(ideas.status, "submitted")));
}

/**
 * The accepted team of every idea of the campaign in the given statuses, with each member's
 * unit: who may not review what.
 */
export function listTeams(db: Database, campaignId: number, statuses: readonly string[]) {
  return db
    .select({ ideaId: ideaAuthors.ideaId, userId: ideaAuthors.userId, unitId: users.unitId })
    .from(ideaAuthors)
    .innerJoin(ideas, eq(ideas.id, ideaAuthors.ideaId))
    .innerJoin(users, eq(users.id, ideaAuthors.userId))
    .where(
      and(
        eq(ideas.campaignId, campaignId),
        inArray(ideas.status, statuses as (typeof ideas.status._.data)[]),
        isNotNull(ideaAuthors.acceptedAt),
      ),
    );
}

/** The accepted team of one idea, with units. */
export function listTeamOf(db: Database, ideaId: number) {
  return db
    .select({ userId: ideaAuthors.userId, unitId: users.unitId })
    .from(ideaAuthors)
    .innerJoin(users, eq(users.id, ideaAuthors.userId))
    .where(and(eq(ideaAuthors.ideaId, ideaId), isNotNull(ideaAuthors.acceptedAt)));
}

/** Whether a campaign keeps reviewers away from their own unit's ideas. */
export function getConflictRules(db: Database, campaignId: number) {
  return db
    .select({ excludeSameUnitReviewers: campaigns.excludeSameUnitReviewers })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
}

/** The agency's unit tree as parent links. */
export function listUnitParents(db: Database, agencyId: number) {
  return db.select({ id: units.id, parentId: units.parentId }).from(units).where(eq(units.agencyId, agencyId));
}

/** Active committee members with their seat, unit and name. */
export function listReviewers(db: Database, campaignId: number) {
  return db
    .select({ id: users.id, unitId: users.unitId, name: users.name, role: campaignMembers.role })
    .from(campaignMembers)
    .innerJoin(users, eq(users.id, campaignMembers.userId))
    .where(and(eq(campaignMembers.campaignId, campaignId), eq(users.active, true)));
}

/** How many assignments each reviewer carries in the campaign. */
export function listLoads(db: Database, campaignId: number) {
  return db
    .select({ reviewerId: reviewAssignments.reviewerId, load: sql<number>`count(*)`.as("load") })
    .from(reviewAssignments)
    .where(eq(reviewAssignments.campaignId, campaignId))
    .groupBy(reviewAssignments.reviewerId);
}

/** The reviewers already assigned to an idea. */
export function listIdeaReviewerIds(db: Database, ideaId: number) {
  return db
    .select({ reviewerId: reviewAssignments.reviewerId })
    .from(reviewAssignments)
    .where(eq(reviewAssignments.ideaId, ideaId));
}

/**
 * The assignments of a review/start batch in one statement (a JSON list of `[ideaId, reviewerId]`
 * pairs, one bound parameter however many there are), each written only if its idea's
 * `start_review` of the same batch happened: the idea is `in_review` since `startedAt`.
 */
export function assignStartedStatement(
  db: Database,
  input: {
    agencyId: number;
    campaignId: number;
    pairs: readonly { ideaId: number; reviewerId: number }[];
    dueAt: number;
    assignedBy: number;
    startedAt: number;
  },
): Statement {
  const { agencyId, campaignId, pairs, dueAt, assignedBy, startedAt } = input;
  const json = JSON.stringify(pairs.map((p) => [p.ideaId, p.reviewerId]));
  return db
    .insert(reviewAssignments)
    .select(
      db
        .select(
          insertFields(reviewAssignments, {
            id: AUTO_ID,
            agencyId: sql`${agencyId}`,
            campaignId: sql`${campaignId}`,
            ideaId: ideas.id,
            reviewerId: sql`json_extract(j.value, '$[1]')`,
            dueAt: sql`${dueAt}`,
            assignedBy: sql`${assignedBy}`,
            createdAt: sql`${startedAt}`,
            remindedAt: sql`NULL`,
          }),
        )
        .from(sql`json_each(${json}) j`)
        .innerJoin(ideas, sql`${ideas.id} = json_extract(j.value, '$[0]')`)
        .where(and(eq(ideas.status, "in_review"), eq(ideas.updatedAt, startedAt))),
    )
    .onConflictDoNothing();
}

export type NewAssignment = {
  agencyId: number;
  campaignId: number;
  ideaId: number;
  reviewerId: number;
  dueAt: number;
  assignedBy: number;
  now: number;
};

/** An assignment made by hand, written only while its idea is under review and the reviewer has none on it yet. */
export function assignStatement(db: Database, a: NewAssignment): Statement {
  return db
    .insert(reviewAssignments)
    .select(
      db
        .select(
          insertFields(reviewAssignments, {
            id: AUTO_ID,
            agencyId: sql`${a.agencyId}`,
            campaignId: sql`${a.campaignId}`,
            ideaId: sql`${a.ideaId}`,
            reviewerId: sql`${a.reviewerId}`,
            dueAt: sql`${a.dueAt}`,
            assignedBy: sql`${a.assignedBy}`,
            createdAt: sql`${a.now}`,
            remindedAt: sql`NULL`,
          }),
        )
        .from(ideas)
        .where(and(eq(ideas.id, a.ideaId), underReview)),
    )
    .onConflictDoNothing();
}

/** An assignment with its idea, campaign and review (if one was started). */
export async function getAssignment(db: Database, agencyId: number, id: number) {
  const [row] = await db
    .select({
      id: reviewAssignments.id,
      agencyId: reviewAssignments.agencyId,
      campaignId: reviewAssignments.campaignId,
      ideaId: reviewAssignments.ideaId,
      reviewerId: reviewAssignments.reviewerId,
      reviewerName: users.name,
      dueAt: reviewAssignments.dueAt,
      createdAt: reviewAssignments.createdAt,
      ideaStatus: ideas.status,
      ideaTitle: ideas.title,
      blindReview: campaigns.blindReview,
      campaignTitle: as(campaigns.title, "campaign_title"),
      campaignKind: campaigns.kind,
      hideVotesUntilClosed: campaigns.hideVotesUntilClosed,
      votingEnd: campaigns.votingEnd,
      reviewId: as(reviews.id, "review_id"),
      scores: reviews.scores,
      score: reviews.score,
      note: reviews.note,
      recommendation: reviews.recommendation,
      state: reviews.state,
      submittedAt: as(reviews.submittedAt, "review_submitted_at"),
      reviewUpdatedAt: as(reviews.updatedAt, "review_updated_at"),
    })
    .from(reviewAssignments)
    .innerJoin(ideas, eq(ideas.id, reviewAssignments.ideaId))
    .innerJoin(campaigns, eq(campaigns.id, reviewAssignments.campaignId))
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(and(eq(reviewAssignments.id, id), eq(reviewAssignments.agencyId, agencyId)));
  return row;
}

export type AssignmentRow = NonNullable<Awaited<ReturnType<typeof getAssignment>>>;

/**
 * Removes an assignment and its draft; a submitted review keeps it (checked in the statement, so
 * a submission that lands first wins). `removed`'s changes say whether it went.
 */
export function unassignStatements(db: Database, id: number) {
  return {
    draft: db.delete(reviews).where(and(eq(reviews.assignmentId, id), eq(reviews.state, "draft"))),
    removed: db
      .delete(reviewAssignments)
      .where(
        and(
          eq(reviewAssignments.id, id),
          sql`NOT EXISTS (SELECT 1 FROM ${reviews} WHERE ${reviews.assignmentId} = ${id})`,
        ),
      ),
  };
}

export type QueueFilter = { reviewerId: number; state?: "open" | "submitted" | undefined };

/**
 * A reviewer's queue, soonest due first (keyset on due date, id), with the idea, the campaign,
 * the review's state and how many criteria the rubric has. Never the idea's authors.
 */
export function listMyAssignments(db: Database, f: QueueFilter, limit: number, after?: readonly [number, number]) {
  const c = alias(criteria, "c");
  const submitted = sql`${reviews.state} = 'submitted'`;
  return db
    .select({
      id: reviewAssignments.id,
      dueAt: reviewAssignments.dueAt,
      createdAt: reviewAssignments.createdAt,
      ideaId: reviewAssignments.ideaId,
      ideaTitle: ideas.title,
      ideaStatus: ideas.status,
      campaignId: reviewAssignments.campaignId,
      campaignTitle: as(campaigns.title, "campaign_title"),
      state: reviews.state,
      scores: reviews.scores,
      recommendation: reviews.recommendation,
      submittedAt: as(reviews.submittedAt, "review_submitted_at"),
      criteria:
        sql<number>`(SELECT count(*) FROM ${criteria} ${c} WHERE ${c.campaignId} = ${reviewAssignments.campaignId})`.as(
          "criteria_count",
        ),
    })
    .from(reviewAssignments)
    .innerJoin(ideas, eq(ideas.id, reviewAssignments.ideaId))
    .innerJoin(campaigns, eq(campaigns.id, reviewAssignments.campaignId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(
      and(
        eq(reviewAssignments.reviewerId, f.reviewerId),
        f.state === "submitted" ? submitted : f.state === "open" ? sql`coalesce(${submitted}, 0) = 0` : undefined,
        after
          ? or(
              gt(reviewAssignments.dueAt, after[0]),
              and(eq(reviewAssignments.dueAt, after[0]), gt(reviewAssignments.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(asc(reviewAssignments.dueAt), asc(reviewAssignments.id))
    .limit(limit + 1);
}

/** The reviewer's totals across campaigns: assigned, submitted, overdue (open past the due date). */
export async function getMyQueueCounts(db: Database, reviewerId: number, now: number) {
  const [row] = await db
    .select({
      assigned: sql<number>`count(*)`.as("assigned"),
      submitted: sql<number>`coalesce(sum(${reviews.state} = 'submitted'), 0)`.as("submitted"),
      overdue:
        sql<number>`coalesce(sum(coalesce(${reviews.state}, '') <> 'submitted' AND ${reviewAssignments.dueAt} < ${now}), 0)`.as(
          "overdue",
        ),
    })
    .from(reviewAssignments)
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(eq(reviewAssignments.reviewerId, reviewerId));
  return row ?? { assigned: 0, submitted: 0, overdue: 0 };
}

/** Every assignment of a campaign with its reviewer and the state of its review, by idea. */
export function listCampaignAssignments(db: Database, campaignId: number) {
  return db
    .select({
      id: reviewAssignments.id,
      ideaId: reviewAssignments.ideaId,
      reviewerId: reviewAssignments.reviewerId,
      reviewerName: users.name,
      dueAt: reviewAssignments.dueAt,
      createdAt: reviewAssignments.createdAt,
      state: reviews.state,
    })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(eq(reviewAssignments.campaignId, campaignId))
    .orderBy(asc(reviewAssignments.ideaId), asc(reviewAssignments.id));
}

/** One assignment by its natural key, as the API shows it. */
export function getAssignmentOf(db: Database, ideaId: number, reviewerId: number) {
  return db
    .select({
      id: reviewAssignments.id,
      ideaId: reviewAssignments.ideaId,
      reviewerId: reviewAssignments.reviewerId,
      reviewerName: users.name,
      dueAt: reviewAssignments.dueAt,
      createdAt: reviewAssignments.createdAt,
      state: reviews.state,
    })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(and(eq(reviewAssignments.ideaId, ideaId), eq(reviewAssignments.reviewerId, reviewerId)));
}
