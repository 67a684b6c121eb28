/**
 * What an API token may reach. A token names scopes; every operation of `/api/v1` needs one scope
 * (by its area and whether it reads or writes), is public, or is for the browser only (signing in
 * and out, passwords, tokens themselves, push subscriptions of a device). The rules are by path, so
 * a new feature's operations fall under `ideas:read` / `ideas:write` until it names its own area.
 */
import type { Role } from "./roles";

export const API_SCOPES = [
  "ideas:read",
  "ideas:write",
  "stats:read",
  "exports:read",
  "admin:read",
  "admin:write",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** A service token belongs to no person: it reads the agency's figures and exports, nothing else. */
export const SERVICE_SCOPES = ["stats:read", "exports:read"] as const satisfies readonly ApiScope[];

/** Longest life of a token: a year. */
export const MAX_TOKEN_DAYS = 365;

/** The prefix of every secret, so that scanners and people recognise a leaked Gagas token. */
export const TOKEN_PREFIX = "ggs_";

export type ScopeRequirement = { kind: "public" } | { kind: "browser_only" } | { kind: "scope"; scope: ApiScope };

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Paths (under `/api/v1`) a token never reaches: its holder must use the browser. */
const BROWSER_ONLY: readonly RegExp[] = [
  /^\/auth\/(?!me$)/,
  /^\/api-tokens(\/|$)/,
  /^\/service-tokens(\/|$)/,
  /^\/users\/[^/]+\/reset-password$/,
  /^\/activation(\/|$)/,
  /^\/push(\/|$)/,
];

/** Read by anyone, signed in or not: a token needs no scope for them. */
const PUBLIC_READS: readonly RegExp[] = [
  /^\/health$/,
  /^\/certificates\/[^/]+$/,
  /^\/hall-of-fame\/[^/]+$/,
  /^\/public-library\/[^/]+$/,
  /^\/agencies\/[^/]+\/emblem$/,
];

/** The agency's administration: people, units, settings, audit, webhooks, moderation, agencies. */
const ADMIN_AREA = /^\/(users|agency|agencies|audit-log(\.csv)?|webhooks|moderation|bench)(\/|$)/;

/**
 * The scope an operation needs from a token.
 * @param method the HTTP method
 * @param path the path under `/api/v1` (e.g. `/exports/ideas.csv`)
 * @example requiredScope("GET", "/exports/ideas.csv") // { kind: "scope", scope: "exports:read" }
 */
export function requiredScope(method: string, path: string): ScopeRequirement {
  const read = READS.has(method.toUpperCase());
  if (BROWSER_ONLY.some((p) => p.test(path))) return { kind: "browser_only" };
  if (read && PUBLIC_READS.some((p) => p.test(path))) return { kind: "public" };
  if (read && /^\/stats(\/|$)/.test(path)) return { kind: "scope", scope: "stats:read" };
  if (read && /^\/exports(\/|$)/.test(path)) return { kind: "scope", scope: "exports:read" };
  if (ADMIN_AREA.test(path) || (!read && /^\/units(\/|$)/.test(path)))
    return { kind: "scope", scope: read ? "admin:read" : "admin:write" };
  return { kind: "scope", scope: read ? "ideas:read" : "ideas:write" };
}

/**
 * The scopes a person may put on a personal token: what their roles could use at all. A token is
 * still checked against the person's permissions at every request (roles change).
 */
export function grantableScopes(roles: readonly Role[]): ApiScope[] {
  const admin = roles.includes("admin") || roles.includes("superadmin");
  const figures = admin || roles.includes("leader");
  return API_SCOPES.filter((scope) => {
    if (scope === "stats:read" || scope === "exports:read") return figures;
    if (scope === "admin:read" || scope === "admin:write") return admin;
    return true;
  });
}

/** Why a token cannot be used now, or null when it can. */
export type TokenState = "expired" | "revoked" | "inactive" | null;

export function tokenProblem(
  token: { expiresAt: number; revokedAt: number | null; active: boolean },
  now: number,
): TokenState {
  if (token.revokedAt !== null) return "revoked";
  if (token.expiresAt <= now) return "expired";
  if (!token.active) return "inactive";
  return null;
}
