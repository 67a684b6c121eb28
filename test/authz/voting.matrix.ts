import { createUser } from "../fixtures/builders";
import { competition, insertIdea, openCampaign, seatOnCommittee } from "../fixtures/ideas";
import { statuses, type MatrixEntry, type MatrixFixtures } from "./matrix-entry";

/** A submitted Kotak Ide idea by a colleague none of the personas is, so anyone may vote for it. */
const colleaguesIdea = async (fx: MatrixFixtures) =>
  insertIdea(await openCampaign(fx.agency), await createUser(fx.unit));

export const matrix: MatrixEntry[] = [
  {
    route: "PUT /api/v1/ideas/{id}/vote",
    request: async (fx) => ({ path: `/api/v1/ideas/${(await colleaguesIdea(fx)).id}/vote` }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
  {
    route: "DELETE /api/v1/ideas/{id}/vote",
    request: async (fx) => ({ path: `/api/v1/ideas/${(await colleaguesIdea(fx)).id}/vote` }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
  {
    route: "GET /api/v1/campaigns/{id}/my-votes",
    request: async (fx) => ({ path: `/api/v1/campaigns/${(await openCampaign(fx.agency)).id}/my-votes` }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
  {
    route: "GET /api/v1/ideas/{id}/vote-sources",
    // a competition chaired by the reviewer persona: the chair and the admin see where votes came from
    request: async (fx) => {
      const campaign = await competition(fx.agency, "voting");
      await seatOnCommittee(campaign, fx.reviewer.user, "chair");
      const idea = await insertIdea(campaign, await createUser(fx.unit));
      return { path: `/api/v1/ideas/${idea.id}/vote-sources` };
    },
    expect: statuses({ anonymous: 401, reviewer: 200, admin: 200, otherAdmin: 404 }, 403),
  },
  {
    route: "PUT /api/v1/ideas/{id}/follow",
    request: async (fx) => ({ path: `/api/v1/ideas/${(await colleaguesIdea(fx)).id}/follow` }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
  {
    route: "DELETE /api/v1/ideas/{id}/follow",
    request: async (fx) => ({ path: `/api/v1/ideas/${(await colleaguesIdea(fx)).id}/follow` }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
];
