/**
 * The idea workflow as a pure state machine. Each transition names who may make it and whether
 * the person told "no" must be given a reason.
 *
 *   draft ─submit─► submitted ─start_review─► in_review ─► shortlisted ─► approved ─► implemented
 *     │                │                        │              │
 *     └─ withdrawn ◄───┘                        └──► rejected ◄┘        merged (a duplicate)
 */
export const IDEA_STATUSES = [
  "draft",
  "submitted",
  "in_review",
  "shortlisted",
  "approved",
  "implemented",
  "rejected",
  "withdrawn",
  "merged",
] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** The statuses of an idea out in the open: the idea list's filter, the library's count of replicas. */
export const LISTED_STATUSES = [
  "submitted",
  "in_review",
  "shortlisted",
  "approved",
  "implemented",
  "rejected",
] as const satisfies readonly IdeaStatus[];

/** In what capacity a person acts on an idea. */
export type Capacity = "author" | "chair" | "admin";

type Transition = { from: readonly IdeaStatus[]; to: IdeaStatus; by: readonly Capacity[]; reasonRequired: boolean };

export const TRANSITIONS = {
  submit: { from: ["draft"], to: "submitted", by: ["author"], reasonRequired: false },
  withdraw: { from: ["draft", "submitted"], to: "withdrawn", by: ["author"], reasonRequired: true },
  start_review: { from: ["submitted"], to: "in_review", by: ["chair", "admin"], reasonRequired: false },
  shortlist: { from: ["in_review"], to: "shortlisted", by: ["chair"], reasonRequired: false },
  approve: { from: ["in_review", "shortlisted"], to: "approved", by: ["chair"], reasonRequired: false },
  reject: { from: ["in_review", "shortlisted"], to: "rejected", by: ["chair"], reasonRequired: true },
  implement: { from: ["approved"], to: "implemented", by: ["chair", "admin"], reasonRequired: false },
  merge: {
    from: ["submitted", "in_review", "shortlisted"],
    to: "merged",
    by: ["chair", "admin"],
    reasonRequired: true,
  },
} as const satisfies Record<string, Transition>;

export type IdeaAction = keyof typeof TRANSITIONS;
export const IDEA_ACTIONS = Object.keys(TRANSITIONS) as IdeaAction[];

export type TransitionRefusal =
  | "transition.invalid_from_status"
  | "transition.not_permitted"
  | "transition.reason_required"
  | "idea.submission_closed"
  | "review.voting_open";

export type TransitionPlan =
  { ok: true; from: IdeaStatus; to: IdeaStatus; reason: string | null } | { ok: false; code: TransitionRefusal };

/**
 * Decides whether `action` may move an idea now.
 * @param status the idea's current status
 * @param context `capacities`: how the actor relates to the idea; `submissionOpen`, `reviewOpen`: the
 * campaign's phase (`isSubmissionOpen`, `isReviewOpen`), which a submission and a start of review need
 * @example planTransition("draft", "submit", { capacities: ["author"], submissionOpen: true }) // { ok: true, to: "submitted", … }
 */
export function planTransition(
  status: IdeaStatus,
  action: IdeaAction,
  context: { capacities: readonly Capacity[]; reason?: string | null; submissionOpen?: boolean; reviewOpen?: boolean },
): TransitionPlan {
  const t: Transition = TRANSITIONS[action];
  if (!t.by.some((c) => context.capacities.includes(c))) return { ok: false, code: "transition.not_permitted" };
  if (!t.from.includes(status)) return { ok: false, code: "transition.invalid_from_status" };
  const reason = context.reason?.trim() || null;
  if (t.reasonRequired && !reason) return { ok: false, code: "transition.reason_required" };
  if (action === "submit" && !context.submissionOpen) return { ok: false, code: "idea.submission_closed" };
  if (action === "start_review" && !context.reviewOpen) return { ok: false, code: "review.voting_open" };
  return { ok: true, from: status, to: t.to, reason };
}

/** The actions a person could take now (for buttons); phase checks happen when they act. */
export function availableActions(status: IdeaStatus, capacities: readonly Capacity[]): IdeaAction[] {
  return IDEA_ACTIONS.filter((a) => {
    const t: Transition = TRANSITIONS[a];
    return t.from.includes(status) && t.by.some((c) => capacities.includes(c));
  });
}

export type MergeTargetRefusal = "idea.merge_target_invalid" | "idea.merge_other_campaign";

/**
 * Where a duplicate may be merged: into a listed idea of its own campaign. Votes count against
 * their campaign's budget; supporters moved into another campaign could hold more live votes there
 * than its budget allows, and their "my votes" would no longer agree with the ideas.
 */
export function mergeTargetRefusal(
  duplicate: { campaignId: number },
  survivor: { campaignId: number; listed: boolean },
): MergeTargetRefusal | null {
  if (!survivor.listed) return "idea.merge_target_invalid";
  if (survivor.campaignId !== duplicate.campaignId) return "idea.merge_other_campaign";
  return null;
}

/** What a submitted idea must say; drafts may be incomplete. Minimum lengths in characters. */
export const SUBMISSION_MINIMUMS = { problem: 30, solution: 30, benefit: 15 } as const;

/** @returns the fields too short to submit, with the minimum each needs */
export function missingForSubmission(idea: Record<keyof typeof SUBMISSION_MINIMUMS, string>) {
  return (Object.keys(SUBMISSION_MINIMUMS) as (keyof typeof SUBMISSION_MINIMUMS)[])
    .filter((field) => idea[field].trim().length < SUBMISSION_MINIMUMS[field])
    .map((field) => ({ field, min: SUBMISSION_MINIMUMS[field] }));
}
