import { insertIdea, openCampaign } from "../fixtures/ideas";
import { statuses, type MatrixEntry } from "./matrix-entry";

/** The agency's dashboards and exports: leaders and admins (each of their own agency). */
const statsReaders = statuses({ anonymous: 401, leader: 200, admin: 200, otherAdmin: 200 }, 403);

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/exports/ideas.csv",
    request: () => ({ path: "/api/v1/exports/ideas.csv" }),
    expect: statsReaders,
  },
  {
    route: "GET /api/v1/exports/votes.csv",
    request: () => ({ path: "/api/v1/exports/votes.csv" }),
    expect: statsReaders,
  },
  {
    route: "GET /api/v1/exports/ledger.csv",
    request: () => ({ path: "/api/v1/exports/ledger.csv?from=2026-01-01&to=2026-12-31" }),
    expect: statuses({ anonymous: 401, admin: 200, otherAdmin: 200 }, 403),
  },
  {
    route: "GET /api/v1/exports/awards.csv",
    request: () => ({ path: "/api/v1/exports/awards.csv" }),
    expect: statsReaders,
  },
  {
    route: "GET /api/v1/ideas/{id}/dossier",
    request: async (fx) => {
      const idea = await insertIdea(await openCampaign(fx.agency), fx.asn.user);
      return { path: `/api/v1/ideas/${idea.id}/dossier` };
    },
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
];
