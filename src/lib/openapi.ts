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
    signIn: z
      .object({ agencySlug: z.string(), providerName: z.string() })
      .optional()
      .openapi({ description: "`auth.password_sign_in_disabled`: the agency's own sign-in page and provider" }),
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
  502: "A service it depends on (e.g. the agency's identity provider) answered wrongly or not at all",
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

/** An id's one spelling: decimal digits, no sign, leading zero, space, fraction or exponent. */
const CANONICAL_ID = /^[1-9][0-9]{0,15}$/;

/** Whether `text` is an id as this API writes it: canonical, positive, and exact in a JavaScript number. */
export const isCanonicalId = (text: string) => CANONICAL_ID.test(text) && Number(text) <= Number.MAX_SAFE_INTEGER;

/**
 * An id sent as text (a path segment or a query value), as its number. The one rule for every id
 * of every route: any other spelling (`01`, `+1`, `1e0`, `0x1`, ` 1`, `1.0`, other digits) is a
 * 422 `id.not_canonical`, before a handler or a rate limit sees the request.
 * @example z.object({ campaignId: idText().optional() })
 */
export function idText(example = 1) {
  return z
    .string()
    .refine(isCanonicalId, {
      message: "Write the id in decimal digits, without sign, leading zeros or spaces",
      params: { code: "id.not_canonical" },
      abort: true,
    })
    .transform(Number)
    .openapi({ type: "integer", minimum: 1, maximum: Number.MAX_SAFE_INTEGER, example });
}

/** A path parameter that is an id (see {@link idText}). */
export const idParam = (name: string, example = 1) => idText(example).openapi({ param: { name, in: "path" } });

/** `{id}` in a path. */
export const IdParams = z.object({ id: idParam("id", 42) });
