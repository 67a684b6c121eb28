/**
 * What a person may do, as `/auth/me` tells the SPA: each ability is a policy action asked without
 * an object, so the answer is what the person may do anywhere in their agency. An object can allow
 * more (a chair's seat on one committee, the author of one idea); the object's own answer says so.
 */
import { can, type Action, type Actor } from "./policy";

export const ABILITIES = {
  /** browse, submit, vote, comment: every ASN (an external reviewer may not) */
  participate: "idea.participate",
  /** the queue of ideas assigned for review */
  reviewIdeas: "review.queue",
  /** the dashboards and exports of the agency */
  readStats: "stats.read",
  announceAwards: "award.announce",
  /** the agency's settings: name, emblem, public pages, signer, sign-in provider */
  configureAgency: "agency.configure",
  /** the platform's agencies */
  manageAgencies: "agency.manage",
  manageUnits: "unit.manage",
  manageUsers: "user.manage",
  readAudit: "audit.read",
  manageWebhooks: "webhook.manage",
  manageServiceTokens: "token.manage_service",
  manageCampaigns: "campaign.manage",
  manageCommittees: "committee.manage",
  /** open review, assign reviewers, read the ranking of every campaign (a chair: of their own) */
  manageReviews: "review.manage",
  /** where any idea's votes came from (a committee seat can allow it for one campaign) */
  readVoteSources: "vote.read_sources",
  manageCompetitions: "competition.manage",
  manageRewardRules: "reward.rules_manage",
  /** anyone's point ledger, certificates included */
  readLedgers: "reward.read_ledger",
  /** hide and restore ideas and comments, read the reports */
  moderate: "content.moderate",
  /** hide a comment with a reason */
  moderateComments: "comment.moderate",
  manageProblems: "problem.manage",
  openCampaignFromProblem: "problem.open_campaign",
} as const satisfies Record<string, Action>;

export type Ability = keyof typeof ABILITIES;
export const ABILITY_NAMES = Object.keys(ABILITIES) as Ability[];
export type Abilities = Record<Ability, boolean>;

/**
 * @param actor the signed-in person
 * @example abilitiesOf(actor).moderate // true for the agency admin
 */
export function abilitiesOf(actor: Actor): Abilities {
  return Object.fromEntries(ABILITY_NAMES.map((name) => [name, can(actor, ABILITIES[name])])) as Abilities;
}
