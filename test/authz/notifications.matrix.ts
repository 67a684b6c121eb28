import { statuses, type MatrixEntry } from "./matrix-entry";

const signedIn = statuses({ anonymous: 401, guest_reviewer: 403 }, 200);

export const matrix: MatrixEntry[] = [
  { route: "GET /api/v1/notifications", request: () => ({ path: "/api/v1/notifications" }), expect: signedIn },
  {
    route: "GET /api/v1/notifications/unread-count",
    request: () => ({ path: "/api/v1/notifications/unread-count" }),
    expect: signedIn,
  },
  {
    route: "POST /api/v1/notifications/read",
    request: () => ({ path: "/api/v1/notifications/read", body: { all: true } }),
    expect: signedIn,
  },
  {
    route: "GET /api/v1/notifications/preferences",
    request: () => ({ path: "/api/v1/notifications/preferences" }),
    expect: signedIn,
  },
  {
    route: "PUT /api/v1/notifications/preferences",
    request: () => ({ path: "/api/v1/notifications/preferences", body: { muted: ["points_earned"] } }),
    expect: signedIn,
  },
];
