import { createMiddleware } from "hono/factory";
import { getApiTokenActor, touchApiToken } from "../db/queries/api-tokens.queries";
import { API_SCOPES, requiredScope, TOKEN_PREFIX, tokenProblem, type ApiScope } from "../domain/api-scopes";
import { parseRoles } from "../domain/roles";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/problem";
import { sha256Hex } from "../lib/tokens";

/** A use is recorded at most this often per token: reads stay free of writes. */
export const TOKEN_TOUCH_EVERY_MS = 5 * 60 * 1000;

/** `ggs_` and 32 random bytes in base64url (43 characters). */
const SECRET_SHAPE = new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

/** The id of a service token's actor: no person has it, so nothing of a person matches it. */
export const SERVICE_ACTOR_ID = 0;

const invalid = (code: string, detail: string) =>
  new ApiError(401, code, detail, {
    headers: { "www-authenticate": `Bearer error="invalid_token", error_description="${detail}"` },
  });

const browserOnly = () =>
  new ApiError(
    403,
    "token.browser_only",
    "API tokens cannot sign in or out, change passwords, or manage tokens: use the browser",
  );

/**
 * A second lock on the operations a token must never reach (tokens themselves), besides the path rule
 * the middleware applies before routing: refuses any request that came with a token.
 * @example createRoute({ …, middleware: [sessionOnly(), guard()] })
 */
export function sessionOnly() {
  return createMiddleware<AppEnv>(async function sessionOnly(c, next) {
    if (c.var.apiToken) throw browserOnly();
    return next();
  });
}

function checkScope(method: string, path: string, scopes: readonly ApiScope[]): void {
  if (!path.startsWith("/api/v1/")) return;
  const need = requiredScope(method, path.slice("/api/v1".length));
  if (need.kind === "public") return;
  if (need.kind === "browser_only") throw browserOnly();
  if (!scopes.includes(need.scope)) {
    throw new ApiError(403, `token.scope_missing.${need.scope}`, `This token lacks the scope ${need.scope}`, {
      headers: { "www-authenticate": `Bearer error="insufficient_scope", scope="${need.scope}"` },
    });
  }
}

/**
 * `Authorization: Bearer ggs_…` → `c.var.actor` as the token's person (personal) or as the agency's
 * service (service), and `c.var.apiToken`. A wrong, expired or revoked token, or one whose person or
 * agency is deactivated, is 401 with its own code; an operation outside the token's scopes is 403
 * `token.scope_missing.<scope>`; signing in and out, passwords and tokens are 403 `token.browser_only`.
 * Without the header the cookie session (middlewares/session) decides.
 */
export function apiToken() {
  return createMiddleware<AppEnv>(async function apiToken(c, next) {
    c.set("apiToken", null);
    const header = c.req.header("authorization");
    if (header === undefined) return next();
    const secret = /^Bearer +(\S+) *$/i.exec(header)?.[1];
    if (!secret || !SECRET_SHAPE.test(secret)) {
      throw invalid("token.malformed", `Send Authorization: Bearer ${TOKEN_PREFIX}...`);
    }
    const db = c.var.db;
    const row = await getApiTokenActor(db, await sha256Hex(secret));
    if (!row) throw invalid("token.unknown", "No such token");
    const now = Date.now();
    const problem = tokenProblem(row, now);
    if (problem === "revoked") throw invalid("token.revoked", "This token was revoked");
    if (problem === "expired") throw invalid("token.expired", "This token has expired");
    if (problem === "inactive" || (row.kind === "personal" && row.userId === null)) {
      throw invalid("token.account_inactive", "The token's account or agency is deactivated");
    }
    const scopes = (JSON.parse(row.scopes) as string[]).filter((s): s is ApiScope =>
      (API_SCOPES as readonly string[]).includes(s),
    );
    checkScope(c.req.method, c.req.path, scopes);
    if (row.lastUsedAt === null || now - row.lastUsedAt > TOKEN_TOUCH_EVERY_MS)
      await touchApiToken(db, row.tokenId, now);
    c.set("apiToken", { id: row.tokenId, kind: row.kind, scopes });
    c.set(
      "actor",
      row.kind === "personal"
        ? {
            userId: row.userId!,
            agencyId: row.agencyId,
            unitId: row.unitId!,
            roles: parseRoles(row.roles ?? ""),
            sessionId: 0,
            mustChangePassword: row.mustChangePassword === true,
            timeZone: row.timeZone,
          }
        : {
            // a service token reads the agency's figures and exports (SERVICE_SCOPES), which its admins may
            userId: SERVICE_ACTOR_ID,
            agencyId: row.agencyId,
            unitId: 0,
            roles: ["admin"],
            sessionId: 0,
            mustChangePassword: false,
            timeZone: row.timeZone,
          },
    );
    return next();
  });
}
