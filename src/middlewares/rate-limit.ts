import type { RouteConfig } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv, Bindings } from "../env";
import type { AppRouteHandler } from "../lib/create-router";
import { ApiError } from "../lib/problem";

/** The rate-limiting bindings of the Worker (wrangler.toml `[[ratelimits]]`), one per kind of write. */
export const WRITE_LIMITERS = ["VOTE_LIMITER", "COMMENT_LIMITER", "UPLOAD_LIMITER", "IDEA_LIMITER"] as const;
export type WriteLimiter = (typeof WRITE_LIMITERS)[number];

/** The binding's windows are 60 seconds; it does not say when a window ends, so the whole period. */
const RETRY_AFTER_SECONDS = 60;

/** Takes one write from the signed-in person's allowance (by client address before sign-in, by token for a service). */
async function spend(c: Context<AppEnv>, limiter: WriteLimiter): Promise<void> {
  const binding = (c.env as Bindings & Partial<Record<WriteLimiter, RateLimit>>)[limiter];
  // a deployment without the binding (e.g. an old wrangler.toml) is not limited rather than broken
  if (!binding) return;
  // a personal token spends its person's allowance; a service token (no person) its own
  const token = c.var.apiToken;
  const who =
    token?.kind === "service"
      ? `token:${token.id}`
      : c.var.actor
        ? `user:${c.var.actor.userId}`
        : `ip:${c.req.header("cf-connecting-ip") ?? "local"}`;
  const { success } = await binding.limit({ key: who });
  if (!success) {
    throw new ApiError(429, "rate_limited", "Too many requests of this kind; wait a minute and try again", {
      headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
    });
  }
}

/**
 * A write operation behind a per-person limit (Workers Rate Limiting: no D1 cost). The limit belongs
 * to the operation as the router matched it and is spent only once its parameters passed
 * validation, so no spelling of a path can reach the handler around it; over the limit the answer
 * is 429 `rate_limited` with `Retry-After`.
 * @example router.openapi(routes.castVote, withWriteLimit("VOTE_LIMITER", handlers.castVote))
 */
export function withWriteLimit<R extends RouteConfig>(
  limiter: WriteLimiter,
  handler: AppRouteHandler<R>,
): AppRouteHandler<R> {
  async function limited(...[c, next]: Parameters<AppRouteHandler<R>>) {
    await spend(c, limiter);
    return handler(c, next);
  }
  // it answers what the handler answers; TypeScript cannot see through the awaited answer of a generic route
  return limited as unknown as AppRouteHandler<R>;
}
