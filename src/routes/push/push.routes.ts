import { createRoute } from "@hono/zod-openapi";
import { IdParams, json, jsonBody, problems } from "../../lib/openapi";
import {
  PushConfigSchema,
  PushSubscriptionBody,
  PushSubscriptionListSchema,
  PushSubscriptionSchema,
} from "./push.schemas";

const tags = ["notifications"];

export const getConfig = createRoute({
  method: "get",
  path: "/push/config",
  tags,
  summary: "What a browser needs to subscribe to push",
  responses: { 200: json(PushConfigSchema, "The VAPID public key, if push is on"), ...problems(401) },
});

export const listSubscriptions = createRoute({
  method: "get",
  path: "/push/subscriptions",
  tags,
  summary: "My browsers that receive push",
  responses: { 200: json(PushSubscriptionListSchema, "My push subscriptions"), ...problems(401) },
});

export const saveSubscription = createRoute({
  method: "put",
  path: "/push/subscriptions",
  tags,
  summary: "Receive my notifications on this browser (Web Push)",
  description:
    "Idempotent by endpoint. A browser someone else subscribed before moves to me (what was queued for them is dropped). 409 `push.not_configured` when the deployment has no VAPID keys; 422 `push.endpoint_invalid` for an endpoint that is not the HTTPS address of a browser's push service (FCM, Mozilla, Windows, Apple). A person has at most 10 browsers: an 11th drops the oldest.",
  request: { body: jsonBody(PushSubscriptionBody) },
  responses: { 200: json(PushSubscriptionSchema, "The subscription"), ...problems(401, 409, 422) },
});

export const deleteSubscription = createRoute({
  method: "delete",
  path: "/push/subscriptions/{id}",
  tags,
  summary: "Stop push on one of my browsers",
  request: { params: IdParams },
  responses: { 204: { description: "Removed" }, ...problems(401, 404) },
});
