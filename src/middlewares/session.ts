import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { statementParts } from "../db/client";
import { getSessionActor, sessionActorQuery, touchSession, type SessionActorRow } from "../db/queries/auth.queries";
import { parseRoles } from "../domain/roles";
import type { Actor, AppEnv } from "../env";
import { flushRider, type D1Like } from "../lib/d1-stats";
import { ApiError } from "../lib/problem";
import { clearStaleSessionCookie, readSessionToken } from "../lib/session-cookie";
import { sha256Hex } from "../lib/tokens";

/** Sliding idle expiry costs a write; refresh `last_seen_at` at most this often. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** Sessions this isolate has seen lately: who they were, to start a request with before D1 confirms it. */
const KNOWN_MAX = 5_000;
const known = new Map<string, Actor>();

/**
 * Writes whose first call to D1 is a read that the session check may ride along with (issue 22: a
 * vote and a comment in two round trips). Other writes check the session before their handler runs.
 */
const RIDING_WRITES = [/^\/api\/v1\/ideas\/\d+\/vote$/, /^\/api\/v1\/ideas\/\d+\/comments$/];

/** A second pass of a request whose first pass found its session changed: it reads the session afresh. */
const secondPass = new WeakSet<Request>();

export type Redispatch = (
  request: Request,
  env: AppEnv["Bindings"],
  ctx: ExecutionContext | undefined,
) => Promise<Response>;

function actorOf(row: SessionActorRow): Actor {
  return {
    userId: row.userId,
    agencyId: row.agencyId,
    unitId: row.unitId,
    roles: parseRoles(row.roles),
    sessionId: row.sessionId,
    mustChangePassword: row.mustChangePassword,
    timeZone: row.timeZone,
  };
}

function validAt(row: SessionActorRow | undefined, now: number, idleMs: number): row is SessionActorRow {
  return (
    row !== undefined && row.revokedAt === null && row.active && row.expiresAt > now && row.lastSeenAt + idleMs > now
  );
}

const sameActor = (a: Actor, b: Actor) => JSON.stringify(a) === JSON.stringify(b);

function remember(hash: string, actor: Actor | null) {
  known.delete(hash);
  if (!actor) return;
  known.set(hash, actor);
  if (known.size > KNOWN_MAX) known.delete(known.keys().next().value!);
}

const executionCtxOf = (c: Context<AppEnv>) => {
  try {
    return c.executionCtx as ExecutionContext;
  } catch {
    return undefined;
  }
};

/**
 * Resolves the session cookie to `c.var.actor` (or null). A revoked, idle-expired or absolutely
 * expired session, or a deactivated account or agency, counts as no session; the cookie is then cleared
 * (unless the answer signs in afresh).
 *
 * A session this isolate saw lately starts the request as who it was then, and the session check
 * travels in the same D1 batch as the request's first read (`lib/d1-stats.ts`, the rider): a
 * signed-in page costs one round trip. If the check finds the session changed — signed out,
 * revoked, expired, the account deactivated, roles, unit or agency moved — that pass is dropped and
 * the request runs again from the top, reading the session afresh: every change takes effect on the
 * very next request. Nothing is written before the check (a write waits for it).
 * @param options.redispatch runs a request through the whole app again (the second pass)
 */
export function session(options: { redispatch?: Redispatch } = {}) {
  return createMiddleware<AppEnv>(async function session(c, next) {
    // an API token (middlewares/api-token) already said who this is; a cookie alongside it is ignored
    if (c.var.apiToken) return next();
    c.set("actor", null);
    const token = readSessionToken(c);
    if (!token) return next();
    const db = c.var.db;
    const hash = await sha256Hex(token);
    const idleMs = Number(c.env.SESSION_IDLE_SECONDS) * 1000;
    const cached = secondPass.has(c.req.raw) ? undefined : known.get(hash);
    const safe = c.req.method === "GET" || c.req.method === "HEAD";
    const rides =
      cached !== undefined &&
      options.redispatch !== undefined &&
      (safe || RIDING_WRITES.some((r) => r.test(c.req.path)));

    if (!rides) {
      const row = await getSessionActor(db, hash);
      const now = Date.now();
      if (!validAt(row, now, idleMs)) {
        remember(hash, null);
        await next();
        // on the answer as made, so that an error answer (a 401, mostly) drops the dead cookie too
        clearStaleSessionCookie(c);
        return;
      }
      if (now - row.lastSeenAt > TOUCH_EVERY_MS) await touchSession(db, row.sessionId, now);
      const actor = actorOf(row);
      remember(hash, actor);
      c.set("actor", actor);
      return next();
    }

    // the body may be read before the first call to D1: keep a copy for a second pass
    const retry = safe ? null : c.req.raw.clone();
    const query = statementParts<SessionActorRow[]>(sessionActorQuery(db, hash));
    let stale = false;
    let touch: SessionActorRow | null = null;
    const slot = c.var.d1Rider;
    slot.pending = {
      sql: query.sql,
      params: query.params,
      check(result) {
        const row = query.map(result)[0];
        const now = Date.now();
        if (!validAt(row, now, idleMs) || !sameActor(actorOf(row), cached!)) {
          stale = true;
          remember(hash, null);
          throw new ApiError(401, "auth.session_changed", "Your session changed; sign in again");
        }
        if (now - row.lastSeenAt > TOUCH_EVERY_MS) touch = row;
      },
    };
    c.set("actor", cached!);
    await next();
    // a request that never reached D1 checks its session now, alone
    if (slot.pending) {
      try {
        await flushRider(db.$client as D1Like);
      } catch {
        stale = true;
      }
    }
    if (stale) {
      const request = retry ?? new Request(c.req.raw);
      secondPass.add(request);
      c.res = await options.redispatch!(request, c.env, executionCtxOf(c));
      return;
    }
    if (touch) await touchSession(db, (touch as SessionActorRow).sessionId, Date.now());
  });
}
