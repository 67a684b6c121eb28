import { createUser } from "../fixtures/builders";
import { addCoauthor } from "../fixtures/idea-team";
import { insertIdea, openCampaign } from "../fixtures/ideas";
import { statuses, type MatrixEntry, type MatrixFixtures } from "./matrix-entry";

/** A submitted idea of the agency, by its ASN: everyone of the agency sees it. */
const submitted = async (fx: MatrixFixtures) => insertIdea(await openCampaign(fx.agency), fx.asn.user);

export const matrix: MatrixEntry[] = [
  {
    route: "POST /api/v1/ideas/{id}/coauthors",
    // only the team invites; everyone else of the agency sees the idea but may not
    request: async (fx) => ({
      path: `/api/v1/ideas/${(await submitted(fx)).id}/coauthors`,
      body: { userId: (await createUser(fx.unit)).id },
    }),
    expect: statuses({ anonymous: 401, asn: 201, otherAdmin: 404 }, 403),
  },
  {
    route: "POST /api/v1/ideas/{id}/coauthors/accept",
    // each persona accepts an invitation of its own, on an idea of a colleague
    request: async (fx, persona) => {
      const idea = await insertIdea(await openCampaign(fx.agency), await createUser(fx.unit));
      if (persona !== "anonymous" && persona !== "otherAdmin")
        await addCoauthor(idea, fx[persona].user, { accepted: false });
      return { path: `/api/v1/ideas/${idea.id}/coauthors/accept` };
    },
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
  {
    route: "DELETE /api/v1/ideas/{id}/coauthors/{userId}",
    // removing someone else's co-author: the author alone
    request: async (fx) => {
      const idea = await submitted(fx);
      const coauthor = await createUser(fx.unit);
      await addCoauthor(idea, coauthor);
      return { path: `/api/v1/ideas/${idea.id}/coauthors/${coauthor.id}` };
    },
    expect: statuses({ anonymous: 401, asn: 204, otherAdmin: 404 }, 403),
  },
  {
    route: "GET /api/v1/me/invitations",
    request: () => ({ path: "/api/v1/me/invitations" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
];
