/**
 * Who may do what. One table of rules; routes ask through guards (`middlewares/guard.ts`) and
 * handlers through {@link decide}. Tenancy first: an object of another agency is "not_found"
 * (404, so ids do not leak), never "forbidden".
 */
import type { Role } from "./roles";

export type Actor = {
  userId: number;
  agencyId: number;
  unitId: number;
  roles: readonly Role[];
};

/** What the rule needs to know about the object acted on. */
export type Target = {
  agencyId?: number;
  ownerId?: number;
  roles?: readonly Role[];
  /** the actor's seat on the committee of the campaign concerned */
  seat?: "reviewer" | "chair" | null;
  /** the campaign concerned reviews blind: its reviewers see neither authors, units nor votes */
  blindReview?: boolean;
};

export type Decision = "allow" | "forbidden" | "not_found";

const has = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));
const isSelf = (actor: Actor, target: Target) => target.ownerId !== undefined && target.ownerId === actor.userId;

const RULES = {
  /** platform: list, create, deactivate and reactivate agencies */
  "agency.manage": (a: Actor) => has(a, "superadmin"),
  /** the agency's own name, emblem, public pages and certificate signer */
  "agency.configure": (a: Actor) => has(a, "admin"),
  /** read the agency's unit tree and colleagues (names, units, positions) */
  "directory.read": () => true,
  "unit.manage": (a: Actor) => has(a, "admin"),
  /**
   * create, edit, deactivate, import, reset a password. An account that holds `superadmin` is
   * managed by a superadmin only: an agency admin who could reset its password could become one.
   */
  "user.manage": (a: Actor, t: Target) => has(a, "admin") && (!t.roles?.includes("superadmin") || has(a, "superadmin")),
  /** grant or revoke the `superadmin` role */
  "role.grant_superadmin": (a: Actor) => has(a, "superadmin"),
  /** NIP, e-mail, sign-in state: the admin of the agency, or the person themself (UU PDP) */
  "user.read_private": (a: Actor, t: Target) => has(a, "admin") || isSelf(a, t),
  "audit.read": (a: Actor) => has(a, "admin"),
  /** register and stop the agency's webhooks, read their delivery log */
  "webhook.manage": (a: Actor) => has(a, "admin"),
  /** create, list and revoke the agency's service API tokens (tied to no person) */
  "token.manage_service": (a: Actor) => has(a, "admin"),
  "self.manage": (a: Actor, t: Target) => isSelf(a, t),
  /** create and change campaigns, their phases and rubric */
  "campaign.manage": (a: Actor) => has(a, "admin"),
  /** the innovation dashboards and exports of the agency */
  "stats.read": (a: Actor) => has(a, "leader", "admin"),
  /** read campaigns and listed ideas, submit ideas, vote, comment: every ASN of the agency */
  "idea.participate": (a: Actor) => has(a, "asn"),
  /** publish a new version of the agency's reward rules */
  "reward.rules_manage": (a: Actor) => has(a, "admin"),
  /** a person's point ledger: the person themself, or the agency admin */
  "reward.read_ledger": (a: Actor, t: Target) => isSelf(a, t) || has(a, "admin"),
  /** announce an award (recognition with bonus points) and sign its certificates: a leader */
  "award.announce": (a: Actor) => has(a, "leader"),
  /** download an award's certificate: its recipient (`ownerId`; none for a unit), the agency's leaders and admins */
  "award.certificate": (a: Actor, t: Target) => isSelf(a, t) || has(a, "leader", "admin"),
  /** seat reviewers and chairs on a campaign's committee */
  "committee.manage": (a: Actor) => has(a, "admin"),
  /** see a campaign's committee and its progress: the admin and the committee itself */
  "committee.read": (a: Actor, t: Target) => has(a, "admin") || (t.seat ?? null) !== null,
  /** open review, assign reviewers, read the ranking and the exports: the chair or the admin */
  "review.manage": (a: Actor, t: Target) => has(a, "admin") || t.seat === "chair",
  /** configure a competition's rounds and gates, open and close rounds, invite external reviewers */
  "competition.manage": (a: Actor) => has(a, "admin"),
  /** enter an innovation into a competition: its team (`ownerId` set to the actor when they are on it) or the admin */
  "competition.enter": (a: Actor, t: Target) => has(a, "admin") || (has(a, "asn") && isSelf(a, t)),
  /** declare a conflict and score a round assignment: its reviewer (`ownerId`), internal or guest */
  "round.score": (a: Actor, t: Target) => isSelf(a, t),
  /** keep a queue of ideas to review (the reviewer role; each assignment is checked by `review.write`) */
  "review.queue": (a: Actor) => has(a, "reviewer"),
  /** reopen a submitted review: the chair only */
  "review.reopen": (_a: Actor, t: Target) => t.seat === "chair",
  /** score an assignment: the reviewer it is assigned to (`ownerId`) */
  "review.write": (a: Actor, t: Target) => isSelf(a, t),
  /** read an assignment and its review: its reviewer, the chair, the admin */
  "review.read": (a: Actor, t: Target) => isSelf(a, t) || has(a, "admin") || t.seat === "chair",
  /**
   * where an idea's votes came from (per unit, bursts): the admin, the chair, and the reviewers of
   * the campaign unless it reviews blind
   */
  "vote.read_sources": (a: Actor, t: Target) =>
    has(a, "admin") || t.seat === "chair" || (t.seat === "reviewer" && t.blindReview !== true),
  /** edit or delete a comment: its author (`ownerId`) */
  "comment.write_own": (a: Actor, t: Target) => isSelf(a, t),
  /** hide a comment with a reason and read the reported ones: the agency admin */
  "comment.moderate": (a: Actor) => has(a, "admin"),
  /** hide, restore and dismiss the reports of ideas and comments, read the moderation queues: the agency admin */
  "content.moderate": (a: Actor) => has(a, "admin"),
  /** read the problem bank: every signed-in person of the agency */
  "problem.read": () => true,
  /** import complaints, write challenges, rename, merge and split problems: the agency admin */
  "problem.manage": (a: Actor) => has(a, "admin"),
  /** open a campaign from a problem: a leader (or the admin, who runs campaigns anyway) */
  "problem.open_campaign": (a: Actor) => has(a, "leader", "admin"),
} satisfies Record<string, (actor: Actor, target: Target) => boolean>;

export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];

/**
 * @param actor the signed-in person
 * @param action what they want to do
 * @param target the object's agency and owner, when there is one
 * @example decide(actor, "user.manage", { agencyId: user.agencyId }) // "allow" | "forbidden" | "not_found"
 */
export function decide(actor: Actor, action: Action, target: Target = {}): Decision {
  const crossAgency = target.agencyId !== undefined && target.agencyId !== actor.agencyId;
  if (crossAgency && !(action === "agency.manage" && has(actor, "superadmin"))) return "not_found";
  return RULES[action](actor, target) ? "allow" : "forbidden";
}

export const can = (actor: Actor, action: Action, target: Target = {}) => decide(actor, action, target) === "allow";
