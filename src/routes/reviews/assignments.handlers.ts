import { changesOf, runBatch, runNamedBatch, type Database } from "../../db/client";
import { getCommitteeSeat, getIdea } from "../../db/queries/ideas.queries";
import { transitionStatements } from "../../db/queries/idea-workflow.queries";
import {
  assignStartedStatement,
  assignStatement,
  getAssignmentOf,
  getConflictRules,
  listCampaignAssignments,
  listIdeaReviewerIds,
  listLoads,
  listReviewers,
  listSubmittedIdeas,
  listTeamOf,
  listTeams,
  listUnitParents,
  unassignStatements,
} from "../../db/queries/review-assignments.queries";
import { conflictOf, planAssignments, selectForReview, type IdeaInfo } from "../../domain/assignment";
import { isReviewOpen } from "../../domain/campaign-phase";
import { planTransition, type Capacity } from "../../domain/idea-status";
import { isUnderReview } from "../../domain/review";
import type { Actor } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError, notFound, validationError } from "../../lib/problem";
import { iso } from "../../lib/time";
import { actorOf, authorize } from "../../middlewares/guard";
import { loadAssignmentFor, loadCampaignFor } from "./reviews.access";
import type * as routes from "./reviews.routes";

const capacitiesOf = (actor: Actor, seat: "reviewer" | "chair" | null): Capacity[] => [
  ...(seat === "chair" ? (["chair"] as const) : []),
  ...(actor.roles.includes("admin") ? (["admin"] as const) : []),
];

function dueAtOf(value: string, now: number): number {
  const due = Date.parse(value);
  if (due <= now)
    throw validationError([
      { path: "json.dueAt", code: "review.due_in_past", message: "Choose a due date in the future" },
    ]);
  return due;
}

const toAssignment = (a: {
  id: number;
  ideaId: number;
  reviewerId: number;
  reviewerName: string;
  dueAt: number;
  createdAt: number;
  state: "draft" | "submitted" | null;
}) => ({
  id: a.id,
  ideaId: a.ideaId,
  reviewer: { id: a.reviewerId, name: a.reviewerName },
  dueAt: iso(a.dueAt),
  createdAt: iso(a.createdAt),
  state: a.state ?? ("pending" as const),
});

/** Who may not review what: each idea's accepted team and their units, and the unit tree. */
function ideaInfos(
  ideas: readonly { id: number; unitId: number }[],
  team: readonly { ideaId: number; userId: number; unitId: number }[],
): IdeaInfo[] {
  return ideas.map((idea) => {
    const members = team.filter((m) => m.ideaId === idea.id);
    return {
      id: idea.id,
      teamIds: members.map((m) => m.userId),
      unitIds: [idea.unitId, ...members.map((m) => m.unitId)],
    };
  });
}

export const startReview: AppRouteHandler<typeof routes.startReview> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const now = Date.now();
  const { campaign, seat } = await loadCampaignFor(db, actor, c.req.valid("param").id, "review.manage");
  const { selection, dueAt } = c.req.valid("json");
  const due = dueAtOf(dueAt, now);
  const reviewOpen = isReviewOpen(campaign, now);
  if (!reviewOpen) throw new ApiError(409, "review.voting_open", "Review opens once the campaign's voting has closed");
  const [candidates, teams, unitRows, members, loads] = await db.batch([
    listSubmittedIdeas(db, campaign.id),
    listTeams(db, campaign.id, ["submitted"]),
    listUnitParents(db, actor.agencyId),
    listReviewers(db, campaign.id),
    listLoads(db, campaign.id),
  ]);
  const reviewers = members.filter((m) => m.role === "reviewer");
  if (reviewers.length === 0)
    throw new ApiError(409, "committee.no_reviewers", "Seat reviewers on the committee before opening review");

  const byId = new Map(candidates.map((i) => [i.id, i]));
  const capacities = capacitiesOf(actor, seat);
  const selected = selectForReview(candidates, selection)
    .map((id) => byId.get(id)!)
    .filter((idea) => planTransition(idea.status, "start_review", { capacities, reviewOpen }).ok);
  const plan = planAssignments({
    ideas: ideaInfos(selected, teams),
    reviewers,
    perIdea: campaign.reviewersPerIdea,
    rules: {
      excludeSameUnit: campaign.excludeSameUnitReviewers,
      parents: new Map(unitRows.map((u) => [u.id, u.parentId])),
    },
    existingLoad: new Map(loads.map((l) => [l.reviewerId, l.load])),
  });

  const { steps } = await runNamedBatch(db, {
    steps: selected.map((idea) =>
      transitionStatements(db, {
        idea,
        action: "start_review",
        from: "submitted",
        to: "in_review",
        actorId: actor.userId,
        reason: null,
        now,
      }),
    ),
    assigned:
      plan.assignments.length > 0
        ? [
            assignStartedStatement(db, {
              agencyId: actor.agencyId,
              campaignId: campaign.id,
              pairs: plan.assignments,
              dueAt: due,
              assignedBy: actor.userId,
              startedAt: now,
            }),
          ]
        : [],
  });

  const names = new Map(reviewers.map((r) => [r.id, r.name]));
  const moved = selected.filter((_, i) => changesOf(steps[i]!.moved) === 1);
  const movedIds = new Set(moved.map((i) => i.id));
  const missing = new Map(plan.shortfalls.map((s) => [s.ideaId, s.missing]));
  const loadAfter = new Map(loads.map((l) => [l.reviewerId, l.load]));
  for (const a of plan.assignments)
    if (movedIds.has(a.ideaId)) loadAfter.set(a.reviewerId, (loadAfter.get(a.reviewerId) ?? 0) + 1);
  return c.json(
    {
      dueAt: iso(due),
      started: moved.map((idea) => ({
        ideaId: idea.id,
        title: idea.title,
        reviewers: plan.assignments
          .filter((a) => a.ideaId === idea.id)
          .map((a) => ({ id: a.reviewerId, name: names.get(a.reviewerId)! })),
        missing: missing.get(idea.id) ?? 0,
      })),
      skipped: selected.filter((idea) => !movedIds.has(idea.id)).map((idea) => idea.id),
      shortfalls: plan.shortfalls.filter((s) => movedIds.has(s.ideaId)),
      loads: reviewers.map((r) => ({ reviewer: { id: r.id, name: r.name }, load: loadAfter.get(r.id) ?? 0 })),
    },
    200,
  );
};

