import { changesOf, runBatch, runNamedBatch, type Database } from "../../db/client";
import {
  getAssignment,
  getMyQueueCounts,
  listMyAssignments,
  type AssignmentRow,
} from "../../db/queries/review-assignments.queries";
import {
  getReviewContext,
  listRubric,
  reopenStatements,
  reviewSubmittedAt,
  saveDraftStatement,
  submitStatements,
} from "../../db/queries/reviews.queries";
import { rewardStatements } from "../../db/queries/rewards.queries";
import { isBlindFor } from "../../domain/blind-review";
import { checkDraftScores, isUnderReview, missingForSubmission } from "../../domain/review";
import { reviewScore } from "../../domain/scoring";
import { voteCountVisible } from "../../domain/voting";
import type { Actor } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, pageOf } from "../../lib/cursor";
import { ApiError, validationError, type FieldError } from "../../lib/problem";
import { iso, isoOrNull } from "../../lib/time";
import { actorOf } from "../../middlewares/guard";
import { loadAssignmentFor } from "./reviews.access";
import type * as routes from "./reviews.routes";

const scoresOf = (json: string | null) => (json ? (JSON.parse(json) as Record<string, number>) : {});

function toReview(a: AssignmentRow) {
  return {
    scores: scoresOf(a.scores),
    score: a.score,
    note: a.note ?? "",
    recommendation: a.recommendation,
    state: a.state ?? ("draft" as const),
    submittedAt: isoOrNull(a.submittedAt),
    updatedAt: iso(a.reviewUpdatedAt ?? a.createdAt),
  };
}

/** The review after a write, read back as the API shows it. */
async function reviewAfterWrite(db: Database, actor: Actor, id: number) {
  const row = await getAssignment(db, actor.agencyId, id);
  return toReview(row!);
}

const alreadySubmitted = () =>
  new ApiError(409, "review.already_submitted", "This review is submitted; ask the chair to reopen it");
const closed = () => new ApiError(409, "review.closed", "The idea is no longer under review");
const raced = () =>
  new ApiError(409, "review.conflict", "The review changed at the same time (another tab?); reload and try again");

const fieldErrors = (problems: { field: string; code: string; message: string }[], prefix: string): FieldError[] =>
  problems.map((p) => ({ path: `${prefix}${p.field}`, code: p.code, message: p.message }));

export const myQueue: AppRouteHandler<typeof routes.myQueue> = async (c) => {
  const actor = actorOf(c);
  const { cursor, limit, state } = c.req.valid("query");
  const now = Date.now();
  const after = cursor ? decodeCursor(cursor, ["number", "number"] as const) : undefined;
  const [rows, counts] = await Promise.all([
    listMyAssignments(c.var.db, { reviewerId: actor.userId, state }, limit, after),
    getMyQueueCounts(c.var.db, actor.userId, now),
  ]);
  const page = pageOf(rows, limit, (r) => [r.dueAt, r.id]);
  return c.json(
    {
      counts,
      items: page.items.map((r) => ({
        id: r.id,
        dueAt: iso(r.dueAt),
        overdue: r.state !== "submitted" && r.dueAt < now,
        state: r.state ?? ("pending" as const),
        idea: { id: r.ideaId, title: r.ideaTitle, status: r.ideaStatus },
        campaign: { id: r.campaignId, title: r.campaignTitle },
        progress: { scored: Object.keys(scoresOf(r.scores)).length, total: r.criteria },
        recommendation: r.recommendation,
        submittedAt: isoOrNull(r.submittedAt),
      })),
      nextCursor: page.nextCursor,
    },
    200,
  );
};

export const getAssignmentDetail: AppRouteHandler<typeof routes.getAssignment> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { assignment: a, seat } = await loadAssignmentFor(db, actor, c.req.valid("param").id, "review.read");
  const { idea, team, files, rubric } = await getReviewContext(db, a.ideaId, a.campaignId);
  const accepted = team.filter((m) => m.acceptedAt !== null);
  const isAuthor = accepted.some((m) => m.userId === actor.userId);
  // filtered here, on the server: a blind reviewer's answer never carries who proposed the idea, and
  // whoever scores it (a chair on their own assignment too) scores it blind
  const scoring = a.reviewerId === actor.userId;
  const blind = isBlindFor({ blindReview: a.blindReview, status: a.ideaStatus, seat, isAuthor, scoring });
  const votesShown =
    !blind &&
    voteCountVisible(
      { kind: a.campaignKind, hideVotesUntilClosed: a.hideVotesUntilClosed, votingEnd: a.votingEnd },
      Date.now(),
    );
  return c.json(
    {
      id: a.id,
      dueAt: iso(a.dueAt),
      createdAt: iso(a.createdAt),
      state: a.state ?? ("pending" as const),
      reviewer: { id: a.reviewerId, name: a.reviewerName },
      campaign: { id: a.campaignId, title: a.campaignTitle, blindReview: a.blindReview },
      blind,
      idea: {
        id: idea.id,
        title: idea.title,
        status: idea.status,
        category: idea.category,
        problem: idea.problem,
        solution: idea.solution,
        benefit: idea.benefit,
        targetService: idea.targetService,
        author: blind
          ? null
          : { id: idea.authorId, name: accepted.find((m) => m.userId === idea.authorId)?.name ?? "" },
        team: blind ? null : accepted.map((m) => ({ id: m.userId, name: m.name })),
        unit: blind ? null : { id: idea.unitId, name: idea.unitName },
        voteCount: votesShown ? idea.voteCount : null,
        attachments: files.map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size })),
      },
      rubric,
      // a draft review (scores, private note) is its reviewer's until submitted, as in the CSV of reviews
      review: a.reviewId === null || (a.state !== "submitted" && a.reviewerId !== actor.userId) ? null : toReview(a),
      viewer: {
        canEdit: a.reviewerId === actor.userId && a.state !== "submitted" && isUnderReview(a.ideaStatus),
        canReopen: seat === "chair" && a.state === "submitted" && isUnderReview(a.ideaStatus),
      },
    },
    200,
  );
};

