import { competition } from "../fixtures/ideas";
import { statuses, type MatrixEntry } from "./matrix-entry";

const day = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * day).toISOString();

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/campaigns",
    request: () => ({ path: "/api/v1/campaigns" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "GET /api/v1/campaigns/{id}",
    request: async (fx) => ({ path: `/api/v1/campaigns/${(await competition(fx.agency, "voting")).id}` }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
  {
    route: "POST /api/v1/campaigns",
    request: () => ({
      path: "/api/v1/campaigns",
      body: {
        title: "Kompetisi Inovasi Uji",
        submissionStart: at(1),
        submissionEnd: at(10),
        votingStart: at(5),
        votingEnd: at(20),
        reviewStart: at(20),
        reviewEnd: at(30),
        announcementAt: at(31),
      },
    }),
    // the other agency's admin creates one in their own agency
    expect: statuses({ anonymous: 401, admin: 201, otherAdmin: 201 }, 403),
  },
  {
    route: "PATCH /api/v1/campaigns/{id}",
    request: async (fx) => ({
      path: `/api/v1/campaigns/${(await competition(fx.agency, "voting")).id}`,
      body: { voteBudget: 4 },
    }),
    expect: statuses({ anonymous: 401, admin: 200, otherAdmin: 404 }, 403),
  },
];
