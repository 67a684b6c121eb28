/**
 * Loading what a review route acts on, scoped to the caller's agency (another agency's id is a
 * 404), together with the caller's seat on the campaign's committee, which the policy reads.
 */
import type { Database } from "../../db/client";
import { getCampaignWithSeat } from "../../db/queries/committee.queries";
import { getCommitteeSeat } from "../../db/queries/ideas.queries";
import { getAssignment } from "../../db/queries/review-assignments.queries";
import type { Action } from "../../domain/policy";
import type { Actor } from "../../env";
import { notFound } from "../../lib/problem";
import { authorize } from "../../middlewares/guard";

/**
 * A campaign of the actor's agency and their seat on its committee, after the policy allowed
 * `action` on it.
 */
export async function loadCampaignFor(db: Database, actor: Actor, id: number, action: Action) {
  const { campaign, seat } = await getCampaignWithSeat(db, actor.agencyId, id, actor.userId);
  if (!campaign) throw notFound("campaign");
  authorize(actor, action, { agencyId: campaign.agencyId, seat });
  return { campaign, seat };
}

/** An assignment of the actor's agency and their seat on its campaign's committee, after the policy allowed `action`. */
export async function loadAssignmentFor(db: Database, actor: Actor, id: number, action: Action) {
  const assignment = await getAssignment(db, actor.agencyId, id);
  if (!assignment) throw notFound("assignment");
  const [row] = await getCommitteeSeat(db, assignment.campaignId, actor.userId);
  const seat = row?.role ?? null;
  authorize(actor, action, { agencyId: assignment.agencyId, ownerId: assignment.reviewerId, seat });
  return { assignment, seat };
}