export const saveDraft: AppRouteHandler<typeof routes.saveDraft> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { assignment: a } = await loadAssignmentFor(db, actor, c.req.valid("param").id, "review.write");
  if (a.state === "submitted") throw alreadySubmitted();
  if (!isUnderReview(a.ideaStatus)) throw closed();
  const { scores, note, recommendation } = c.req.valid("json");
  const rubric = await listRubric(db, a.campaignId);
  const problems = checkDraftScores(rubric, scores);
  if (problems.length > 0) throw validationError(fieldErrors(problems, "json."));
  const [saved] = await runBatch(db, [
    saveDraftStatement(db, {
      assignment: {
        id: a.id,
        agencyId: a.agencyId,
        campaignId: a.campaignId,
        ideaId: a.ideaId,
        reviewerId: a.reviewerId,
      },
      scores,
      score: reviewScore(rubric, scores),
      note,
      recommendation,
      now: Date.now(),
    }),
  ]);
  if (changesOf(saved) === 0) throw raced();
  return c.json(await reviewAfterWrite(db, actor, a.id), 200);
};

export const submitReview: AppRouteHandler<typeof routes.submitReview> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { assignment: a } = await loadAssignmentFor(db, actor, c.req.valid("param").id, "review.write");
  if (a.reviewId === null) throw new ApiError(409, "review.not_started", "Save the review as a draft first");
  if (a.state === "submitted") throw alreadySubmitted();
  if (!isUnderReview(a.ideaStatus)) throw closed();
  const rubric = await listRubric(db, a.campaignId);
  const scores = scoresOf(a.scores);
  const problems = [
    ...checkDraftScores(rubric, scores),
    ...missingForSubmission(rubric, { scores, recommendation: a.recommendation }),
  ];
  if (problems.length > 0) throw validationError(fieldErrors(problems, ""));
  const now = Date.now();
  // the reviewer's points (on time or late) go in the same batch, paid only if the submission happened
  const earned = await rewardStatements(
    db,
    {
      type: "review_completed",
      agencyId: a.agencyId,
      actorId: actor.userId,
      at: now,
      reviewId: a.reviewId,
      reviewerId: a.reviewerId,
      dueAt: a.dueAt,
    },
    { when: reviewSubmittedAt(a.reviewId, now) },
  );
  const { submitted } = await runNamedBatch(db, {
    ...submitStatements(db, {
      reviewId: a.reviewId,
      ideaId: a.ideaId,
      score: reviewScore(rubric, scores)!,
      readAt: a.reviewUpdatedAt!,
      now,
    }),
    earned,
  });
  if (changesOf(submitted) === 0) throw raced();
  return c.json(await reviewAfterWrite(db, actor, a.id), 200);
};

export const reopenReview: AppRouteHandler<typeof routes.reopenReview> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { assignment: a } = await loadAssignmentFor(db, actor, c.req.valid("param").id, "review.reopen");
  const notSubmitted = () => new ApiError(409, "review.not_submitted", "Only a submitted review can be reopened");
  if (a.reviewId === null || a.state !== "submitted") throw notSubmitted();
  if (!isUnderReview(a.ideaStatus)) throw closed();
  const { reason } = c.req.valid("json");
  const { reopened: reopened } = await runNamedBatch(
    db,
    reopenStatements(db, {
      reviewId: a.reviewId,
      ideaId: a.ideaId,
      agencyId: a.agencyId,
      actorId: actor.userId,
      reason,
      now: Date.now(),
    }),
  );
  if (changesOf(reopened) === 0) throw notSubmitted();
  return c.json(await reviewAfterWrite(db, actor, a.id), 200);
};
