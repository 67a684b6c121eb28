import { changesOf, runNamedBatch } from "../../db/client";
import { getCampaign } from "../../db/queries/campaigns.queries";
import { getIdeaAccess } from "../../db/queries/idea-access.queries";
import { getIdea, getCommitteeSeat } from "../../db/queries/ideas.queries";
import {
  castVoteStatements,
  followIdea,
  getVoteState,
  listMyVotes,
  listVoteOrigins,
  noVote,
  retractVoteStatements,
  toVoteState,
  unfollowIdea,
  voteCastAt,
  voteStandingSql,
  type VoteStateRow,
} from "../../db/queries/votes.queries";
import { rewardStatementsWith } from "../../db/queries/rewards.queries";
import { campaigns, units } from "../../db/schema";
import { isVotingOpen } from "../../domain/campaign-phase";
import { isHiddenFrom } from "../../domain/moderation";
import { can } from "../../domain/policy";
import { BURST, retractRefusal, voteCountVisible, voteRefusal, voteSources as tally } from "../../domain/voting";
import type { Actor } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError, notFound } from "../../lib/problem";
import { iso } from "../../lib/time";
import { actorOf, authorize } from "../../middlewares/guard";
import { eq } from "drizzle-orm";
import type * as routes from "./voting.routes";

const DETAIL = {
  "vote.own_idea": "You cannot vote for an idea you wrote or co-wrote",
  "vote.idea_closed": "This idea no longer takes votes",
  "vote.phase_closed": "Voting is closed for this campaign",
  "vote.budget_exhausted": "You have used all your votes in this campaign; take one back to vote here",
} as const;

/** Who asks about an idea: a moderator also reaches a hidden one. */
const accessOf = (actor: Actor) => ({ userId: actor.userId, isModerator: can(actor, "comment.moderate") });

const refused = (code: keyof typeof DETAIL | null) =>
  code
    ? new ApiError(409, code, DETAIL[code])
    : new ApiError(409, "vote.conflict", "The idea changed at the same moment; try again");

/** Where the voter stands, or 404 for an idea the voter may not see (none in the agency, a draft, a hidden idea). */
function visibleState(row: VoteStateRow | null, actor: Actor): VoteStateRow {
  if (!row || (row.status === "draft" && !row.member)) throw notFound("idea");
  if (isHiddenFrom(row, { isTeam: Boolean(row.member), isAdmin: accessOf(actor).isModerator })) throw notFound("idea");
  return row;
}

function answer(row: VoteStateRow, now: number) {
  return {
    voted: Boolean(row.voted),
    voteCount: voteCountVisible(row, now) ? row.voteCount : null,
    remainingBudget: Math.max(0, row.voteBudget - row.used),
  };
}

const castRefusal = (row: VoteStateRow, now: number) =>
  voteRefusal({
    status: row.status,
    ownIdea: Boolean(row.ownIdea),
    votingOpen: isVotingOpen(row, now),
    used: row.used,
    budget: row.voteBudget,
  });

/**
 * Casts a vote in two round trips (issue 22): the session check, the reward state and where the
 * voter stands in one; then the guarded insert, the count (handing back the new count) and the
 * points in one batch. A vote already there, or one a rule refuses, writes nothing. Only a request
 * that raced another (the batch changed nothing although the standing said it would) reads the
 * standing again to say why.
 */
export const castVote: AppRouteHandler<typeof routes.castVote> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const now = Date.now();
  const input = {
    ideaId: c.req.valid("param").id,
    agencyId: actor.agencyId,
    userId: actor.userId,
    unitId: actor.unitId,
    now,
  };
  // the voter's and the team's points go in the same batch, paid only if this request added the vote
  const { statements: earned, alongside } = await rewardStatementsWith(
    db,
    {
      type: "vote_cast",
      agencyId: actor.agencyId,
      actorId: actor.userId,
      at: now,
      ideaId: input.ideaId,
      voterId: actor.userId,
    },
    { when: voteCastAt(input.ideaId, actor.userId, now), alongside: voteStandingSql(input), zone: actor.timeZone },
  );
  const before = visibleState(toVoteState(actor.userId, alongside), actor);
  if (before.voted) return c.json(answer(before, now), 200);
  const refusal = castRefusal(before, now);
  if (refusal) throw refused(refusal);
  const { vote, count } = await runNamedBatch(db, { ...castVoteStatements(db, input), earned });
  // the count as this write left it; the budget left as the standing saw it, plus this vote (another
  // vote of the same person racing this one shows in the next answer)
  if (changesOf(vote) === 1) {
    return c.json(answer({ ...before, voted: 1, voteCount: count[0]!.voteCount, used: before.used + 1 }, now), 200);
  }
  const after = visibleState(await getVoteState(db, input), actor);
  if (after.voted) return c.json(answer(after, now), 200);
  throw refused(castRefusal(after, now));
};

