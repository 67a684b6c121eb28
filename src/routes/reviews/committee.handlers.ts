import { changesOf, runNamedBatch, type Database } from "../../db/client";
import {
  listIdeaReviewers,
  listLiveIdeaUnits,
  LIVE_STATUSES,
  notifyRemovedStatements,
  reassignStatements,
  searchCommitteeCandidates,
} from "../../db/queries/committee-reassign.queries";
import {
  listCommittee,
  listCommitteeCandidates,
  listOpenAssignmentsOf,
  replaceCommitteeStatements,
} from "../../db/queries/committee.queries";
import { listLoads, listReviewers, listTeams, listUnitParents } from "../../db/queries/review-assignments.queries";
import { conflictCounts, planReassignment, type IdeaInfo, type Move } from "../../domain/assignment";
import { can } from "../../domain/policy";
import { parseRoles } from "../../domain/roles";
import type { Actor } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError, validationError, type FieldError } from "../../lib/problem";
import { actorOf } from "../../middlewares/guard";
import { loadCampaignFor } from "./reviews.access";
import type * as routes from "./reviews.routes";

const CANDIDATE_LIMIT = 20;

/** The campaign's live ideas as conflict facts (team, units) and the unit tree, in one round trip. */
async function conflictFacts(db: Database, campaignId: number, agencyId: number) {
  const [ideaRows, team, unitRows] = await db.batch([
    listLiveIdeaUnits(db, campaignId),
    listTeams(db, campaignId, LIVE_STATUSES),
    listUnitParents(db, agencyId),
  ]);
  const ideas: IdeaInfo[] = ideaRows.map((idea) => {
    const members = team.filter((m) => m.ideaId === idea.id);
    return {
      id: idea.id,
      teamIds: members.map((m) => m.userId),
      unitIds: [idea.unitId, ...members.map((m) => m.unitId)],
    };
  });
  return { ideas, ideaRows, parents: new Map(unitRows.map((u) => [u.id, u.parentId])) };
}

async function committeeOf(db: Database, actor: Actor, campaignId: number, now: number) {
  const rows = await listCommittee(db, campaignId, now);
  // conflicts name who authored what: the admin's to weigh, never shown to the (possibly blind) committee
  const conflicts = can(actor, "committee.manage", { agencyId: actor.agencyId })
    ? await conflictFacts(db, campaignId, actor.agencyId).then(({ ideas, parents }) =>
        conflictCounts(
          rows.map((m) => ({ id: m.userId, unitId: m.unitId })),
          ideas,
          parents,
        ),
      )
    : null;
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
      ...(conflicts ? { conflicts: conflicts.get(m.userId)! } : {}),
    })),
  };
}

export const getCommittee: AppRouteHandler<typeof routes.getCommittee> = async (c) => {
  const actor = actorOf(c);
  const { campaign } = await loadCampaignFor(c.var.db, actor, c.req.valid("param").id, "committee.read");
  return c.json(await committeeOf(c.var.db, actor, campaign.id, Date.now()), 200);
};

export const committeeCandidates: AppRouteHandler<typeof routes.committeeCandidates> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { campaign } = await loadCampaignFor(db, actor, c.req.valid("param").id, "committee.manage");
  const [people, seats, facts] = await Promise.all([
    searchCommitteeCandidates(db, actor.agencyId, c.req.valid("query").q ?? "", CANDIDATE_LIMIT),
    listReviewers(db, campaign.id),
    conflictFacts(db, campaign.id, actor.agencyId),
  ]);
  const counts = conflictCounts(
    people.map((p) => ({ id: p.id, unitId: p.unitId })),
    facts.ideas,
    facts.parents,
  );
  const seatOf = new Map(seats.map((s) => [s.id, s.role]));
  return c.json(
    {
      items: people.map((p) => ({
        id: p.id,
        name: p.name,
        nip: p.nip,
        position: p.position,
        unit: { id: p.unitId, name: p.unitName },
        roles: parseRoles(p.roles),
        isReviewer: parseRoles(p.roles).includes("reviewer"),
        seat: seatOf.get(p.id) ?? null,
        conflicts: counts.get(p.id)!,
      })),
    },
    200,
  );
};

function checkMembers(
  members: readonly { userId: number; role: "reviewer" | "chair" }[],
  candidates: Map<number, { roles: string; active: boolean }>,
): Set<number> {
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
  return seen;
}

/**
 * Where the open assignments of the leaving members go: to the reviewers (not chairs) who stay,
 * or a 409 when one of them has nobody left who may take it.
 */
