import { statuses, type MatrixEntry } from "./matrix-entry";

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/agencies/{id}/backup",
    request: (fx) => ({ path: `/api/v1/agencies/${fx.agency.id}/backup` }),
    expect: statuses({ anonymous: 401, superadmin: 200 }, 403),
  },
];
