import { changesOf, runNamedBatch } from "../../db/client";
import { mergeStatements, mergeTargetOpen, transitionStatements } from "../../db/queries/idea-workflow.queries";
import { ideaMovedTo, rewardStatements } from "../../db/queries/rewards.queries";
import { isReviewOpen, isSubmissionOpen } from "../../domain/campaign-phase";
import {
  mergeTargetRefusal,
  missingForSubmission,
  planTransition,
  type MergeTargetRefusal,
  type TransitionRefusal,
} from "../../domain/idea-status";
import { ideaStepEvent } from "../../domain/rewards";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError, validationError } from "../../lib/problem";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./ideas.routes";
import { loadIdea, toIdeaDetail } from "./ideas.view";

const REFUSALS: Record<TransitionRefusal, () => ApiError> = {
  "transition.not_permitted": () =>
    new ApiError(403, "transition.not_permitted", "You may not take this step on this idea"),
  "transition.invalid_from_status": () =>
    new ApiError(409, "transition.invalid_from_status", "The idea's status does not allow this step"),
  "transition.reason_required": () =>
    validationError([
      { path: "json.reason", code: "transition.reason_required", message: "Say why: the people told no will read it" },
    ]),
  "idea.submission_closed": () =>
    new ApiError(409, "idea.submission_closed", "The campaign is not accepting submissions now"),
  "review.voting_open": () =>
    new ApiError(409, "review.voting_open", "Review opens once the campaign's voting has closed"),
};

const MERGE_REFUSALS: Record<MergeTargetRefusal, () => ApiError> = {
  "idea.merge_target_invalid": () =>
    new ApiError(409, "idea.merge_target_invalid", "Merge into an idea that is submitted and still open"),
  "idea.merge_other_campaign": () =>
    new ApiError(
      409,
      "idea.merge_other_campaign",
      "Merge into an idea of the same campaign: votes count against their own campaign's budget",
    ),
};

const raced = () =>
  new ApiError(409, "transition.conflict", "Someone changed this idea at the same time; reload and try again");

export const transition: AppRouteHandler<typeof routes.transition> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const { action, reason } = c.req.valid("json");
  const db = c.var.db;
  const now = Date.now();
  const loaded = await loadIdea(db, actor, id);
  const { idea } = loaded;
  const plan = planTransition(idea.status, action, {
    capacities: loaded.capacities,
    reason: reason ?? null,
    submissionOpen: isSubmissionOpen(loaded.campaign, now),
    reviewOpen: isReviewOpen(loaded.campaign, now),
  });
  if (!plan.ok) throw REFUSALS[plan.code]();
  if (action === "submit") {
    const missing = missingForSubmission(idea);
    if (missing.length > 0) {
      throw validationError(
        missing.map(({ field, min }) => ({
          path: field,
          code: "idea.incomplete",
          message: `Write at least ${min} characters before submitting`,
        })),
      );
    }
  }
  // what the step earns goes in the same batch, written only if the step itself happened
  const earns = ideaStepEvent(action);
  const rewards = earns
    ? await rewardStatements(
        db,
        { type: earns, agencyId: idea.agencyId, actorId: actor.userId, at: now, ideaId: id },
        { when: ideaMovedTo(id, plan.to, now) },
      )
    : [];
  const { moved } = await runNamedBatch(db, {
    ...transitionStatements(db, {
      idea,
      action,
      from: plan.from,
      to: plan.to,
      actorId: actor.userId,
      reason: plan.reason,
      now,
    }),
    rewards,
  });
  if (changesOf(moved) === 0) throw raced();
  return c.json(toIdeaDetail(await loadIdea(db, actor, id), now), 200);
};

export const merge: AppRouteHandler<typeof routes.merge> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const { intoId, reason } = c.req.valid("json");
  const db = c.var.db;
  const now = Date.now();
  if (intoId === id)
    throw validationError([
      { path: "json.intoId", code: "idea.merge_self", message: "An idea cannot be merged into itself" },
    ]);
  const duplicate = await loadIdea(db, actor, id);
  const survivor = await loadIdea(db, actor, intoId);
  const plan = planTransition(duplicate.idea.status, "merge", { capacities: duplicate.capacities, reason });
  if (!plan.ok) throw REFUSALS[plan.code]();
  const refusal = mergeTargetRefusal(duplicate.idea, survivor.idea);
  if (refusal) throw MERGE_REFUSALS[refusal]();
  const { moved } = await runNamedBatch(db, {
    ...transitionStatements(db, {
      idea: duplicate.idea,
      action: "merge",
      from: plan.from,
      to: plan.to,
      actorId: actor.userId,
      reason: plan.reason,
      now,
      extra: { mergedIntoId: intoId },
      // checked again as the batch writes: the target may have closed since it was read
      guard: mergeTargetOpen(intoId, duplicate.idea.campaignId),
    }),
    merged: mergeStatements(db, {
      agencyId: actor.agencyId,
      duplicateId: id,
      survivorId: intoId,
      actorId: actor.userId,
      reason: `#${id} ${duplicate.idea.title}: ${plan.reason ?? ""}`,
      now,
    }),
    // the duplicate gives back what its submission earned
    givenBack: await rewardStatements(
      db,
      { type: "idea_merged", agencyId: actor.agencyId, actorId: actor.userId, at: now, ideaId: id, intoId },
      { when: ideaMovedTo(id, "merged", now) },
    ),
  });
  if (changesOf(moved) === 0) throw raced();
  return c.json(toIdeaDetail(await loadIdea(db, actor, intoId), now), 200);
};
