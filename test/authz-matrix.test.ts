/// <reference types="vite/client" />
/**
 * Every route × persona → the expected status, from the tables in `test/authz/*.matrix.ts`.
 * A route in `/api/openapi.json` without a row fails here, so a new route cannot ship without
 * saying who may call it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { API_SCOPES, type ApiScope } from "../src/domain/api-scopes";
import { insertToken } from "./fixtures/api-tokens";
import { createPersonas, createUser, signIn } from "./fixtures/builders";
import { api } from "./fixtures/http";
import { loadContract } from "./fixtures/openapi";
import { MATRIX_PERSONAS, type MatrixEntry, type MatrixFixtures, type MatrixPersona } from "./authz/matrix-entry";

const files = import.meta.glob<{ matrix: MatrixEntry[] }>("./authz/*.matrix.ts", { eager: true });
const entries = Object.values(files).flatMap((file) => file.matrix);

const METHODS = new Set(["get", "post", "put", "patch", "delete"]);

let fx: MatrixFixtures;
beforeAll(async () => {
  fx = await createPersonas();
});

async function cookieFor(entry: MatrixEntry, persona: MatrixPersona): Promise<string | undefined> {
  if (persona === "anonymous") return undefined;
  const { user, cookie } = fx[persona];
  if (!entry.standIn) return cookie;
  const standIn = await createUser({ id: user.unitId, agencyId: user.agencyId, code: "" }, { roles: user.roles });
  return signIn(standIn);
}

/** `/api/v1/users/{id}` → a pattern the concrete path (and its query, if any) must match. */
const patternOf = (template: string) => new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/?]+")}(\\?.*)?$`);

describe("the authorization matrix", () => {
  it("has exactly one row for every operation in /api/openapi.json", async () => {
    const doc = await loadContract();
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => METHODS.has(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const routes = entries.map((e) => e.route);
    expect(
      operations.filter((op) => !routes.includes(op as MatrixEntry["route"])),
      "operations without a row",
    ).toEqual([]);
    expect(
      routes.filter((r) => !operations.includes(r)),
      "rows for no operation",
    ).toEqual([]);
    expect(
      routes.filter((r, i) => routes.indexOf(r) !== i),
      "routes with two rows",
    ).toEqual([]);
  });

  describe.each(entries.map((e) => [e.route, e] as const))("%s", (_route, entry) => {
    it.each(MATRIX_PERSONAS.map((p) => [p, entry.expect[p]] as const))("as %s answers %i", async (persona, status) => {
      const [method, template] = entry.route.split(" ") as [string, string];
      const request = await entry.request(fx, persona);
      expect(request.path).toMatch(patternOf(template));
      const cookie = await cookieFor(entry, persona);
      const res = await api(method, request.path, {
        ...(request.body !== undefined ? { body: request.body } : {}),
        ...(request.form ? { rawBody: request.form } : {}),
        ...(request.headers ? { headers: request.headers } : {}),
        ...(cookie ? { cookie } : {}),
      });
      expect(res.status, await res.clone().text()).toBe(status);
    });
  });
});

/**
 * Token personas: the admin with a token of each single scope, and the ASN and the other agency's
 * admin with a token of every scope. Each operation's scope is the one `/api/openapi.json` declares
 * (`security`); the live answer must keep to it: the declared scope answers as the token's person
 * does with a cookie (never beyond their permissions or agency), any other scope 403
 * `token.scope_missing.<scope>`, and an operation without a bearer scope 403 `token.browser_only`.
 */
type TokenPersona = { name: string; person: "admin" | "asn" | "otherAdmin"; scopes: readonly ApiScope[] };
const TOKEN_PERSONAS: TokenPersona[] = [
  ...API_SCOPES.map((scope) => ({ name: `admin token [${scope}]`, person: "admin" as const, scopes: [scope] })),
  { name: "asn token [every scope]", person: "asn", scopes: API_SCOPES },
  { name: "otherAdmin token [every scope]", person: "otherAdmin", scopes: API_SCOPES },
];

type Security = Record<string, string[]>[] | undefined;
let securityOf: Map<string, Security>;
const bearerOf: Record<string, Record<string, string>> = {};
beforeAll(async () => {
  const doc = await loadContract();
  securityOf = new Map(
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([m, op]) => [`${m.toUpperCase()} ${path}`, op.security] as const),
    ),
  );
  for (const t of TOKEN_PERSONAS) bearerOf[t.name] = (await insertToken(fx[t.person].user, t.scopes)).bearer;
});

describe("the authorization matrix with API tokens", () => {
  it("declares how every operation is reached: a session, a bearer scope, or anonymously", () => {
    const undeclared = entries.filter((e) => !securityOf.get(e.route)?.length).map((e) => e.route);
    expect(undeclared).toEqual([]);
  });

  describe.each(entries.map((e) => [e.route, e] as const))("%s", (_route, entry) => {
    it.each(TOKEN_PERSONAS.map((t) => [t.name, t] as const))("as %s", async (_name, persona) => {
      const [method, template] = entry.route.split(" ") as [string, string];
      const security = securityOf.get(entry.route) ?? [];
      const publicOperation = security.length === 1 && Object.keys(security[0]!).length === 0;
      const scope = security.find((s) => s.bearerToken)?.bearerToken?.[0];
      const request = await entry.request(fx, persona.person);
      expect(request.path).toMatch(patternOf(template));
      const res = await api(method, request.path, {
        ...(request.body !== undefined ? { body: request.body } : {}),
        ...(request.form ? { rawBody: request.form } : {}),
        headers: { ...request.headers, ...bearerOf[persona.name] },
      });
      const text = await res.clone().text();
      if (publicOperation || (scope && persona.scopes.includes(scope as ApiScope))) {
        expect(res.status, text).toBe(entry.expect[persona.person]);
      } else {
        expect(res.status, text).toBe(403);
        expect(JSON.parse(text).code).toBe(scope ? `token.scope_missing.${scope}` : "token.browser_only");
      }
    });
  });
});
