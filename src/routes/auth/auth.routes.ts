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
    "Sets the `__Host-gagas_session` cookie (a stale one the browser sent is replaced, never deleted after). A wrong NIP and a wrong password answer the same. Throttled with 429 and `Retry-After`: 5 failures at one account from one address in 15 minutes; 30 failures from one address in 15 minutes; and, for addresses that have failed at the account within the hour, 10 failures at the account in an hour from anywhere. An address without a recent failure at the account always gets its attempt checked, so guessers cannot keep the owner out. The NIP and the e-mail of one person count as one account. An agency that switched passwords off (docs/sign-in-oidc.md) answers a correct password with 403 `auth.password_sign_in_disabled` and `signIn` naming its sign-in page and provider.",
  request: { body: jsonBody(LoginBody) },
  responses: { 200: json(SessionSchema, "Signed in"), ...problems(401, 403, 422, 429) },
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
