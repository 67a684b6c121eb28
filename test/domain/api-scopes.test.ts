import { describe, expect, it } from "vitest";
import { grantableScopes, requiredScope, tokenProblem } from "../../src/domain/api-scopes";

describe("requiredScope", () => {
  it.each([
    ["GET", "/ideas", { kind: "scope", scope: "ideas:read" }],
    ["POST", "/ideas", { kind: "scope", scope: "ideas:write" }],
    ["PUT", "/ideas/7/vote", { kind: "scope", scope: "ideas:write" }],
    ["GET", "/stats/dashboard", { kind: "scope", scope: "stats:read" }],
    ["GET", "/exports/ledger.csv", { kind: "scope", scope: "exports:read" }],
    ["GET", "/users", { kind: "scope", scope: "admin:read" }],
    ["GET", "/audit-log.csv", { kind: "scope", scope: "admin:read" }],
    ["PATCH", "/units/3", { kind: "scope", scope: "admin:write" }],
    ["GET", "/units", { kind: "scope", scope: "ideas:read" }],
    ["GET", "/auth/me", { kind: "scope", scope: "ideas:read" }],
    ["GET", "/health", { kind: "public" }],
    ["GET", "/certificates/ABC123", { kind: "public" }],
    ["GET", "/agencies/binjai/emblem", { kind: "public" }],
    ["GET", "/agencies", { kind: "scope", scope: "admin:read" }],
  ] as const)("%s %s needs %o", (method, path, expected) => {
    expect(requiredScope(method, path)).toEqual(expected);
  });

  it.each([
    ["POST", "/auth/login"],
    ["POST", "/auth/password"],
    ["POST", "/auth/logout-all"],
    ["GET", "/api-tokens"],
    ["DELETE", "/api-tokens/4"],
    ["POST", "/service-tokens"],
    ["POST", "/users/9/reset-password"],
    ["POST", "/activation/send"],
    ["PUT", "/push/subscriptions"],
  ])("%s %s is for the browser only", (method, path) => {
    expect(requiredScope(method, path)).toEqual({ kind: "browser_only" });
  });
});

describe("grantableScopes", () => {
  it("gives an ASN the ideas scopes only, a leader the figures too, an admin everything", () => {
    expect(grantableScopes(["asn"])).toEqual(["ideas:read", "ideas:write"]);
    expect(grantableScopes(["asn", "leader"])).toEqual(["ideas:read", "ideas:write", "stats:read", "exports:read"]);
    expect(grantableScopes(["asn", "admin"])).toHaveLength(6);
  });
});

describe("tokenProblem", () => {
  const live = { expiresAt: 2_000, revokedAt: null, active: true };
  it("names why a token cannot be used, revocation first", () => {
    expect(tokenProblem(live, 1_000)).toBeNull();
    expect(tokenProblem(live, 2_000)).toBe("expired");
    expect(tokenProblem({ ...live, revokedAt: 500 }, 3_000)).toBe("revoked");
    expect(tokenProblem({ ...live, active: false }, 1_000)).toBe("inactive");
  });
});
