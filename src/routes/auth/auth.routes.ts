import { createRoute } from "@hono/zod-openapi";
import { json, jsonBody, problems } from "../../lib/openapi";
import { ChangePasswordBody, LoginBody, SessionSchema } from "./auth.schemas";

const tags = ["auth"];

export const login = createRoute({
  method: "post",
  path: "/auth/login",
  tags,
  summary: "Sign in with NIP or e-mail and password",
  description:
    "Sets the `__Host-gagas_session` cookie. A wrong NIP and a wrong password answer the same. After 5 failures in 15 minutes for one account (or 30 from one address) answers 429 with `Retry-After`.",
  request: { body: jsonBody(LoginBody) },
  responses: { 200: json(SessionSchema, "Signed in"), ...problems(401, 422, 429) },
});

export const logout = createRoute({
  method: "post",
  path: "/auth/logout",
  tags,
  summary: "Sign out (revokes this session on the server)",
  responses: { 204: { description: "Signed out" } },
});

export const logoutAll = createRoute({
  method: "post",
  path: "/auth/logout-all",
  tags,
  summary: "Sign out everywhere (revokes every session of this account)",
  responses: { 204: { description: "All sessions revoked" }, ...problems(401) },
});

export const me = createRoute({
  method: "get",
  path: "/auth/me",
  tags,
  summary: "Who am I",
  responses: { 200: json(SessionSchema, "The signed-in person"), ...problems(401) },
});

export const changePassword = createRoute({
  method: "post",
  path: "/auth/password",
  tags,
  summary: "Change my password (signs out my other sessions)",
  request: { body: jsonBody(ChangePasswordBody) },
  responses: { 204: { description: "Password changed" }, ...problems(401, 422) },
});
