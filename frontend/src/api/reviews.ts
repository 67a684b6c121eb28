import { api, signalled } from "./client";
import { readJson } from "./read-json";

const v1 = api.api.v1;
const param = (id: number) => ({ param: { id: String(id) } });

// ── the reviewer ───────────────────────────────────────────────────────────────────────────

/**
 * A page of my assignments, soonest due first, with the counts of my whole queue.
 * @param state `open` (not submitted yet) or `submitted`; both when left out
 */
export async function listMyReviews(state?: "open" | "submitted", cursor?: string, limit = 50) {
  return readJson(
    await v1.reviews.mine.$get({
      query: { ...(state ? { state } : {}), ...(cursor ? { cursor } : {}), limit: String(limit) },
    }),
  );
}

export type ReviewQueue = Awaited<ReturnType<typeof listMyReviews>>;
export type QueueItem = ReviewQueue["items"][number];
export type ReviewState = QueueItem["state"];
export type Recommendation = NonNullable<QueueItem["recommendation"]>;

/** The recommendations in the order forms offer them. */
export { RECOMMENDATIONS } from "./contract";

/** The idea to review, the rubric and my review so far; authors withheld in blind review. @throws ApiProblem 403, 404 */
export async function getAssignment(id: number, signal?: AbortSignal) {
  return readJson(await v1.assignments[":id"].$get(param(id), signalled(signal)));
}

export type AssignmentDetail = Awaited<ReturnType<typeof getAssignment>>;
export type RubricCriterion = AssignmentDetail["rubric"][number];
export type Review = NonNullable<AssignmentDetail["review"]>;

export type ReviewDraft = { scores: Record<string, number>; note: string; recommendation: Recommendation | null };

/**
 * Saves the whole draft (what is left out is cleared).
 * @throws ApiProblem 422 `review.score_out_of_range` on `json.scores.<key>`; 409 `review.already_submitted`, `review.closed`
 */
export async function saveReviewDraft(id: number, draft: ReviewDraft) {
  return readJson(await v1.assignments[":id"].review.$put({ ...param(id), json: draft }));
}

/**
 * Submits the saved draft.
 * @throws ApiProblem 422 `review.score_missing` (`scores.<key>`), `review.recommendation_missing`; 409 `review.conflict`, …
 */
export async function submitReview(id: number) {
  return readJson(await v1.assignments[":id"].review.submit.$post(param(id)));
}

/** Sends a submitted review back to its reviewer as a draft (the chair). @throws ApiProblem 409 `review.not_submitted` */
export async function reopenReview(id: number, reason: string) {
  return readJson(await v1.assignments[":id"].review.reopen.$post({ ...param(id), json: { reason } }));
}

// ── the chair ──────────────────────────────────────────────────────────────────────────────

/** The committee, chairs first, with each member's progress. @throws ApiProblem 403, 404 */
export async function getCommittee(campaignId: number, signal?: AbortSignal) {
  return readJson(await v1.campaigns[":id"].committee.$get(param(campaignId), signalled(signal)));
}

export type Committee = Awaited<ReturnType<typeof getCommittee>>;
export type CommitteeMember = Committee["members"][number];
export type CommitteeSeat = { userId: number; role: CommitteeMember["role"] };

/**
 * Sets the whole committee (the admin). With `reassign`, the open assignments of the members left
 * out move to the remaining reviewers in the same change.
 * @throws ApiProblem 422 `committee.unknown_user` / `not_a_reviewer` / `duplicate_member` / `chair_required`,
 *   409 `committee.member_has_assignments`, `committee.no_eligible_reviewer`
 */
export async function saveCommittee(campaignId: number, members: CommitteeSeat[], reassign: boolean) {
  return readJson(
    await v1.campaigns[":id"].committee.$put({
      ...param(campaignId),
      json: reassign ? { members, reassign } : { members },
    }),
  );
}

/** People the admin may seat, by name or NIP, with their unit, roles and conflicts with the campaign. */
export async function searchCandidates(campaignId: number, q: string, signal?: AbortSignal) {
  const { items } = await readJson(
    await v1.campaigns[":id"].committee.candidates.$get({ ...param(campaignId), query: { q } }, signalled(signal)),
  );
  return items;
}

export type Candidate = Awaited<ReturnType<typeof searchCandidates>>[number];

/** Where an idea's votes came from and whether they arrived in a burst (admin, chair). @throws ApiProblem 403 */
export async function getVoteSources(ideaId: number, signal?: AbortSignal) {
  return readJson(await v1.ideas[":id"]["vote-sources"].$get(param(ideaId), signalled(signal)));
}

export type VoteSources = Awaited<ReturnType<typeof getVoteSources>>;

export type ReviewSelection = { mode: "all" } | { mode: "top"; k: number } | { mode: "threshold"; minVotes: number };

/**
 * Moves the selected submitted ideas into review and assigns reviewers.
 * @throws ApiProblem 409 `review.voting_open`, `committee.no_reviewers`; 422 `review.due_in_past`
 */
export async function startReview(campaignId: number, selection: ReviewSelection, dueAt: string) {
  return readJson(await v1.campaigns[":id"].review.start.$post({ ...param(campaignId), json: { selection, dueAt } }));
}

export type ReviewStartResult = Awaited<ReturnType<typeof startReview>>;

/** Every assignment of the campaign. */
export async function listCampaignAssignments(campaignId: number, signal?: AbortSignal) {
  const { items } = await readJson(await v1.campaigns[":id"].assignments.$get(param(campaignId), signalled(signal)));
  return items;
}

export type Assignment = Awaited<ReturnType<typeof listCampaignAssignments>>[number];

/**
 * Assigns a committee member to an idea under review by hand.
 * @throws ApiProblem 409 `assignment.conflict_of_interest`, `assignment.duplicate`, `assignment.idea_not_in_review`
 */
export async function assignReviewer(ideaId: number, reviewerId: number, dueAt: string) {
  return readJson(await v1.ideas[":id"].assignments.$post({ ...param(ideaId), json: { reviewerId, dueAt } }));
}

/** Withdraws an assignment and its draft. @throws ApiProblem 409 `assignment.review_submitted` */
export async function withdrawAssignment(id: number): Promise<void> {
  await v1.assignments[":id"].$delete(param(id));
}

/** The ranking of the campaign's reviewed ideas, on raw or per-reviewer normalised scores. */
export async function getRanking(campaignId: number, normalised: boolean, signal?: AbortSignal) {
  return readJson(
    await v1.campaigns[":id"].ranking.$get(
      {
        ...param(campaignId),
        query: { normalised: normalised ? "true" : "false" },
      },
      signalled(signal),
    ),
  );
}

export type Ranking = Awaited<ReturnType<typeof getRanking>>;
export type RankedIdea = Ranking["items"][number];

/** Where the CSV downloads come from (the Worker answers them as attachments). */
export const rankingCsvUrl = (campaignId: number, normalised: boolean, separator: "comma" | "semicolon" = "comma") =>
  `/api/v1/campaigns/${campaignId}/ranking.csv?normalised=${normalised}${separator === "semicolon" ? "&separator=semicolon" : ""}`;
export const reviewsCsvUrl = (campaignId: number, separator: "comma" | "semicolon" = "comma") =>
  `/api/v1/campaigns/${campaignId}/reviews.csv${separator === "semicolon" ? "?separator=semicolon" : ""}`;
