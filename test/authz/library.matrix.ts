import { createUser } from "../fixtures/builders";
import { insertIdea, openCampaign } from "../fixtures/ideas";
import { statuses, type MatrixEntry } from "./matrix-entry";

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/library",
    request: () => ({ path: "/api/v1/library?q=antrean&stage=original" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "GET /api/v1/library/choices",
    request: () => ({ path: "/api/v1/library/choices" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "GET /api/v1/library/{id}",
    // an implemented idea of the other agency: the library is shared between agencies
    request: async (fx) => {
      const author = await createUser(fx.otherUnit);
      const idea = await insertIdea(await openCampaign(fx.otherAgency), author, {
        status: "implemented",
        decidedAt: Date.now(),
      });
      return { path: `/api/v1/library/${idea.id}` };
    },
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
];
