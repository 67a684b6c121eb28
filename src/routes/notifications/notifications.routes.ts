import { createRoute } from "@hono/zod-openapi";
import { json, jsonBody, problems } from "../../lib/openapi";
import {
  MarkReadBody,
  NotificationListQuery,
  NotificationPageSchema,
  PreferencesBody,
  PreferencesSchema,
  UnreadCountSchema,
} from "./notifications.schemas";

const tags = ["notifications"];

export const list = createRoute({
  method: "get",
  path: "/notifications",
  tags,
  summary: "My notifications, newest first",
  description: "Derived every minute from what happened (votes, comments, decisions, reviews, points, badges, awards).",
  request: { query: NotificationListQuery },
  responses: { 200: json(NotificationPageSchema, "A page of notifications"), ...problems(400, 401, 422) },
});

export const unreadCount = createRoute({
  method: "get",
  path: "/notifications/unread-count",
  tags,
  summary: "The number on the bell",
  responses: { 200: json(UnreadCountSchema, "Unread notifications"), ...problems(401) },
});

export const markRead = createRoute({
  method: "post",
  path: "/notifications/read",
  tags,
  summary: "Mark notifications read (`ids`, or `all: true`)",
  request: { body: jsonBody(MarkReadBody) },
  responses: { 200: json(UnreadCountSchema, "The unread count afterwards"), ...problems(401, 422) },
});

export const getPreferences = createRoute({
  method: "get",
  path: "/notifications/preferences",
  tags,
  summary: "Which kinds of notification I receive",
  responses: { 200: json(PreferencesSchema, "Every kind, on or off"), ...problems(401) },
});

export const putPreferences = createRoute({
  method: "put",
  path: "/notifications/preferences",
  tags,
  summary: "Choose the kinds I do not want",
  request: { body: jsonBody(PreferencesBody) },
  responses: { 200: json(PreferencesSchema, "Every kind, on or off"), ...problems(401, 422) },
});
