import { statuses, type MatrixEntry } from "./matrix-entry";

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/bench/baseline",
    request: () => ({ path: "/api/v1/bench/baseline" }),
    // every signed-in person: it reads only their own agency
    expect: statuses({ anonymous: 401 }, 200),
  },
];
