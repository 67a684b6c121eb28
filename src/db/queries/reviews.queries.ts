import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Recommendation } from "../../domain/review";
import { UNDER_REVIEW } from "../../domain/review";
import { alias } from "drizzle-orm/sqlite-core";
import { AUTO_ID, as } from "../alias";
import type { Database, Statement } from "../client";
import { criteria, ideas, reviewAssignments, reviews, units, users } from "../schema";
import { excluded, insertFields } from "../raw";
import { recordAuditIfChanged } from "./audit.queries";
import { listAttachments, listTeam } from "./ideas.queries";

/** The rubric of a campaign as scoring needs it, in the rubric's order. */
export function listRubric(db: Database, campaignId: number) {
  return db
    .select({
      key: criteria.key,
      labelId: criteria.labelId,
      labelEn: criteria.labelEn,
      descriptionId: criteria.descriptionId,
      descriptionEn: criteria.descriptionEn,
      weight: criteria.weight,
      scaleMax: criteria.scaleMax,
    })
    .from(criteria)
    .where(eq(criteria.campaignId, campaignId))
    .orderBy(asc(criteria.position));
}

/** What a reviewer reads beside the assignment: the idea, its unit, team and files, and the rubric. */
export async function getReviewContext(db: Database, ideaId: number, campaignId: number) {
  const [idea, team, files, rubric] = await db.batch([
    db
      .select({
        id: ideas.id,
        title: ideas.title,
        status: ideas.status,
        category: ideas.category,
        problem: ideas.problem,
        solution: ideas.solution,
        benefit: ideas.benefit,
        targetService: ideas.targetService,
        voteCount: ideas.voteCount,
        authorId: ideas.authorId,
        unitId: ideas.unitId,
        unitName: as(units.name, "unit_name"),
      })
      .from(ideas)
      .innerJoin(units, eq(units.id, ideas.unitId))
      .where(eq(ideas.id, ideaId)),
    listTeam(db, ideaId),
    listAttachments(db, ideaId),
    listRubric(db, campaignId),
  ]);
  return { idea: idea[0]!, team, files, rubric };
}

/** An idea's score: the mean of its submitted reviews, in the same batch as the review that changes it. */
function recomputeIdeaScore(db: Database, ideaId: number) {
  return db
    .update(ideas)
    .set({
      reviewScore: sql`(SELECT avg(${reviews.score}) FROM ${reviews} WHERE ${reviews.ideaId} = ${ideaId} AND ${reviews.state} = 'submitted')`,
    })
    .where(eq(ideas.id, ideaId));
}

export type Draft = {
  assignment: { id: number; agencyId: number; campaignId: number; ideaId: number; reviewerId: number };
  scores: Record<string, number>;
  /** the weighted score once every criterion is scored, else null */
  score: number | null;
  note: string;
  recommendation: Recommendation | null;
  now: number;
};

/**
 * Creates or replaces the draft of an assignment, only while its idea is under review and the
 * review is not submitted. Changes nothing (0 changes) otherwise.
 */
export function saveDraftStatement(db: Database, d: Draft): Statement {
  const { assignment: a, now } = d;
  const scores = JSON.stringify(d.scores);
  return db
    .insert(reviews)
    .select(
      db
        .select(
          insertFields(reviews, {
            id: AUTO_ID,
            assignmentId: sql`${a.id}`,
            agencyId: sql`${a.agencyId}`,
            campaignId: sql`${a.campaignId}`,
            ideaId: sql`${a.ideaId}`,
            reviewerId: sql`${a.reviewerId}`,
            scores: sql`${scores}`,
            score: sql`${d.score}`,
            note: sql`${d.note}`,
            recommendation: sql`${d.recommendation}`,
            state: sql`'draft'`,
            submittedAt: sql`NULL`,
            updatedAt: sql`${now}`,
          }),
        )
        .from(ideas)
        .where(and(eq(ideas.id, a.ideaId), inArray(ideas.status, [...UNDER_REVIEW]))),
    )
    .onConflictDoUpdate({
      target: reviews.assignmentId,
      set: {
        scores: excluded(reviews.scores),
        score: excluded(reviews.score),
        note: excluded(reviews.note),
        recommendation: excluded(reviews.recommendation),
        updatedAt: excluded(reviews.updatedAt),
      },
      setWhere: eq(reviews.state, "draft"),
    });
}

/**
 * Submits a draft as it was read (`readAt`: its `updated_at`, so an edit in between makes this a
 * no-op) while the idea is under review, and recomputes the idea's score from the submitted
 * reviews in SQL, in the same batch. `submitted`'s changes say whether it happened.
 */
