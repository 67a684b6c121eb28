/// <reference types="vite/client" />
/**
 * Every route × persona → the expected status, from the tables in `test/authz/*.matrix.ts`.
 * A route in `/api/openapi.json` without a row fails here, so a new route cannot ship without
 * saying who may call it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createPersonas, createUser, signIn } from "./fixtures/builders";
import { api } from "./fixtures/http";
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
    const doc = (await (await api("GET", "/api/openapi.json")).json()) as { paths: Record<string, object> };
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