async function planMoves(
  db: Database,
  ctx: { agencyId: number; campaignId: number; excludeSameUnit: boolean; staying: Set<number> },
  open: { assignmentId: number; ideaId: number; reviewerId: number }[],
): Promise<{ moves: Move[]; names: Map<number, string>; titles: Map<number, string> }> {
  const [facts, [members, loads, onIdeas]] = await Promise.all([
    conflictFacts(db, ctx.campaignId, ctx.agencyId),
    db.batch([listReviewers(db, ctx.campaignId), listLoads(db, ctx.campaignId), listIdeaReviewers(db, ctx.campaignId)]),
  ]);
  const leaving = new Set(open.map((a) => a.reviewerId));
  const concerned = new Set(open.map((a) => a.ideaId));
  const ideas = facts.ideas
    .filter((i) => concerned.has(i.id))
    .map((i) => ({
      ...i,
      reviewerIds: onIdeas.filter((a) => a.ideaId === i.id && !leaving.has(a.reviewerId)).map((a) => a.reviewerId),
    }));
  const { moves, stranded } = planReassignment({
    open,
    ideas,
    reviewers: members.filter((m) => m.role === "reviewer" && ctx.staying.has(m.id) && !leaving.has(m.id)),
    rules: { excludeSameUnit: ctx.excludeSameUnit, parents: facts.parents },
    existingLoad: new Map(loads.map((l) => [l.reviewerId, l.load])),
  });
  if (stranded.length > 0)
    throw new ApiError(
      409,
      "committee.no_eligible_reviewer",
      `No remaining reviewer may take ${stranded.length} open assignment(s) (ideas ${[...new Set(stranded.map((s) => s.ideaId))].join(", ")}): seat another reviewer without a conflict of interest`,
    );
  return {
    moves,
    names: new Map(members.map((m) => [m.id, m.name])),
    titles: new Map(facts.ideaRows.map((i) => [i.id, i.title])),
  };
}

export const putCommittee: AppRouteHandler<typeof routes.putCommittee> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { campaign } = await loadCampaignFor(db, actor, c.req.valid("param").id, "committee.manage");
  const { members, reassign } = c.req.valid("json");
  const candidates = new Map(
    (
      await listCommitteeCandidates(
        db,
        actor.agencyId,
        members.map((m) => m.userId),
      )
    ).map((u) => [u.id, u]),
  );
  const seen = checkMembers(members, candidates);

  const now = Date.now();
  const current = await listCommittee(db, campaign.id, now);
  const removed = current.map((m) => m.userId).filter((id) => !seen.has(id));
  const open = removed.length > 0 ? await listOpenAssignmentsOf(db, campaign.id, removed) : [];
  const refuse = () =>
    new ApiError(
      409,
      "committee.member_has_assignments",
      "A member you removed still has open assignments in this campaign; reassign them (`reassign: true`)",
    );
  if (open.length > 0 && !reassign) throw refuse();
  const plan =
    open.length > 0
      ? await planMoves(
          db,
          {
            agencyId: actor.agencyId,
            campaignId: campaign.id,
            excludeSameUnit: campaign.excludeSameUnitReviewers,
            staying: seen,
          },
          open,
        )
      : { moves: [], names: new Map<number, string>(), titles: new Map<number, string>() };
  const ctx = { agencyId: actor.agencyId, campaignId: campaign.id, actorId: actor.userId, now };
  const committee = replaceCommitteeStatements(db, { ...ctx, seats: members, removed, now });
  const { moves, removed: deleted } = await runNamedBatch(db, {
    moves: plan.moves.map((move) => reassignStatements(db, move, ctx)),
    ...committee,
    told: notifyRemovedStatements(
      db,
      removed.map((userId) => ({ userId, moved: plan.moves.filter((m) => m.reviewerId === userId).length })),
      { ...ctx, title: campaign.title },
    ),
  });
  // an assignment made since the check kept its reviewer seated (the rest of the change stands): say so
  if (changesOf(deleted) !== removed.length) throw refuse();
  const body = await committeeOf(db, actor, campaign.id, now);
  if (!reassign) return c.json(body, 200);
  const names = new Map([...current.map((m) => [m.userId, m.name] as const), ...plan.names]);
  return c.json(
    {
      ...body,
      reassigned: plan.moves
        .filter((_, i) => changesOf(moves[i]!.moved) === 1)
        .map((m) => ({
          assignmentId: m.assignmentId,
          idea: { id: m.ideaId, name: plan.titles.get(m.ideaId) ?? "" },
          from: { id: m.reviewerId, name: names.get(m.reviewerId) ?? "" },
          to: { id: m.toReviewerId, name: names.get(m.toReviewerId) ?? "" },
        })),
    },
    200,
  );
};
