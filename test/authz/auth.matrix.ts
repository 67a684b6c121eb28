import { TEST_PASSWORD } from "../fixtures/builders";
import { statuses, type MatrixEntry } from "./matrix-entry";

let attempt = 0;

export const matrix: MatrixEntry[] = [
  {
    route: "POST /api/v1/auth/login",
    // an account nobody has, from an address of its own: the answer must not depend on who asks
    request: () => {
      attempt += 1;
      return {
        path: "/api/v1/auth/login",
        body: { identifier: `tak-ada-${attempt}@uji.go.id`, password: "bukan-sandinya" },
        headers: { "cf-connecting-ip": `192.0.2.${attempt}` },
      };
    },
    expect: statuses({}, 401),
  },
  {
    route: "POST /api/v1/auth/logout",
    request: () => ({ path: "/api/v1/auth/logout" }),
    expect: statuses({}, 204),
    standIn: true,
  },
  {
    route: "POST /api/v1/auth/logout-all",
    request: () => ({ path: "/api/v1/auth/logout-all" }),
    expect: statuses({ anonymous: 401 }, 204),
    standIn: true,
  },
  {
    route: "GET /api/v1/auth/me",
    request: () => ({ path: "/api/v1/auth/me" }),
    expect: statuses({ anonymous: 401 }, 200),
  },
  {
    route: "POST /api/v1/auth/password",
    // a wrong current password: reaching the 422 proves the route let the caller in, and changes nothing
    request: () => ({
      path: "/api/v1/auth/password",
      body: { currentPassword: `${TEST_PASSWORD}-salah`, newPassword: "Layanan-Prima-Binjai-7" },
    }),
    expect: statuses({ anonymous: 401 }, 422),
  },
];