/** Takes a vote back in two round trips, as {@link castVote} casts it; without a vote it writes nothing. */
export const retractVote: AppRouteHandler<typeof routes.retractVote> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const now = Date.now();
  const input = { ideaId: c.req.valid("param").id, agencyId: actor.agencyId, userId: actor.userId, now };
  // what the vote earned is taken back in the same batch, only if the vote is gone
  const { statements: reversed, alongside } = await rewardStatementsWith(
    db,
    {
      type: "vote_retracted",
      agencyId: actor.agencyId,
      actorId: actor.userId,
      at: now,
      ideaId: input.ideaId,
      voterId: actor.userId,
    },
    { when: noVote(input.ideaId, actor.userId), alongside: voteStandingSql(input), zone: actor.timeZone },
  );
  const before = visibleState(toVoteState(actor.userId, alongside), actor);
  if (!before.voted) return c.json(answer(before, now), 200);
  const refusal = retractRefusal({ status: before.status, votingOpen: isVotingOpen(before, now) });
  if (refusal) throw refused(refusal);
  const { vote, count } = await runNamedBatch(db, { ...retractVoteStatements(db, input), reversed });
  if (changesOf(vote) === 1) {
    return c.json(answer({ ...before, voted: 0, voteCount: count[0]!.voteCount, used: before.used - 1 }, now), 200);
  }
  const after = visibleState(await getVoteState(db, input), actor);
  if (!after.voted) return c.json(answer(after, now), 200);
  throw refused(retractRefusal({ status: after.status, votingOpen: isVotingOpen(after, now) }));
};

export const myVotes: AppRouteHandler<typeof routes.myVotes> = async (c) => {
  const actor = actorOf(c);
  const campaign = await getCampaign(c.var.db, actor.agencyId, c.req.valid("param").id);
  if (!campaign) throw notFound("campaign");
  const ideaIds = (await listMyVotes(c.var.db, actor.userId, campaign.id)).map((v) => v.ideaId);
  const used = ideaIds.length;
  return c.json(
    { budget: campaign.voteBudget, used, remaining: Math.max(0, campaign.voteBudget - used), ideaIds },
    200,
  );
};

export const voteSources: AppRouteHandler<typeof routes.voteSources> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const idea = await getIdea(db, actor.agencyId, c.req.valid("param").id);
  // a draft has no votes, and only its team may know it exists
  if (!idea || idea.status === "draft") throw notFound("idea");
  const { seat, campaign, unit, origins } = await runNamedBatch(db, {
    seat: getCommitteeSeat(db, idea.campaignId, actor.userId),
    campaign: db
      .select({ blindReview: campaigns.blindReview })
      .from(campaigns)
      .where(eq(campaigns.id, idea.campaignId)),
    unit: db.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, idea.unitId)),
    origins: listVoteOrigins(db, idea.id),
  });
  authorize(actor, "vote.read_sources", {
    agencyId: idea.agencyId,
    seat: seat[0]?.role ?? null,
    blindReview: campaign[0]?.blindReview ?? false,
  });
  const sources = tally(origins, idea.unitId);
  const w = sources.burst.window;
  return c.json(
    {
      total: sources.total,
      authorUnit: unit[0]!,
      authorUnitShare: sources.authorUnitShare,
      units: sources.units,
      burst: {
        flagged: sources.burst.flagged,
        window: w ? { start: iso(w.start), end: iso(w.end), votes: w.votes, fromAuthorUnit: w.fromAuthorUnit } : null,
        rule: {
          minVotes: BURST.minVotes,
          windowMinutes: BURST.windowMs / 60_000,
          windowShare: BURST.windowShare,
          unitShare: BURST.unitShare,
        },
      },
    },
    200,
  );
};

export const follow: AppRouteHandler<typeof routes.follow> = async (c) => {
  const actor = actorOf(c);
  const idea = await getIdeaAccess(c.var.db, actor.agencyId, c.req.valid("param").id, accessOf(actor));
  if (!idea) throw notFound("idea");
  await followIdea(c.var.db, idea.id, actor.userId, Date.now());
  return c.json({ following: true }, 200);
};

export const unfollow: AppRouteHandler<typeof routes.unfollow> = async (c) => {
  const actor = actorOf(c);
  const idea = await getIdeaAccess(c.var.db, actor.agencyId, c.req.valid("param").id, accessOf(actor));
  if (!idea) throw notFound("idea");
  await unfollowIdea(c.var.db, idea.id, actor.userId);
  return c.json({ following: false }, 200);
};
