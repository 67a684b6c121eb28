import { createRoute, z } from "@hono/zod-openapi";
import { IdParams, json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import {
  AssignBody,
  AssignmentDetailSchema,
  AssignmentSchema,
  CandidateListSchema,
  CandidateQuery,
  CommitteeBody,
  CommitteeSchema,
  ExportQuery,
  ImplementationBody,
  ImplementationSchema,
  ImplementationUpdateBody,
  ImplementationUpdateListSchema,
  ImplementationUpdateQuery,
  ImplementationUpdateSchema,
  QueueQuery,
  QueueSchema,
  RankingQuery,
  RankingSchema,
  ReopenBody,
  ReviewDraftBody,
  ReviewSchema,
  ReviewStartBody,
  ReviewStartSchema,
} from "./reviews.schemas";

const tags = ["reviews"];
const middleware = [guard()];

const csv = (description: string) => ({
  description: `${description}. UTF-8 with a BOM, CRLF, RFC 4180 quoting, headers in Bahasa Indonesia; \`Content-Disposition: attachment\`.`,
  content: { "text/csv": { schema: z.string() } },
});

export const getCommittee = createRoute({
  method: "get",
  path: "/campaigns/{id}/committee",
  tags,
  summary: "A campaign's review committee with each member's progress (admin, committee members)",
  middleware,
  request: { params: IdParams },
  responses: { 200: json(CommitteeSchema, "The committee, chairs first"), ...problems(401, 403, 404) },
});

export const putCommittee = createRoute({
  method: "put",
  path: "/campaigns/{id}/committee",
  tags,
  summary: "Set a campaign's committee (agency admin)",
  description:
    "The body is the whole committee. Members are active users of the agency with the `reviewer` role (422 `committee.unknown_user`, `committee.not_a_reviewer`, `committee.duplicate_member` on the member); at least one chair (422 `committee.chair_required`). A member who still has open (unsubmitted) assignments is removed only with `reassign: true`, which moves those assignments to the remaining reviewers in the same batch; otherwise 409 `committee.member_has_assignments`. 409 `committee.no_eligible_reviewer` when an open assignment has nobody left who may take it (nothing changes). Removed members are notified (`committee_removed`), reviewers who receive an assignment too (`review_assigned`). Submitted reviews stay with their reviewer and keep counting. Audited.",
  middleware,
  request: { params: IdParams, body: jsonBody(CommitteeBody) },
  responses: { 200: json(CommitteeSchema, "The committee as it is now"), ...problems(401, 403, 404, 409, 422) },
});

export const committeeCandidates = createRoute({
  method: "get",
  path: "/campaigns/{id}/committee/candidates",
  tags,
  summary: "People of the agency an admin may seat on the committee, with their conflicts (agency admin)",
  description:
    "Up to 20 active people whose name contains `q` or whose NIP starts with it, with unit, position, NIP, whether they hold the `reviewer` role, their seat if any, and how many ideas of the campaign they (co-)authored or come from their unit.",
  middleware,
  request: { params: IdParams, query: CandidateQuery },
  responses: { 200: json(CandidateListSchema, "Matching people, by name"), ...problems(401, 403, 404, 422) },
});

export const startReview = createRoute({
  method: "post",
  path: "/campaigns/{id}/review/start",
  tags,
  summary: "Open review: move the selected submitted ideas to review and assign reviewers (chair or admin)",
  description:
    "Each selected idea takes the `start_review` step (with its event) and gets the campaign's `reviewersPerIdea` reviewers from the committee's reviewers (not the chairs): balanced load, never an author or co-author, never a reviewer of a related unit when the campaign excludes them. Ideas with too few eligible reviewers get all there are and are listed in `shortfalls`. Refusals: 409 `review.voting_open` (a competition still voting), 409 `committee.no_reviewers`, 422 `review.due_in_past`.",
  middleware,
  request: { params: IdParams, body: jsonBody(ReviewStartBody) },
  responses: { 200: json(ReviewStartSchema, "What was started and assigned"), ...problems(401, 403, 404, 409, 422) },
});

export const listAssignments = createRoute({
  method: "get",
  path: "/campaigns/{id}/assignments",
  tags,
  summary: "Every assignment of a campaign, by idea (chair or admin)",
  middleware,
  request: { params: IdParams },
  responses: {
    200: json(z.object({ items: z.array(AssignmentSchema) }).openapi("AssignmentList"), "The assignments"),
    ...problems(401, 403, 404),
  },
});

export const assign = createRoute({
  method: "post",
  path: "/ideas/{id}/assignments",
  tags,
  summary: "Assign a reviewer to an idea under review by hand (chair or admin)",
  description:
    "The reviewer must sit on the committee (422 `assignment.not_on_committee`). 409 `assignment.conflict_of_interest` for an author, a co-author or (when the campaign excludes it) a reviewer of a related unit; 409 `assignment.duplicate`; 409 `assignment.idea_not_in_review`.",
  middleware,
  request: { params: IdParams, body: jsonBody(AssignBody) },
  responses: { 201: json(AssignmentSchema, "The assignment"), ...problems(401, 403, 404, 409, 422) },
});

export const unassign = createRoute({
  method: "delete",
  path: "/assignments/{id}",
  tags,
  summary: "Withdraw an assignment and its draft (chair or admin)",
  description: "409 `assignment.review_submitted` once the review is submitted (reopen it first).",
  middleware,
  request: { params: IdParams },
  responses: { 204: { description: "Withdrawn" }, ...problems(401, 403, 404, 409) },
});

export const myQueue = createRoute({
  method: "get",
  path: "/reviews/mine",
  tags,
  summary: "My review queue: assignments soonest due first, with progress",
  middleware,
  request: { query: QueueQuery },
  responses: { 200: json(QueueSchema, "A page of my assignments"), ...problems(400, 401, 422) },
});

export const getAssignment = createRoute({
  method: "get",
  path: "/assignments/{id}",
  tags,
  summary: "An assignment: the idea to review, the rubric and the review so far (its reviewer, the chair, the admin)",
  description:
    "In a blind campaign, the reviewer gets the idea without its authors, team, unit and vote count (`blind: true`; those fields are null); so does a chair reading their own assignment (they score blind too), while a chair overseeing another reviewer's assignment sees them.",
  middleware,
  request: { params: IdParams },
  responses: { 200: json(AssignmentDetailSchema, "The assignment"), ...problems(401, 403, 404) },
});

export const saveDraft = createRoute({
  method: "put",
  path: "/assignments/{id}/review",
  tags,
  summary: "Save my review as a draft (the assigned reviewer)",
  description:
    "422 `review.unknown_criterion` / `review.score_out_of_range` on `json.scores.<key>`. 409 `review.already_submitted`, 409 `review.closed` when the idea is no longer under review.",
  middleware,
  request: { params: IdParams, body: jsonBody(ReviewDraftBody) },
  responses: { 200: json(ReviewSchema, "The saved draft"), ...problems(401, 403, 404, 409, 422) },
});

export const submitReview = createRoute({
  method: "post",
  path: "/assignments/{id}/review/submit",
  tags,
  summary: "Submit my saved draft (the assigned reviewer); the idea's score is recomputed",
  description:
    "Needs a score on every criterion and a recommendation: 422 `review.score_missing` (`scores.<key>`), `review.recommendation_missing`. 409 `review.not_started`, `review.already_submitted`, `review.closed`, `review.conflict` (edited meanwhile).",
  middleware,
  request: { params: IdParams },
  responses: { 200: json(ReviewSchema, "The submitted review"), ...problems(401, 403, 404, 409, 422) },
});

export const reopenReview = createRoute({
  method: "post",
  path: "/assignments/{id}/review/reopen",
  tags,
  summary: "Send a submitted review back to its reviewer as a draft (the chair only), with a reason",
  description: "Audited; the idea's score no longer counts it. 409 `review.not_submitted`.",
  middleware,
  request: { params: IdParams, body: jsonBody(ReopenBody) },
  responses: { 200: json(ReviewSchema, "The review, a draft again"), ...problems(401, 403, 404, 409, 422) },
});

export const ranking = createRoute({
  method: "get",
  path: "/campaigns/{id}/ranking",
  tags,
  summary: "The campaign's ranking of reviewed ideas (chair or admin)",
  description:
    "Ordered by score (raw, or normalised per reviewer with `normalised=true`), then votes, earliest submission, id. Unscored ideas come last.",
  middleware,
  request: { params: IdParams, query: RankingQuery },
  responses: { 200: json(RankingSchema, "The ranking"), ...problems(401, 403, 404, 422) },
});

export const rankingCsv = createRoute({
  method: "get",
  path: "/campaigns/{id}/ranking.csv",
  tags,
  summary: "The ranking as CSV (chair or admin)",
  middleware,
  request: { params: IdParams, query: ExportQuery },
  responses: { 200: csv("The ranking"), ...problems(401, 403, 404, 422) },
});

export const reviewsCsv = createRoute({
  method: "get",
  path: "/campaigns/{id}/reviews.csv",
  tags,
  summary: "Every assignment and review of the campaign as CSV, private notes included (chair or admin)",
  middleware,
  request: { params: IdParams, query: ExportQuery.omit({ normalised: true }) },
  responses: { 200: csv("The reviews"), ...problems(401, 403, 404, 422) },
});

export const reportImplementation = createRoute({
  method: "post",
  path: "/ideas/{id}/implementation",
  tags,
  summary: "Mark an approved idea implemented, with its implementation report (chair or admin)",
  description:
    "The report and the `implement` step (with its event and the team's points) are written in one batch: both or neither. Upload the evidence files first (`POST /ideas/{id}/attachments`, `kind=evidence`); the report lists them all. 403 `transition.not_permitted`, 409 `transition.invalid_from_status`, 422 `implementation.unit_unknown`, `implementation.attachment_unknown`, `implementation.date_in_future`.",
  middleware,
  request: { params: IdParams, body: jsonBody(ImplementationBody) },
  responses: { 201: json(ImplementationSchema, "The report"), ...problems(401, 403, 404, 409, 422) },
});

export const getImplementation = createRoute({
  method: "get",
  path: "/ideas/{id}/implementation",
  tags,
  summary: "An implemented idea's implementation report",
  middleware,
  request: { params: IdParams },
  responses: { 200: json(ImplementationSchema, "The report"), ...problems(401, 404) },
});

export const listImplementationUpdates = createRoute({
  method: "get",
  path: "/ideas/{id}/implementation/updates",
  tags,
  summary: "An implemented idea's follow-up updates, newest first",
  middleware,
  request: { params: IdParams, query: ImplementationUpdateQuery },
  responses: { 200: json(ImplementationUpdateListSchema, "A page of updates"), ...problems(400, 401, 404, 422) },
});

export const addImplementationUpdate = createRoute({
  method: "post",
  path: "/ideas/{id}/implementation/updates",
  tags,
  summary: "Tell how an implemented idea is doing, with figures (its team, its chair, admins)",
  description:
    "403 `implementation.update_not_permitted` for anyone else; 409 `implementation.not_implemented` while the idea has no implementation report.",
  middleware,
  request: { params: IdParams, body: jsonBody(ImplementationUpdateBody) },
  responses: { 201: json(ImplementationUpdateSchema, "The update"), ...problems(401, 403, 404, 409, 422) },
});
