import { createRoute } from "@hono/zod-openapi";
import { IdParams, json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import {
  DeliveryListQuery,
  DeliveryPageSchema,
  WebhookBody,
  WebhookCreatedSchema,
  WebhookListSchema,
} from "./webhooks.schemas";

const tags = ["webhooks"];
const middleware = [guard("webhook.manage")];

export const listWebhooks = createRoute({
  method: "get",
  path: "/webhooks",
  tags,
  summary: "The agency's webhooks (admin)",
  middleware,
  responses: { 200: json(WebhookListSchema, "Live webhooks"), ...problems(401, 403) },
});

export const createWebhook = createRoute({
  method: "post",
  path: "/webhooks",
  tags,
  summary: "Send notifications of chosen kinds to an HTTPS endpoint (admin)",
  description:
    "Every notification of the agency of those kinds is POSTed as JSON, signed with the secret returned here once (`X-Gagas-Signature`), retried with exponential backoff. 422 `webhook.url_not_https` for plain HTTP to another machine, `webhook.url_invalid` for a URL that is not one; 409 `webhook.limit_reached` past 20 webhooks.",
  middleware,
  request: { body: jsonBody(WebhookBody) },
  responses: { 201: json(WebhookCreatedSchema, "The webhook, with its secret"), ...problems(401, 403, 409, 422) },
});

export const deleteWebhook = createRoute({
  method: "delete",
  path: "/webhooks/{id}",
  tags,
  summary: "Stop a webhook (admin); its delivery log stays in the audit of deliveries",
  middleware,
  request: { params: IdParams },
  responses: { 204: { description: "Stopped" }, ...problems(401, 403, 404) },
});

export const listDeliveries = createRoute({
  method: "get",
  path: "/webhooks/{id}/deliveries",
  tags,
  summary: "A webhook's delivery log, newest first (admin)",
  middleware,
  request: { params: IdParams, query: DeliveryListQuery },
  responses: { 200: json(DeliveryPageSchema, "A page of deliveries"), ...problems(400, 401, 403, 404, 422) },
});
