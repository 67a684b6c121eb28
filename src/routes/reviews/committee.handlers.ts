import { changesOf, runBatch, type Database } from "../../db/client";
import {
  listCommittee,
  listCommitteeCandidates,
  listMembersWithAssignments,
  replaceCommitteeStatements,
} from "../../db/queries/committee.queries";
import { parseRoles } from "../../domain/roles";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError, validationError, type FieldError } from "../../lib/problem";
import { actorOf } from "../../middlewares/guard";
import { loadCampaignFor } from "./reviews.access";
import type * as routes from "./reviews.routes";

async function committeeOf(db: Database, campaignId: number, now: number) {
  const rows = await listCommittee(db, campaignId, now);
  return {
    campaignId,
    members: rows.map((m) => ({
      userId: m.userId,
      name: m.name,
      position: m.position,
      unitName: m.unitName,
      role: m.role,
      active: m.active,
      progress: { assigned: m.assigned, submitted: m.submitted, overdue: m.overdue },
    })),
  };
}

export const getCommittee: AppRouteHandler<typeof routes.getCommittee> = async (c) => {
  const actor = actorOf(c);
  const { campaign } = await loadCampaignFor(c.var.db, actor, c.req.valid("param").id, "committee.read");
  return c.json(await committeeOf(c.var.db, campaign.id, Date.now()), 200);
};

export const putCommittee: AppRouteHandler<typeof routes.putCommittee> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { campaign } = await loadCampaignFor(db, actor, c.req.valid("param").id, "committee.manage");
  const { members } = c.req.valid("json");
  const candidates = new Map(
    (
      await listCommitteeCandidates(
        db,
        actor.agencyId,
        members.map((m) => m.userId),
      )
    ).map((u) => [u.id, u]),
  );
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  members.forEach((m, i) => {
    const path = `json.members.${i}.userId`;
    const user = candidates.get(m.userId);
    if (seen.has(m.userId))
      errors.push({ path, code: "committee.duplicate_member", message: "This person is listed twice" });
    else if (!user || !user.active)
      errors.push({ path, code: "committee.unknown_user", message: "No active user of your agency with this id" });
    else if (!parseRoles(user.roles).includes("reviewer"))
      errors.push({ path, code: "committee.not_a_reviewer", message: "Give this person the reviewer role first" });
    seen.add(m.userId);
  });
  if (!members.some((m) => m.role === "chair"))
    errors.push({ path: "json.members", code: "committee.chair_required", message: "Name at least one chair" });
  if (errors.length > 0) throw validationError(errors);

  const now = Date.now();
  const current = await listCommittee(db, campaign.id, now);
  const removed = current.map((m) => m.userId).filter((id) => !seen.has(id));
  const busy = removed.length > 0 ? await listMembersWithAssignments(db, campaign.id, removed) : [];
  const refuse = () =>
    new ApiError(
      409,
      "committee.member_has_assignments",
      "A member you removed still has assignments in this campaign; reassign them first",
    );
  if (busy.length > 0) throw refuse();
  const [deleted] = await runBatch(
    db,
    replaceCommitteeStatements(db, {
      agencyId: actor.agencyId,
      campaignId: campaign.id,
      actorId: actor.userId,
      seats: members,
      removed,
      now,
    }),
  );
  // an assignment made since the check kept its reviewer seated (the rest of the change stands): say so
  if (changesOf(deleted) !== removed.length) throw refuse();
  return c.json(await committeeOf(db, campaign.id, now), 200);
};