export function submitStatements(
  db: Database,
  input: { reviewId: number; ideaId: number; score: number; readAt: number; now: number },
) {
  const { reviewId, ideaId, score, readAt, now } = input;
  return {
    submitted: db
      .update(reviews)
      .set({ state: "submitted", score, submittedAt: now, updatedAt: now })
      .where(
        and(
          eq(reviews.id, reviewId),
          eq(reviews.state, "draft"),
          eq(reviews.updatedAt, readAt),
          sql`EXISTS (SELECT 1 FROM ${ideas} WHERE ${ideas.id} = ${ideaId} AND ${inArray(ideas.status, [...UNDER_REVIEW])})`,
        ),
      ),
    effects: [recomputeIdeaScore(db, ideaId)],
  };
}

/** `EXISTS` the review submitted at `at`: the guard for what a submission earns. */
export const reviewSubmittedAt = (reviewId: number, at: number) =>
  sql`EXISTS (SELECT 1 FROM ${reviews} WHERE ${reviews.id} = ${reviewId} AND ${reviews.state} = 'submitted' AND ${reviews.submittedAt} = ${at})`;

/** The chair sends a submitted review back to draft, audited; the idea's score drops it. */
export function reopenStatements(
  db: Database,
  input: { reviewId: number; ideaId: number; agencyId: number; actorId: number; reason: string | null; now: number },
) {
  const { reviewId, ideaId, agencyId, actorId, reason, now } = input;
  return {
    reopened: db
      .update(reviews)
      .set({ state: "draft", submittedAt: null, updatedAt: now })
      .where(and(eq(reviews.id, reviewId), eq(reviews.state, "submitted"))),
    effects: [
      recordAuditIfChanged(db, {
        agencyId,
        actorId,
        action: "review.reopen",
        subjectType: "review",
        subjectId: reviewId,
        detail: { ideaId, reason },
        at: now,
      }),
      recomputeIdeaScore(db, ideaId),
    ],
  };
}

/** Ideas of a campaign that entered review, with what the ranking shows beside the scores. */
export function listRankingIdeas(db: Database, campaignId: number) {
  const assigned = alias(reviewAssignments, "a");
  return db
    .select({
      id: ideas.id,
      title: ideas.title,
      status: ideas.status,
      voteCount: ideas.voteCount,
      submittedAt: ideas.submittedAt,
      unitId: ideas.unitId,
      unitName: as(units.name, "unit_name"),
      authorName: as(users.name, "author_name"),
      assigned:
        sql<number>`(SELECT count(*) FROM ${reviewAssignments} ${assigned} WHERE ${assigned.ideaId} = ${ideas.id})`.as(
          "assigned",
        ),
    })
    .from(ideas)
    .innerJoin(units, eq(units.id, ideas.unitId))
    .innerJoin(users, eq(users.id, ideas.authorId))
    .where(
      and(
        eq(ideas.campaignId, campaignId),
        inArray(ideas.status, ["in_review", "shortlisted", "approved", "rejected", "implemented"]),
      ),
    );
}

/** Every submitted review of a campaign: what the ranking and the normalisation compute from. */
export function listSubmittedReviews(db: Database, campaignId: number) {
  return db
    .select({
      id: reviews.id,
      ideaId: reviews.ideaId,
      reviewerId: reviews.reviewerId,
      score: reviews.score,
      recommendation: reviews.recommendation,
      submittedAt: reviews.submittedAt,
    })
    .from(reviews)
    .where(and(eq(reviews.campaignId, campaignId), eq(reviews.state, "submitted")));
}

/** Every assignment of a campaign with its review, if any: the reviews export. */
export function listCampaignReviews(db: Database, campaignId: number) {
  return db
    .select({
      assignmentId: reviewAssignments.id,
      ideaId: reviewAssignments.ideaId,
      ideaTitle: ideas.title,
      reviewerName: users.name,
      dueAt: reviewAssignments.dueAt,
      state: reviews.state,
      scores: reviews.scores,
      score: reviews.score,
      recommendation: reviews.recommendation,
      note: reviews.note,
      submittedAt: as(reviews.submittedAt, "review_submitted_at"),
    })
    .from(reviewAssignments)
    .innerJoin(ideas, eq(ideas.id, reviewAssignments.ideaId))
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(eq(reviewAssignments.campaignId, campaignId))
    .orderBy(asc(reviewAssignments.ideaId), asc(users.name), asc(reviewAssignments.id));
}
