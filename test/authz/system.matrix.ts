import { statuses, type MatrixEntry } from "./matrix-entry";

export const matrix: MatrixEntry[] = [
  { route: "GET /api/v1/health", request: () => ({ path: "/api/v1/health" }), expect: statuses({}, 200) },
];
