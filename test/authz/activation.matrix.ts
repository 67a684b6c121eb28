import { createUnit } from "../fixtures/builders";
import { statuses, type MatrixEntry } from "./matrix-entry";

/** Only the agency's admin; the other agency's admin meets this agency's ids. */
const adminOnly = (ok: number, otherAdmin: number) => statuses({ anonymous: 401, admin: ok, otherAdmin }, 403);

let n = 0;

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/activation/units",
    request: () => ({ path: "/api/v1/activation/units" }),
    expect: adminOnly(200, 200),
  },
  {
    route: "GET /api/v1/activation/units/{id}",
    request: (fx) => ({ path: `/api/v1/activation/units/${fx.unit.id}` }),
    expect: adminOnly(200, 404),
  },
  {
    // an empty unit of its own: nobody to e-mail, so the request changes nothing
    route: "POST /api/v1/activation/send",
    request: async (fx) => ({ path: "/api/v1/activation/send", body: { unitId: (await createUnit(fx.agency)).id } }),
    expect: adminOnly(200, 404),
  },
  {
    route: "POST /api/v1/activation/sheet",
    request: async (fx) => ({ path: "/api/v1/activation/sheet", body: { unitId: (await createUnit(fx.agency)).id } }),
    expect: adminOnly(200, 404),
  },
  {
    // a token nobody has, from an address of its own: the answer must not depend on who asks
    route: "POST /api/v1/auth/tokens/check",
    request: () => ({
      path: "/api/v1/auth/tokens/check",
      body: { token: `tidak-ada-${++n}-xxxxxxxx` },
      headers: { "cf-connecting-ip": `198.18.0.${n}` },
    }),
    expect: statuses({}, 404),
  },
  {
    route: "POST /api/v1/auth/activate",
    request: () => ({
      path: "/api/v1/auth/activate",
      body: { token: `tidak-ada-${++n}-xxxxxxxx`, newPassword: "Layanan-Prima-Binjai-7" },
      headers: { "cf-connecting-ip": `198.18.1.${n}` },
    }),
    expect: statuses({}, 404),
  },
  {
    route: "POST /api/v1/auth/reset",
    request: () => ({
      path: "/api/v1/auth/reset",
      body: { token: `tidak-ada-${++n}-xxxxxxxx`, newPassword: "Layanan-Prima-Binjai-7" },
      headers: { "cf-connecting-ip": `198.18.2.${n}` },
    }),
    expect: statuses({}, 404),
  },
  {
    route: "POST /api/v1/auth/forgot",
    request: () => ({
      path: "/api/v1/auth/forgot",
      body: { identifier: `tidak-ada-${++n}@uji.go.id` },
      headers: { "cf-connecting-ip": `198.18.3.${n}` },
    }),
    expect: statuses({}, 202),
  },
  {
    route: "POST /api/v1/notifications/unsubscribe",
    request: () => ({ path: "/api/v1/notifications/unsubscribe", body: { token: "0".repeat(32) } }),
    expect: statuses({}, 404),
  },
];
