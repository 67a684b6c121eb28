import { createMiddleware } from "hono/factory";
import { decide, type Action, type Target } from "../domain/policy";
import { guestMayCall } from "../domain/roles";
import type { Actor, AppEnv } from "../env";
import { ApiError, forbidden, notFound, unauthorized } from "../lib/problem";

/** Routes a user who must change their password may still call. */
const PASSWORD_CHANGE_ALLOWED = new Set([
  "/api/v1/auth/me",
  "/api/v1/auth/logout",
  "/api/v1/auth/logout-all",
  "/api/v1/auth/password",
]);

/**
 * Requires a signed-in actor; with `action`, also that the policy allows it (no target: a
 * capability check, e.g. "user.manage"). Object-level checks happen in handlers via {@link authorize}.
 * @example router.use("/users/*", guard("user.manage"))
 */
export function guard(action?: Action) {
  return createMiddleware<AppEnv>(async function guard(c, next) {
    const actor = c.var.actor;
    if (!actor) throw unauthorized();
    // an external reviewer reaches their round assignments and nothing else of the agency
    if (actor.roles.includes("guest") && !guestMayCall(c.req.path)) {
      throw new ApiError(403, "guest.forbidden", "An external reviewer sees only their assignments");
    }
    if (actor.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.has(c.req.path)) {
      throw new ApiError(403, "auth.password_change_required", "Change your password first");
    }
    if (action) authorize(actor, action);
    return next();
  });
}

/** Throws 404 for another agency's object and 403 for a missing permission. */
export function authorize(actor: Actor, action: Action, target: Target = {}): void {
  const decision = decide(actor, action, target);
  if (decision === "not_found") throw notFound();
  if (decision === "forbidden") throw forbidden();
}

/** The signed-in actor inside a guarded handler. */
export function actorOf(c: { var: { actor: Actor | null } }): Actor {
  if (!c.var.actor) throw unauthorized();
  return c.var.actor;
}
