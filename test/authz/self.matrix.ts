import { statuses, type MatrixEntry } from "./matrix-entry";

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/me/profile",
    request: () => ({ path: "/api/v1/me/profile" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "GET /api/v1/me/home",
    request: () => ({ path: "/api/v1/me/home" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "GET /api/v1/me/export",
    request: () => ({ path: "/api/v1/me/export" }),
    expect: statuses({ anonymous: 401 }, 200),
  },
];