export const listAssignments: AppRouteHandler<typeof routes.listAssignments> = async (c) => {
  const actor = actorOf(c);
  const { campaign } = await loadCampaignFor(c.var.db, actor, c.req.valid("param").id, "review.manage");
  const rows = await listCampaignAssignments(c.var.db, campaign.id);
  return c.json({ items: rows.map(toAssignment) }, 200);
};

/** The idea, its campaign's committee and conflict facts, after the policy allowed managing its review. */
async function loadIdeaForAssignment(db: Database, actor: Actor, ideaId: number) {
  const idea = await getIdea(db, actor.agencyId, ideaId);
  // a draft is its team's alone: to anyone managing reviews it does not exist (not a 403 that tells it does)
  if (!idea || idea.status === "draft") throw notFound("idea");
  const [seat, members, team, unitRows, existing, campaign] = await db.batch([
    getCommitteeSeat(db, idea.campaignId, actor.userId),
    listReviewers(db, idea.campaignId),
    listTeamOf(db, idea.id),
    listUnitParents(db, actor.agencyId),
    listIdeaReviewerIds(db, idea.id),
    getConflictRules(db, idea.campaignId),
  ]);
  authorize(actor, "review.manage", { agencyId: idea.agencyId, seat: seat[0]?.role ?? null });
  return { idea, members, team, unitRows, existing, campaign: campaign[0]! };
}

export const assign: AppRouteHandler<typeof routes.assign> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const now = Date.now();
  const { id } = c.req.valid("param");
  const { reviewerId, dueAt } = c.req.valid("json");
  const { idea, members, team, unitRows, existing, campaign } = await loadIdeaForAssignment(db, actor, id);
  if (!isUnderReview(idea.status))
    throw new ApiError(409, "assignment.idea_not_in_review", "Only an idea under review gets reviewers");
  const due = dueAtOf(dueAt, now);
  const reviewer = members.find((m) => m.id === reviewerId);
  if (!reviewer)
    throw validationError([
      {
        path: "json.reviewerId",
        code: "assignment.not_on_committee",
        message: "Seat this person on the committee first",
      },
    ]);
  const [info] = ideaInfos(
    [idea],
    team.map((m) => ({ ...m, ideaId: idea.id })),
  );
  const conflict = conflictOf(reviewer, info!, {
    excludeSameUnit: campaign.excludeSameUnitReviewers,
    parents: new Map(unitRows.map((u) => [u.id, u.parentId])),
  });
  if (conflict)
    throw new ApiError(
      409,
      "assignment.conflict_of_interest",
      conflict === "author"
        ? "This reviewer is on the idea's team"
        : "This reviewer works in the idea's unit (or one above or below it)",
    );
  if (existing.some((e) => e.reviewerId === reviewerId))
    throw new ApiError(409, "assignment.duplicate", "This reviewer is already assigned to the idea");
  const [insert] = await runBatch(db, [
    assignStatement(db, {
      agencyId: idea.agencyId,
      campaignId: idea.campaignId,
      ideaId: idea.id,
      reviewerId,
      dueAt: due,
      assignedBy: actor.userId,
      now,
    }),
  ]);
  if (changesOf(insert) === 0)
    throw new ApiError(409, "assignment.conflict", "Someone changed this idea's review at the same time; reload");
  const [row] = await getAssignmentOf(db, idea.id, reviewerId);
  return c.json(toAssignment(row!), 201);
};

export const unassign: AppRouteHandler<typeof routes.unassign> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { assignment } = await loadAssignmentFor(db, actor, c.req.valid("param").id, "review.manage");
  const submitted = () =>
    new ApiError(409, "assignment.review_submitted", "The review is submitted; reopen it before withdrawing");
  if (assignment.state === "submitted") throw submitted();
  const { removed } = await runNamedBatch(db, unassignStatements(db, assignment.id));
  if (changesOf(removed) === 0) throw submitted();
  return c.body(null, 204);
};
