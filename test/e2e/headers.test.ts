/**
 * What the browser really gets: the SPA's HTML, its files and the API, as `wrangler dev` serves
 * them (frontend/public/_headers applied by Workers Static Assets), carry the security headers.
 * (The policies themselves are checked in test/security-headers.test.ts.)
 */
import { describe, expect, inject, it } from "vitest";

const YEAR = 31_536_000;

describe("security headers as served", () => {
  it.each(["/", "/ide", "/masuk", "/api/v1/health"])("GET %s", async (path) => {
    const res = await fetch(`${inject("baseUrl")}${path}`);
    expect(res.status).toBe(200);
    if (!path.startsWith("/api/")) expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = res.headers.get("content-security-policy") ?? "";
    const scripts = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? /(?:^|;)\s*default-src ([^;]*)/.exec(csp)?.[1];
    expect(scripts, `${path}: script sources`).toBeDefined();
    expect(scripts).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
    // one policy, not two joined with a comma (both would be enforced)
    expect(csp).not.toContain(",");
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(
      Number(/max-age=(\d+)/.exec(res.headers.get("strict-transport-security") ?? "")?.[1]),
    ).toBeGreaterThanOrEqual(YEAR);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });
});
