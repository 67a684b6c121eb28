import { changesOf, runNamedBatch } from "../../db/client";
import {
  acceptInvitationStatements,
  getColleague,
  hasVoted,
  inviteCoauthorStatements,
  listMyInvitations,
  removeCoauthorStatements,
} from "../../db/queries/idea-team.queries";
import { planAcceptance, planInvitation, planRemoval, type TeamRefusal } from "../../domain/idea-team";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, pageOf } from "../../lib/cursor";
import { ApiError, notFound, validationError } from "../../lib/problem";
import { iso } from "../../lib/time";
import { actorOf } from "../../middlewares/guard";
import { loadIdea, toIdeaDetail } from "../ideas/ideas.view";
import type * as routes from "./idea-team.routes";

const REFUSALS: Record<TeamRefusal, () => ApiError> = {
  "team.not_permitted": () =>
    new ApiError(403, "team.not_permitted", "Only the idea's author (or the person concerned) may do this"),
  "team.closed": () =>
    new ApiError(409, "team.closed", "The team can change only while the idea is a draft or submitted"),
  "team.already_member": () =>
    new ApiError(409, "team.already_member", "This colleague is already on the team or invited"),
  "team.full": () => new ApiError(409, "team.full", "An idea has at most 10 co-authors, invitations included"),
  "team.no_invitation": () => notFound("invitation"),
  "team.already_accepted": () => new ApiError(409, "team.already_accepted", "You are already on this idea's team"),
  "team.not_member": () => notFound("team member"),
  "team.author_not_removable": () =>
    new ApiError(409, "team.author_not_removable", "The author cannot be removed from their idea"),
};

const raced = () =>
  new ApiError(409, "team.conflict", "Someone changed this idea or its team at the same time; reload and try again");

export const invite: AppRouteHandler<typeof routes.invite> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const { userId } = c.req.valid("json");
  const db = c.var.db;
  const now = Date.now();
  const loaded = await loadIdea(db, actor, id);
  const plan = planInvitation({
    status: loaded.idea.status,
    team: loaded.team,
    actorId: actor.userId,
    inviteeId: userId,
  });
  if (!plan.ok) throw REFUSALS[plan.code]();
  const invitee = await getColleague(db, actor.agencyId, userId);
  if (!invitee) {
    throw validationError([
      { path: "json.userId", code: "idea.coauthor_unknown", message: "No such active colleague in your agency" },
    ]);
  }
  const { invited } = await runNamedBatch(
    db,
    inviteCoauthorStatements(db, { idea: loaded.idea, invitee, actorId: actor.userId, now }),
  );
  if (changesOf(invited) === 0) throw raced();
  return c.json(toIdeaDetail(await loadIdea(db, actor, id), now), 201);
};

export const accept: AppRouteHandler<typeof routes.accept> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const db = c.var.db;
  const now = Date.now();
  const loaded = await loadIdea(db, actor, id);
  const plan = planAcceptance({ status: loaded.idea.status, team: loaded.team, actorId: actor.userId });
  if (!plan.ok) throw REFUSALS[plan.code]();
  // nobody votes for an idea they co-author: the voting feature keeps that rule, so a voter is
  // asked to take their vote back rather than have it silently dropped (with its points)
  if (await hasVoted(db, id, actor.userId)) {
    throw new ApiError(409, "team.voted", "Take back your vote for this idea before joining its team");
  }
  const { accepted } = await runNamedBatch(
    db,
    acceptInvitationStatements(db, { idea: loaded.idea, userId: actor.userId, now }),
  );
  if (changesOf(accepted) === 0) throw raced();
  return c.json(toIdeaDetail(await loadIdea(db, actor, id), now), 200);
};

export const remove: AppRouteHandler<typeof routes.remove> = async (c) => {
  const actor = actorOf(c);
  const { id, userId } = c.req.valid("param");
  const db = c.var.db;
  const now = Date.now();
  const loaded = await loadIdea(db, actor, id);
  const plan = planRemoval({ status: loaded.idea.status, team: loaded.team, actorId: actor.userId, targetId: userId });
  if (!plan.ok) throw REFUSALS[plan.code]();
  const target = loaded.team.find((m) => m.userId === userId)!;
  const { removed } = await runNamedBatch(
    db,
    removeCoauthorStatements(db, {
      idea: loaded.idea,
      target: { id: target.userId, name: target.name },
      actorId: actor.userId,
      now,
    }),
  );
  if (changesOf(removed) === 0) throw raced();
  return c.body(null, 204);
};

export const myInvitations: AppRouteHandler<typeof routes.myInvitations> = async (c) => {
  const actor = actorOf(c);
  const { cursor, limit } = c.req.valid("query");
  const after = cursor ? decodeCursor(cursor, ["number", "number"] as const) : undefined;
  const rows = await listMyInvitations(c.var.db, actor.userId, limit, after);
  const page = pageOf(rows, limit, (r) => [r.invitedAt, r.ideaId]);
  return c.json(
    {
      items: page.items.map((r) => ({
        ideaId: r.ideaId,
        title: r.title,
        status: r.status,
        author: { id: r.authorId, name: r.authorName },
        invitedAt: iso(r.invitedAt),
      })),
      nextCursor: page.nextCursor,
    },
    200,
  );
};
