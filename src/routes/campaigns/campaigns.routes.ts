import { createRoute } from "@hono/zod-openapi";
import { json, jsonBody, problems } from "../../lib/openapi";
import {
  CampaignCreateBody,
  CampaignListSchema,
  CampaignPatchBody,
  CampaignSchema,
  IdParam,
} from "./campaigns.schemas";

const tags = ["campaigns"];

export const list = createRoute({
  method: "get",
  path: "/campaigns",
  tags,
  summary: "The agency's campaigns with their current phase",
  responses: { 200: json(CampaignListSchema, "Campaigns"), ...problems(401) },
});

export const get = createRoute({
  method: "get",
  path: "/campaigns/{id}",
  tags,
  summary: "A campaign with its rubric",
  request: { params: IdParam },
  responses: { 200: json(CampaignSchema, "The campaign"), ...problems(401, 404) },
});

export const create = createRoute({
  method: "post",
  path: "/campaigns",
  tags,
  summary: "Create a competition (agency admin)",
  request: { body: jsonBody(CampaignCreateBody) },
  responses: { 201: json(CampaignSchema, "Created"), ...problems(401, 403, 422) },
});

export const patch = createRoute({
  method: "patch",
  path: "/campaigns/{id}",
  tags,
  summary: "Change a campaign (agency admin); the rubric cannot change once review has started",
  request: { params: IdParam, body: jsonBody(CampaignPatchBody) },
  responses: { 200: json(CampaignSchema, "Updated"), ...problems(401, 403, 404, 409, 422) },
});
