import { statuses, type MatrixEntry } from "./matrix-entry";

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/stats/dashboard",
    request: () => ({ path: "/api/v1/stats/dashboard" }),
    expect: statuses({ anonymous: 401, leader: 200, admin: 200, otherAdmin: 200 }, 403),
  },
];
