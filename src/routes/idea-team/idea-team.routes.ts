import { createRoute } from "@hono/zod-openapi";
import { json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import { IdParam, IdeaDetailSchema } from "../ideas/ideas.schemas";
import { InvitationBody, InvitationListSchema, InvitationsQuery, TeamMemberParams } from "./idea-team.schemas";

const tags = ["ideas"];
const middleware = [guard("idea.participate")];

export const invite = createRoute({
  method: "post",
  path: "/ideas/{id}/coauthors",
  tags,
  summary: "Invite a colleague to co-author an idea (its author or an accepted co-author)",
  description:
    "While the idea is a draft or submitted. The colleague counts as an author only after accepting. Refusals: 403 `team.not_permitted`, 409 `team.closed`, 409 `team.already_member`, 409 `team.full` (10 co-authors, invitations included), 422 `idea.coauthor_unknown` (not an active colleague of the agency).",
  middleware,
  request: { params: IdParam, body: jsonBody(InvitationBody) },
  responses: { 201: json(IdeaDetailSchema, "The idea with its team"), ...problems(401, 403, 404, 409, 422) },
});

export const accept = createRoute({
  method: "post",
  path: "/ideas/{id}/coauthors/accept",
  tags,
  summary: "Accept my invitation to co-author an idea",
  description:
    "Refusals: 404 when there is no invitation, 409 `team.already_accepted`, 409 `team.closed` (review has started), 409 `team.voted` (take back your vote for the idea first).",
  middleware,
  request: { params: IdParam },
  responses: { 200: json(IdeaDetailSchema, "The idea, with me on its team"), ...problems(401, 404, 409) },
});

export const remove = createRoute({
  method: "delete",
  path: "/ideas/{id}/coauthors/{userId}",
  tags,
  summary: "Remove a co-author or withdraw an invitation (the author); leave or decline (the co-author)",
  description:
    "A pending invitation can be withdrawn or declined at any time; an accepted co-author leaves only while the idea is a draft or submitted (409 `team.closed`). The author cannot be removed (409 `team.author_not_removable`).",
  middleware,
  request: { params: TeamMemberParams },
  responses: { 204: { description: "Removed" }, ...problems(401, 403, 404, 409) },
});

export const myInvitations = createRoute({
  method: "get",
  path: "/me/invitations",
  tags: ["me"],
  summary: "Invitations to co-author that wait for my answer",
  description: "Only ideas whose team is still open (draft or submitted); newest first.",
  middleware,
  request: { query: InvitationsQuery },
  responses: { 200: json(InvitationListSchema, "A page of invitations"), ...problems(400, 401, 422) },
});
