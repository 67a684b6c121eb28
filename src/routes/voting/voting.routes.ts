import { createRoute } from "@hono/zod-openapi";
import { json, problems } from "../../lib/openapi";
import { FollowStateSchema, IdParams, MyVotesSchema, VoteSourcesSchema, VoteStateSchema } from "./voting.schemas";

const tags = ["votes"];

export const castVote = createRoute({
  method: "put",
  path: "/ideas/{id}/vote",
  tags,
  summary: "Support an idea (idempotent: voting twice is one vote)",
  description: [
    "An idea takes votes while it is `submitted`, `in_review` or `shortlisted` and its campaign's voting window is open",
    "(the Kotak Ide: always); a decided idea's votes are final. One vote per person per idea, at most the campaign's",
    "`voteBudget` live votes per person per campaign. Refusals (409): `vote.own_idea` (you are its author or an accepted",
    "co-author), `vote.idea_closed` (the idea's status no longer takes votes), `vote.phase_closed` (outside the voting",
    "window), `vote.budget_exhausted` (take a vote back elsewhere first), `vote.conflict` (the idea changed at the same",
    "moment; ask again). `voteCount` is null while the campaign hides counts; `remainingBudget` is always yours to see.",
  ].join(" "),
  request: { params: IdParams },
  responses: { 200: json(VoteStateSchema, "You support the idea"), ...problems(401, 403, 404, 409, 422, 429) },
});

export const retractVote = createRoute({
  method: "delete",
  path: "/ideas/{id}/vote",
  tags,
  summary: "Take your vote back (idempotent)",
  description:
    "Only while the idea still takes votes: 409 `vote.phase_closed` once its campaign's voting window has closed, `vote.idea_closed` once it is decided.",
  request: { params: IdParams },
  responses: {
    200: json(VoteStateSchema, "You no longer support the idea"),
    ...problems(401, 403, 404, 409, 422, 429),
  },
});

export const myVotes = createRoute({
  method: "get",
  path: "/campaigns/{id}/my-votes",
  tags,
  summary: "Your votes in a campaign and what is left of your budget",
  request: { params: IdParams },
  responses: { 200: json(MyVotesSchema, "Your votes"), ...problems(401, 403, 404, 422) },
});

export const voteSources = createRoute({
  method: "get",
  path: "/ideas/{id}/vote-sources",
  tags,
  summary: "Where an idea's votes came from, per unit, and whether they arrived in a burst",
  description: [
    "For the agency admin, the campaign's chair and its reviewers (not in a blind review); 403 otherwise.",
    "`burst.flagged`: at least 5 votes, of which at least 60 % arrived within one hour and at least 70 % of those",
    "from the idea's own unit (see `burst.rule`).",
  ].join(" "),
  request: { params: IdParams },
  responses: { 200: json(VoteSourcesSchema, "Vote origins"), ...problems(401, 403, 404, 422) },
});

export const follow = createRoute({
  method: "put",
  path: "/ideas/{id}/follow",
  tags: ["ideas"],
  summary: "Follow an idea: its new comments and status changes reach you (idempotent)",
  description: "Authors follow their ideas from the start; commenting starts following too.",
  request: { params: IdParams },
  responses: { 200: json(FollowStateSchema, "You follow the idea"), ...problems(401, 403, 404, 422) },
});

export const unfollow = createRoute({
  method: "delete",
  path: "/ideas/{id}/follow",
  tags: ["ideas"],
  summary: "Stop following an idea (idempotent)",
  request: { params: IdParams },
  responses: { 200: json(FollowStateSchema, "You no longer follow the idea"), ...problems(401, 403, 404, 422) },
});
