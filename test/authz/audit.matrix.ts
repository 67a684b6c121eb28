import { statuses, type MatrixEntry } from "./matrix-entry";

/** The admin reads their own agency's log: the other agency's admin passes too (and sees only theirs). */
const admins = statuses({ anonymous: 401, admin: 200, otherAdmin: 200 }, 403);

export const matrix: MatrixEntry[] = [
  { route: "GET /api/v1/audit-log/actions", request: () => ({ path: "/api/v1/audit-log/actions" }), expect: admins },
  {
    route: "GET /api/v1/audit-log.csv",
    request: () => ({ path: "/api/v1/audit-log.csv?from=2026-01-01&separator=semicolon" }),
    expect: admins,
  },
];
