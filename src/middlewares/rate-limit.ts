import { createMiddleware } from "hono/factory";
import type { AppEnv, Bindings } from "../env";
import { ApiError } from "../lib/problem";

/** A rate-limiting binding of the Worker (wrangler.toml `[[ratelimits]]`). */
type LimiterName = string;
export type RateRule = { methods: string[]; path: RegExp; limiter: LimiterName };

/** Writes a person can make too fast by accident or on purpose; the limits are in wrangler.toml. */
export const WRITE_LIMITS: RateRule[] = [
  { methods: ["PUT", "DELETE"], path: /^\/api\/v1\/ideas\/\d+\/vote$/, limiter: "VOTE_LIMITER" },
  { methods: ["POST"], path: /^\/api\/v1\/ideas\/\d+\/comments$/, limiter: "COMMENT_LIMITER" },
  { methods: ["POST"], path: /^\/api\/v1\/ideas\/\d+\/attachments$/, limiter: "UPLOAD_LIMITER" },
  { methods: ["POST"], path: /^\/api\/v1\/ideas$/, limiter: "IDEA_LIMITER" },
];

/** The binding's windows are 60 seconds; it does not say when a window ends, so the whole period. */
const RETRY_AFTER_SECONDS = 60;

/**
 * Per-person rate limits on writes through Workers Rate Limiting (no D1 cost). Keyed by the signed-in
 * person (by client address before sign-in); answers 429 `rate_limited` with `Retry-After`.
 */
export function writeRateLimits(rules: RateRule[] = WRITE_LIMITS) {
  return createMiddleware<AppEnv>(async function writeRateLimits(c, next) {
    const rule = rules.find((r) => r.methods.includes(c.req.method) && r.path.test(c.req.path));
    if (!rule) return next();
    const limiter = (c.env as Bindings & Record<LimiterName, RateLimit | undefined>)[rule.limiter];
    // a deployment without the binding (e.g. an old wrangler.toml) is not limited rather than broken
    if (!limiter) return next();
    const who = c.var.actor ? `user:${c.var.actor.userId}` : `ip:${c.req.header("cf-connecting-ip") ?? "local"}`;
    const { success } = await limiter.limit({ key: who });
    if (!success) {
      throw new ApiError(429, "rate_limited", "Too many requests of this kind; wait a minute and try again", {
        headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
      });
    }
    return next();
  });
}
