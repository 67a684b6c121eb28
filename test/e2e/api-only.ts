/**
 * Operations of the OpenAPI document that no page of the SPA calls, each with the reason it has no
 * page. `api-coverage.test.ts` fails on any other operation no browser journey called, and on an
 * entry here that a page does call. Keep it short: an operation a person needs gets a page.
 */
import type { OperationId } from "./api-operations.ts";

export const API_ONLY: Record<OperationId, string> = {
  "PUT /api/v1/push/subscriptions":
    "called by the notification settings after pushManager.subscribe, which headless Chromium refuses (AbortError: Registration failed - permission denied); the Worker tests save, deliver to and remove subscriptions against a loopback push service (test/push.test.ts)",
  "DELETE /api/v1/push/subscriptions/{id}":
    "the settings' switch-off of a subscribed browser, unreachable in headless Chromium for the same reason; covered by test/push.test.ts",
  "GET /api/v1/users/{id}":
    "one colleague for integrations (a HR system reading an account back); the admin's people page works from GET /users, whose rows carry the same fields",
  "GET /api/v1/me/invitations":
    "a paged list for integrations; a person finds the invitations waiting for them on the personal home (GET /me/home lists them in its to-do, each linking to the idea where they accept or decline)",
};
