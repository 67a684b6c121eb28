import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/problem";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const BODY_TYPES = /^(application\/json|multipart\/form-data)\b/i;

/**
 * CSRF defence for the cookie session: a state-changing request must say it comes from this
 * origin (`Origin`, or `Sec-Fetch-Site: same-origin`) and carry JSON or multipart, which a
 * cross-site HTML form cannot send without a CORS preflight.
 */
export function csrf() {
  return createMiddleware<AppEnv>(async function csrf(c, next) {
    // a bearer token is not sent by a browser on its own: a cross-site page cannot ride on it
    if (SAFE_METHODS.has(c.req.method) || c.var.apiToken) return next();
    const origin = c.req.header("origin");
    const site = c.req.header("sec-fetch-site");
    const sameOrigin = origin ? origin === new URL(c.req.url).origin : site === "same-origin";
    if (!sameOrigin || (site && site !== "same-origin" && site !== "none")) {
      throw new ApiError(403, "csrf.cross_origin", "State-changing requests must come from this site");
    }
    const hasBody = (c.req.header("content-length") ?? "0") !== "0" || c.req.header("transfer-encoding") !== undefined;
    if (hasBody && !BODY_TYPES.test(c.req.header("content-type") ?? "")) {
      throw new ApiError(415, "request.unsupported_media_type", "Send JSON (application/json) or multipart/form-data");
    }
    return next();
  });
}
