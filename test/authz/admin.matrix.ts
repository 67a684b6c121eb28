import { createUser, makeNip } from "../fixtures/builders";
import { csvFile } from "../fixtures/admin";
import { statuses, type MatrixEntry } from "./matrix-entry";

let n = 0;
const unique = () => `${++n}-${Math.floor(Math.random() * 1e9)}`;

/** Only the agency's admin; the other agency's admin meets this agency's ids. */
const adminOnly = (ok: number, otherAdmin: number) => statuses({ anonymous: 401, admin: ok, otherAdmin }, 403);

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/agencies",
    request: () => ({ path: "/api/v1/agencies" }),
    expect: statuses({ anonymous: 401, superadmin: 200 }, 403),
  },
  {
    route: "POST /api/v1/agencies",
    request: () => {
      const id = unique();
      return {
        path: "/api/v1/agencies",
        body: {
          name: `Pemerintah Kabupaten ${id}`,
          slug: `kab-${id}`,
          region: "Uji",
          admin: { nip: makeNip(), name: "Admin Baru", email: `admin-${id}@uji.go.id` },
        },
      };
    },
    expect: statuses({ anonymous: 401, superadmin: 201 }, 403),
  },
  {
    route: "GET /api/v1/units",
    request: () => ({ path: "/api/v1/units" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "POST /api/v1/units",
    request: (fx) => ({
      path: "/api/v1/units",
      body: { code: `BID-${unique()}`, name: "Bidang Uji", parentId: fx.unit.id },
    }),
    // the parent is a unit of this agency: for the other agency's admin it does not exist
    expect: adminOnly(201, 422),
  },
  {
    route: "PATCH /api/v1/units/{id}",
    request: (fx) => ({ path: `/api/v1/units/${fx.unit.id}`, body: { name: `Dinas Uji ${unique()}` } }),
    expect: adminOnly(200, 404),
  },
  {
    route: "GET /api/v1/users",
    request: () => ({ path: "/api/v1/users" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "GET /api/v1/users/{id}",
    request: (fx) => ({ path: `/api/v1/users/${fx.asn.user.id}` }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
  {
    route: "POST /api/v1/users",
    request: (fx) => ({
      path: "/api/v1/users",
      body: { nip: makeNip(), name: "Pegawai Baru", email: `baru-${unique()}@uji.go.id`, unitId: fx.unit.id },
    }),
    expect: adminOnly(201, 422),
  },
  {
    route: "PATCH /api/v1/users/{id}",
    request: async (fx) => ({
      path: `/api/v1/users/${(await createUser(fx.unit)).id}`,
      body: { position: "Analis Kebijakan" },
    }),
    expect: adminOnly(200, 404),
  },
  {
    route: "POST /api/v1/users/{id}/reset-password",
    request: async (fx) => ({ path: `/api/v1/users/${(await createUser(fx.unit)).id}/reset-password` }),
    expect: adminOnly(200, 404),
  },
  {
    route: "POST /api/v1/users/import",
    request: (fx) => ({
      path: "/api/v1/users/import",
      form: csvFile([[makeNip(), "Pegawai Impor", `impor-${unique()}@uji.go.id`, fx.unit.code, "Staf", "asn"]]),
    }),
    // the unit code is this agency's: the other agency's admin gets a row report
    expect: adminOnly(200, 422),
  },
  { route: "GET /api/v1/audit-log", request: () => ({ path: "/api/v1/audit-log" }), expect: adminOnly(200, 200) },
];
