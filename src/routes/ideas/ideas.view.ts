/**
 * Loading an idea for a viewer and shaping it for the API: who the viewer is to the idea decides
 * what they may see (drafts: the team only) and which workflow steps they are offered.
 */
import type { Database } from "../../db/client";
import { listBlindSeatCampaignIds } from "../../db/queries/committee.queries";
import type { IdeaSummaryRow } from "../../db/queries/idea-list.queries";
import { getIdea, getIdeaContext, type IdeaRow } from "../../db/queries/ideas.queries";
import { currentPhase, isSubmissionOpen, isVotingOpen } from "../../domain/campaign-phase";
import { availableActions, type Capacity } from "../../domain/idea-status";
import { isHiddenFrom } from "../../domain/moderation";
import { can } from "../../domain/policy";
import { blindfold, isBlindFor, OPEN_EYES, proposersOf } from "../../domain/blind-review";
import { voteCountVisible } from "../../domain/voting";
import type { Actor } from "../../env";
import { notFound } from "../../lib/problem";
import { iso, isoOrNull } from "../../lib/time";

export type LoadedIdea = Awaited<ReturnType<typeof loadIdea>>;

/** The idea, its context and the viewer's capacities; 404 when the viewer may not see it. */
export async function loadIdea(db: Database, actor: Actor, id: number) {
  const idea = await getIdea(db, actor.agencyId, id);
  if (!idea) throw notFound("idea");
  const ctx = await getIdeaContext(db, idea, actor.userId);
  const membership = ctx.team.find((m) => m.userId === actor.userId);
  const isAuthor = membership?.acceptedAt != null;
  const isInvited = membership !== undefined && !isAuthor;
  if (idea.status === "draft" && !membership) throw notFound("idea");
  if (isHiddenFrom(idea, { isTeam: membership !== undefined, isAdmin: can(actor, "comment.moderate") })) {
    throw notFound("idea");
  }
  const capacities: Capacity[] = [
    ...(isAuthor ? (["author"] as const) : []),
    ...(ctx.seat === "chair" ? (["chair"] as const) : []),
    ...(actor.roles.includes("admin") ? (["admin"] as const) : []),
  ];
  return { idea, ...ctx, isAuthor, isInvited, capacities };
}

export function toIdeaDetail(loaded: LoadedIdea, now: number) {
  const { idea, campaign, unit, team, events, files, original } = loaded;
  const author = team.find((m) => m.role === "author");
  // blind review is enforced here, on the server: the answer itself carries no trace of the team
  const blind = isBlindFor({
    blindReview: campaign.blindReview,
    status: idea.status,
    seat: loaded.seat,
    isAuthor: loaded.isAuthor,
  });
  const accepted = team.filter((m) => m.acceptedAt !== null);
  const fold = blind
    ? blindfold(
        proposersOf(
          accepted.map((m) => ({ ...m, id: m.userId })),
          unit.name,
        ),
      )
    : OPEN_EYES;
  return {
    id: idea.id,
    title: idea.title,
    excerpt: idea.problem.slice(0, 240),
    status: idea.status,
    category: idea.category,
    unit: blind ? null : { id: unit.id, name: unit.name },
    author: blind ? null : { id: idea.authorId, name: author?.name ?? "" },
    voteCount: !blind && voteCountVisible(campaign, now) ? idea.voteCount : null,
    blind,
    commentCount: idea.commentCount,
    reviewScore: idea.reviewScore,
    replicationCount: idea.replicationCount,
    submittedAt: isoOrNull(idea.submittedAt),
    updatedAt: iso(idea.updatedAt),
    createdAt: iso(idea.createdAt),
    problem: idea.problem,
    solution: idea.solution,
    benefit: idea.benefit,
    targetService: idea.targetService,
    decisionReason: idea.decisionReason === null ? null : fold.text(idea.decisionReason),
    mergedIntoId: idea.mergedIntoId,
    replicates: original ? { id: original.id, title: original.title, agencyName: original.agencyName } : null,
    campaign: {
      id: campaign.id,
      title: campaign.title,
      kind: campaign.kind,
      phase: currentPhase(campaign, now),
      submissionOpen: isSubmissionOpen(campaign, now),
      votingOpen: isVotingOpen(campaign, now),
    },
    team: (blind ? [] : team).map((m) => ({
      userId: m.userId,
      name: m.name,
      position: m.position,
      unitName: m.unitName,
      role: m.role,
      accepted: m.acceptedAt !== null,
    })),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: e.reason === null ? null : fold.text(e.reason),
      at: iso(e.at),
      actor: e.actorId === null || fold.hides({ id: e.actorId }) ? null : { id: e.actorId, name: e.actorName ?? "" },
    })),
    attachments: files.map((f) => ({ ...f, createdAt: iso(f.createdAt) })),
    moderation: {
      hidden: idea.hiddenAt === null ? null : { reason: idea.hiddenReason ?? "", at: iso(idea.hiddenAt) },
      reportCount: loaded.capacities.includes("admin") ? idea.reportCount : null,
      reportedByMe: Boolean(loaded.standing.reportedByMe),
    },
    viewer: {
      isAuthor: loaded.isAuthor,
      isInvited: loaded.isInvited,
      committeeRole: loaded.seat,
      availableActions: availableActions(idea.status, loaded.capacities),
      myVote: Boolean(loaded.standing.myVote),
      following: Boolean(loaded.standing.following),
      remainingBudget: Math.max(0, loaded.standing.voteBudget - loaded.standing.votesUsed),
    },
  };
}

/**
 * The campaigns whose ideas under review the actor reviews blind; only someone with the reviewer
 * role can sit on a committee, so nobody else pays the query.
 */
export async function blindCampaignsOf(db: Database, actor: Actor): Promise<ReadonlySet<number>> {
  if (!actor.roles.includes("reviewer")) return new Set();
  return new Set((await listBlindSeatCampaignIds(db, actor.userId)).map((r) => r.campaignId));
}

/**
 * @param blindCampaigns campaigns whose ideas under review the viewer reviews blind (see
 * {@link blindCampaignsOf}); their rows carry no author, unit or vote count
 */
export function toIdeaSummary(r: IdeaSummaryRow, now: number, blindCampaigns?: ReadonlySet<number>) {
  const blind = isBlindFor({
    blindReview: blindCampaigns?.has(r.campaignId) ?? false,
    status: r.status,
    seat: "reviewer",
    isAuthor: false,
  });
  return {
    id: r.id,
    title: r.title,
    excerpt: r.problem,
    status: r.status,
    category: r.category,
    campaign: { id: r.campaignId, title: r.campaignTitle, kind: r.campaignKind },
    unit: blind ? null : { id: r.unitId, name: r.unitName },
    author: blind ? null : { id: r.authorId, name: r.authorName },
    blind,
    voteCount:
      !blind &&
      voteCountVisible(
        { kind: r.campaignKind, hideVotesUntilClosed: r.hideVotesUntilClosed, votingEnd: r.votingEnd },
        now,
      )
        ? r.voteCount
        : null,
    commentCount: r.commentCount,
    reviewScore: r.reviewScore,
    replicationCount: r.replicationCount,
    submittedAt: isoOrNull(r.submittedAt),
    updatedAt: iso(r.updatedAt),
  };
}

export type { IdeaRow };
