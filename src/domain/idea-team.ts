/**
 * The team of an idea: its author and co-authors. A colleague is invited and counts as an author
 * (edits the draft, submits, is credited) only once they accept. The team is formed while the
 * idea is a draft or submitted; once review starts, who wrote it is settled (reviewers are chosen
 * among people who did not).
 */
import type { IdeaStatus } from "./idea-status";

/** Co-authors per idea, invitations included; the author comes on top. */
export const MAX_COAUTHORS = 10;

/** Statuses in which the team may change. */
export const TEAM_OPEN_STATUSES = ["draft", "submitted"] as const satisfies readonly IdeaStatus[];

export type TeamMember = { userId: number; role: "author" | "coauthor"; acceptedAt: number | null };

export type TeamRefusal =
  | "team.not_permitted"
  | "team.closed"
  | "team.already_member"
  | "team.full"
  | "team.no_invitation"
  | "team.already_accepted"
  | "team.not_member"
  | "team.author_not_removable";

export type TeamPlan = { ok: true } | { ok: false; code: TeamRefusal };

const isOpen = (status: IdeaStatus) => (TEAM_OPEN_STATUSES as readonly IdeaStatus[]).includes(status);
const refuse = (code: TeamRefusal): TeamPlan => ({ ok: false, code });
const memberOf = (team: readonly TeamMember[], userId: number) => team.find((m) => m.userId === userId);

/**
 * The author or an accepted co-author invites a colleague (who is checked to be an active member
 * of the agency elsewhere).
 * @example planInvitation({ status: "draft", team, actorId: 7, inviteeId: 9 }) // { ok: true }
 */
export function planInvitation(input: {
  status: IdeaStatus;
  team: readonly TeamMember[];
  actorId: number;
  inviteeId: number;
}): TeamPlan {
  const { status, team, actorId, inviteeId } = input;
  if (memberOf(team, actorId)?.acceptedAt == null) return refuse("team.not_permitted");
  if (!isOpen(status)) return refuse("team.closed");
  if (memberOf(team, inviteeId)) return refuse("team.already_member");
  if (team.filter((m) => m.role === "coauthor").length >= MAX_COAUTHORS) return refuse("team.full");
  return { ok: true };
}

/** The invited person accepts their own invitation. */
export function planAcceptance(input: { status: IdeaStatus; team: readonly TeamMember[]; actorId: number }): TeamPlan {
  const member = memberOf(input.team, input.actorId);
  if (!member) return refuse("team.no_invitation");
  if (member.acceptedAt !== null) return refuse("team.already_accepted");
  if (!isOpen(input.status)) return refuse("team.closed");
  return { ok: true };
}

/**
 * The author removes a co-author or withdraws an invitation; a co-author leaves, or an invited
 * person declines. A pending invitation can go at any time (nobody is credited by it); an accepted
 * co-author only while the team is open.
 */
export function planRemoval(input: {
  status: IdeaStatus;
  team: readonly TeamMember[];
  actorId: number;
  targetId: number;
}): TeamPlan {
  const { status, team, actorId, targetId } = input;
  const target = memberOf(team, targetId);
  if (!target) return refuse("team.not_member");
  const actor = memberOf(team, actorId);
  const actorIsAuthor = actor?.role === "author" && actor.acceptedAt !== null;
  if (!actorIsAuthor && actorId !== targetId) return refuse("team.not_permitted");
  if (target.role === "author") return refuse("team.author_not_removable");
  if (target.acceptedAt !== null && !isOpen(status)) return refuse("team.closed");
  return { ok: true };
}
