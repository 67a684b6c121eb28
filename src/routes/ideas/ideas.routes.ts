import { createRoute } from "@hono/zod-openapi";
import { json, jsonBody, problems } from "../../lib/openapi";
import {
  IdParam,
  IdeaCreateBody,
  IdeaDetailSchema,
  IdeaListQuery,
  IdeaListSchema,
  IdeaPatchBody,
  LibraryQuery,
  MergeBody,
  SimilarQuery,
  SimilarSchema,
  TransitionBody,
  AgencySlugParam,
  PublicLibrarySchema,
} from "./ideas.schemas";

const tags = ["ideas"];

export const list = createRoute({
  method: "get",
  path: "/ideas",
  tags,
  summary: "List, filter, sort and search the agency's ideas",
  description: [
    "Keyset pagination: pass `nextCursor` back as `cursor`. With `q`, results are ranked by relevance.",
    "A campaign may hide vote counts until its voting closes: its ideas then show `voteCount: null`, and",
    "`sort=votes` or `sort=trending` filtered to that campaign (`campaignId`) answers 409 `idea.votes_hidden`, since",
    "the order alone would reveal the counts. Agency-wide lists (no `campaignId`) still accept those sorts and show",
    "the hidden campaign's ideas with `voteCount: null` among the others.",
  ].join(" "),
  request: { query: IdeaListQuery },
  responses: { 200: json(IdeaListSchema, "A page of ideas"), ...problems(400, 401, 409, 422) },
});

export const similar = createRoute({
  method: "get",
  path: "/ideas/similar",
  tags,
  summary: "Ideas of the agency similar to a title and problem being typed",
  request: { query: SimilarQuery },
  responses: { 200: json(SimilarSchema, "Up to 5 similar ideas"), ...problems(401, 422) },
});

export const create = createRoute({
  method: "post",
  path: "/ideas",
  tags,
  summary: "Start an idea (a draft)",
  request: { body: jsonBody(IdeaCreateBody) },
  responses: { 201: json(IdeaDetailSchema, "The new draft"), ...problems(401, 404, 422, 429) },
});

export const get = createRoute({
  method: "get",
  path: "/ideas/{id}",
  tags,
  summary: "An idea with its team, history and attachments",
  request: { params: IdParam },
  responses: { 200: json(IdeaDetailSchema, "The idea"), ...problems(401, 404) },
});

export const patch = createRoute({
  method: "patch",
  path: "/ideas/{id}",
  tags,
  summary: "Edit a draft (its authors only)",
  request: { params: IdParam, body: jsonBody(IdeaPatchBody) },
  responses: { 200: json(IdeaDetailSchema, "The saved draft"), ...problems(401, 403, 404, 409, 422) },
});

export const transition = createRoute({
  method: "post",
  path: "/ideas/{id}/transitions",
  tags,
  summary: "Move an idea through the workflow (submit, withdraw, start_review, shortlist, approve, reject, implement)",
  description:
    "Refusals: 403 `transition.not_permitted`, 409 `transition.invalid_from_status`, 409 `idea.submission_closed`, 409 `transition.conflict`, 422 reason required or idea incomplete.",
  request: { params: IdParam, body: jsonBody(TransitionBody) },
  responses: { 200: json(IdeaDetailSchema, "The idea after the step"), ...problems(401, 403, 404, 409, 422) },
});

export const merge = createRoute({
  method: "post",
  path: "/ideas/{id}/merge",
  tags,
  summary: "Merge this idea (a duplicate) into another (chair or admin)",
  description:
    "Into a listed idea of the same campaign: votes count against their own campaign's budget. Its supporters move over without anyone counted twice, its authors join the survivor's team. Refusals: 422 `idea.merge_self`, 409 `idea.merge_target_invalid` (the target is not listed), 409 `idea.merge_other_campaign`.",
  request: { params: IdParam, body: jsonBody(MergeBody) },
  responses: { 200: json(IdeaDetailSchema, "The surviving idea"), ...problems(401, 403, 404, 409, 422) },
});

export const publicLibrary = createRoute({
  method: "get",
  path: "/public-library/{agencySlug}",
  tags,
  summary: "An agency's implemented innovations, for everyone (when the agency shows them)",
  description:
    "404 unless the agency is active and its admin switched the public library on. Titles, problems, solutions, benefits, units and dates: no person is named.",
  request: { params: AgencySlugParam, query: LibraryQuery },
  responses: { 200: json(PublicLibrarySchema, "A page of the agency's implemented ideas"), ...problems(404, 422) },
});
