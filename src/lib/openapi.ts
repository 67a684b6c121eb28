import { z } from "@hono/zod-openapi";

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "urn:gagas:problem:validation_failed" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().openapi({ example: "validation_failed" }),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string() })).optional(),
  })
  .openapi("Problem");

const PROBLEM_DESCRIPTIONS = {
  400: "Malformed request (e.g. invalid JSON)",
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found (or belongs to another agency)",
  409: "Conflict with the current state",
  413: "Body or file too large",
  415: "Unsupported content type",
  422: "Validation failed; one `errors[]` entry per field",
  429: "Too many attempts; see Retry-After",
} as const;

type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;

/**
 * OpenAPI response entries for the problems a route can answer.
 * @example responses: { 200: json(IdeaSchema, "The idea"), ...problems(401, 404, 422) }
 */
export function problems<S extends ProblemStatus>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: PROBLEM_DESCRIPTIONS[s], content: { "application/problem+json": { schema: ProblemSchema } } },
    ]),
  ) as unknown as {
    [K in S]: { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } };
  };
}

/** A JSON content entry for a request body or response. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

/** A required JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T, description = "JSON body") {
  return { required: true, description, content: { "application/json": { schema } } };
}

/** `{id}` in a path: a positive integer. */
export const IdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" }, example: 42 }),
});
