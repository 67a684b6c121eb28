import { createRoute } from "@hono/zod-openapi";
import { IdParams, json, jsonBody, problems } from "../../lib/openapi";
import { sessionOnly } from "../../middlewares/api-token";
import { guard } from "../../middlewares/guard";
import { ApiTokenCreatedSchema, ApiTokenListSchema, PersonalTokenBody, ServiceTokenBody } from "./api-tokens.schemas";

const tags = ["api-tokens"];
const BROWSER = "Only from a browser session: an API token cannot manage tokens (403 `token.browser_only`).";

export const listPersonalTokens = createRoute({
  method: "get",
  path: "/api-tokens",
  tags,
  summary: "My personal API tokens that still work",
  description: BROWSER,
  middleware: [sessionOnly(), guard()],
  responses: { 200: json(ApiTokenListSchema, "Live tokens, newest first"), ...problems(401, 403) },
});

export const createPersonalToken = createRoute({
  method: "post",
  path: "/api-tokens",
  tags,
  summary: "A personal API token: acts as me, within its scopes and my own permissions",
  description: `The secret is answered once. 422 \`token.scope_not_permitted\` for a scope my roles cannot use; 409 \`token.limit_reached\` past 20 live tokens. ${BROWSER}`,
  middleware: [sessionOnly(), guard()],
  request: { body: jsonBody(PersonalTokenBody) },
  responses: { 201: json(ApiTokenCreatedSchema, "The token, with its secret"), ...problems(401, 403, 409, 422) },
});

export const revokePersonalToken = createRoute({
  method: "delete",
  path: "/api-tokens/{id}",
  tags,
  summary: "Revoke one of my tokens: its next request answers 401 `token.revoked`",
  description: BROWSER,
  middleware: [sessionOnly(), guard()],
  request: { params: IdParams },
  responses: { 204: { description: "Revoked" }, ...problems(401, 403, 404) },
});

export const listServiceTokens = createRoute({
  method: "get",
  path: "/service-tokens",
  tags,
  summary: "The agency's service tokens that still work (admin)",
  description: BROWSER,
  middleware: [sessionOnly(), guard("token.manage_service")],
  responses: { 200: json(ApiTokenListSchema, "Live service tokens, newest first"), ...problems(401, 403) },
});

export const createServiceToken = createRoute({
  method: "post",
  path: "/service-tokens",
  tags,
  summary: "A service token for another system of the agency, tied to no person (admin)",
  description: `For a data warehouse or a reporting tool: reads the agency's statistics and exports within its scopes. The secret is answered once; the audit log records it. 409 \`token.limit_reached\` past 50 live tokens. ${BROWSER}`,
  middleware: [sessionOnly(), guard("token.manage_service")],
  request: { body: jsonBody(ServiceTokenBody) },
  responses: { 201: json(ApiTokenCreatedSchema, "The token, with its secret"), ...problems(401, 403, 409, 422) },
});

export const revokeServiceToken = createRoute({
  method: "delete",
  path: "/service-tokens/{id}",
  tags,
  summary: "Revoke a service token (admin); the audit log records it",
  description: BROWSER,
  middleware: [sessionOnly(), guard("token.manage_service")],
  request: { params: IdParams },
  responses: { 204: { description: "Revoked" }, ...problems(401, 403, 404) },
});
