/**
 * Operations of the OpenAPI document that no page of the SPA calls, each with the reason it has no
 * page. `api-coverage.test.ts` fails on any other operation no browser journey called, and on an
 * entry here that a page does call. Keep it short: an operation a person needs gets a page.
 */
import type { OperationId } from "./api-operations.ts";

export const API_ONLY: Record<OperationId, string> = {
  "GET /api/v1/users/{id}":
    "one colleague for integrations (a HR system reading an account back); the admin's people page works from GET /users, whose rows carry the same fields",
  "GET /api/v1/me/invitations":
    "a paged list for integrations; a person finds the invitations waiting for them on the personal home (GET /me/home lists them in its to-do, each linking to the idea where they accept or decline)",
};
