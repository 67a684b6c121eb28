import { createRoute } from "@hono/zod-openapi";
import { json, jsonBody, problems } from "../../lib/openapi";
import { SessionSchema } from "../auth/auth.schemas";
import {
  AcceptedSchema,
  ForgotBody,
  TokenBody,
  TokenInfoSchema,
  UnsubscribedSchema,
  UseTokenBody,
} from "./account.schemas";

const tags = ["auth"];
const THROTTLE =
  "Wrong tokens and codes are counted per client address: after 20 in 15 minutes the answer is 429 `auth.throttled` with `Retry-After`.";

export const checkToken = createRoute({
  method: "post",
  path: "/auth/tokens/check",
  tags,
  summary: "What an activation or reset link (or a printed code) is for, before it is used",
  description: `No sign-in. 404 \`account_token.invalid\` for a token that does not exist, was used, revoked or expired. ${THROTTLE}`,
  request: { body: jsonBody(TokenBody) },
  responses: { 200: json(TokenInfoSchema, "The token is usable"), ...problems(404, 422, 429) },
});

export const activate = createRoute({
  method: "post",
  path: "/auth/activate",
  tags,
  summary: "Activate an account: set its own password with an activation link or code, and sign in",
  description: `The password follows the usual policy (422 \`password.too_short\`, …). The token is used once; every other link or code of the person stops working. ${THROTTLE}`,
  request: { body: jsonBody(UseTokenBody) },
  responses: { 200: json(SessionSchema, "Activated and signed in"), ...problems(404, 422, 429) },
});

export const forgotPassword = createRoute({
  method: "post",
  path: "/auth/forgot",
  tags,
  summary: "Ask for a password-reset link by e-mail",
  description:
    "Answers 202 whether or not the account exists. A known, active account gets an e-mail with a single-use link valid for 30 minutes, at most 3 an hour (more requests are answered the same and send nothing). One address may ask 10 times an hour (429 `auth.throttled`).",
  request: { body: jsonBody(ForgotBody) },
  responses: { 202: json(AcceptedSchema, "Accepted"), ...problems(422, 429) },
});

export const resetPassword = createRoute({
  method: "post",
  path: "/auth/reset",
  tags,
  summary: "Set a new password with a reset link; ends every session and signs in afresh",
  description: `404 \`account_token.invalid\` for a used, revoked or expired link. ${THROTTLE}`,
  request: { body: jsonBody(UseTokenBody) },
  responses: { 200: json(SessionSchema, "Password set and signed in"), ...problems(404, 422, 429) },
});

export const unsubscribe = createRoute({
  method: "post",
  path: "/notifications/unsubscribe",
  tags: ["notifications"],
  summary: "One-click unsubscribe from an e-mail's link: its kind stays in the app only",
  description: "No sign-in: the token of the e-mail is the key. 404 `unsubscribe.invalid` for an unknown token.",
  request: { body: jsonBody(TokenBody) },
  responses: { 200: json(UnsubscribedSchema, "Unsubscribed"), ...problems(404, 422) },
});
