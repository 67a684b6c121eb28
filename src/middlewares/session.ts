import { createMiddleware } from "hono/factory";
import { getSessionActor, touchSession } from "../db/queries/auth.queries";
import { parseRoles } from "../domain/roles";
import type { AppEnv } from "../env";
import { clearStaleSessionCookie, readSessionToken } from "../lib/session-cookie";
import { sha256Hex } from "../lib/tokens";

/** Sliding idle expiry costs a write; refresh `last_seen_at` at most this often. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/**
 * Resolves the session cookie to `c.var.actor` (or null). A revoked, idle-expired or absolutely
 * expired session, or a deactivated account or agency, counts as no session; the cookie is then cleared
 * (unless the answer signs in afresh).
 */
export function session() {
  return createMiddleware<AppEnv>(async function session(c, next) {
    // an API token (middlewares/api-token) already said who this is; a cookie alongside it is ignored
    if (c.var.apiToken) return next();
    c.set("actor", null);
    const token = readSessionToken(c);
    if (!token) return next();
    const db = c.var.db;
    const row = await getSessionActor(db, await sha256Hex(token));
    const now = Date.now();
    const idleMs = Number(c.env.SESSION_IDLE_SECONDS) * 1000;
    const valid =
      row !== undefined && row.revokedAt === null && row.active && row.expiresAt > now && row.lastSeenAt + idleMs > now;
    if (!valid) {
      await next();
      // on the answer as made, so that an error answer (a 401, mostly) drops the dead cookie too
      clearStaleSessionCookie(c);
      return;
    }
    if (now - row.lastSeenAt > TOUCH_EVERY_MS) await touchSession(db, row.sessionId, now);
    c.set("actor", {
      userId: row.userId,
      agencyId: row.agencyId,
      unitId: row.unitId,
      roles: parseRoles(row.roles),
      sessionId: row.sessionId,
      mustChangePassword: row.mustChangePassword,
      timeZone: row.timeZone,
    });
    return next();
  });
}
