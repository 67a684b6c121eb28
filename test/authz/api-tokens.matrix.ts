import { insertToken } from "../fixtures/api-tokens";
import { statuses, type MatrixEntry } from "./matrix-entry";

/** Everyone signed in manages their own personal tokens; the agency admin its service tokens. */
const signedIn = (ok: number) => statuses({ anonymous: 401, guest_reviewer: 403 }, ok);
const ownAdmin = (ok: number) => statuses({ anonymous: 401, admin: ok, otherAdmin: 404 }, 403);

export const matrix: MatrixEntry[] = [
  { route: "GET /api/v1/api-tokens", request: () => ({ path: "/api/v1/api-tokens" }), expect: signedIn(200) },
  {
    route: "POST /api/v1/api-tokens",
    request: () => ({
      path: "/api/v1/api-tokens",
      body: { name: "Skrip matriks", scopes: ["ideas:read"], expiresInDays: 30 },
    }),
    expect: signedIn(201),
  },
  {
    // each persona revokes a token of their own; another's is 404 (test/api-tokens.test.ts)
    route: "DELETE /api/v1/api-tokens/{id}",
    request: async (fx, persona) => {
      const owner = persona === "anonymous" ? fx.asn : fx[persona];
      return { path: `/api/v1/api-tokens/${(await insertToken(owner.user, ["ideas:read"])).id}` };
    },
    expect: signedIn(204),
  },
  {
    route: "GET /api/v1/service-tokens",
    request: () => ({ path: "/api/v1/service-tokens" }),
    expect: statuses({ anonymous: 401, admin: 200, otherAdmin: 200 }, 403),
  },
  {
    route: "POST /api/v1/service-tokens",
    request: () => ({
      path: "/api/v1/service-tokens",
      body: { name: "Gudang data", scopes: ["exports:read"], expiresInDays: 90 },
    }),
    expect: statuses({ anonymous: 401, admin: 201, otherAdmin: 201 }, 403),
  },
  {
    route: "DELETE /api/v1/service-tokens/{id}",
    request: async (fx) => ({
      path: `/api/v1/service-tokens/${(await insertToken(fx.admin.user, ["stats:read"], { kind: "service" })).id}`,
    }),
    expect: ownAdmin(204),
  },
];
