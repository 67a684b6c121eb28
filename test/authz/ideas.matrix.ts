import { COMPLETE_IDEA, insertIdea, openCampaign } from "../fixtures/ideas";
import { statuses, type MatrixEntry, type MatrixFixtures } from "./matrix-entry";

/** A submitted idea of the agency, by its ASN. */
const submitted = async (fx: MatrixFixtures) => insertIdea(await openCampaign(fx.agency), fx.asn.user);

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/ideas",
    request: () => ({ path: "/api/v1/ideas?sort=trending" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "GET /api/v1/ideas/similar",
    request: () => ({ path: "/api/v1/ideas/similar?text=antrean%20KTP" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "POST /api/v1/ideas",
    request: () => ({ path: "/api/v1/ideas", body: COMPLETE_IDEA }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 201),
  },
  {
    route: "GET /api/v1/ideas/{id}",
    request: async (fx) => ({ path: `/api/v1/ideas/${(await submitted(fx)).id}` }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
  {
    route: "PATCH /api/v1/ideas/{id}",
    // a draft of the ASN: nobody else even sees it
    request: async (fx) => {
      const draft = await insertIdea(await openCampaign(fx.agency), fx.asn.user, { status: "draft" });
      return { path: `/api/v1/ideas/${draft.id}`, body: { benefit: "Warga terlayani lebih cepat." } };
    },
    expect: statuses({ guest_reviewer: 403, anonymous: 401, asn: 200 }, 404),
  },
  {
    route: "POST /api/v1/ideas/{id}/transitions",
    request: async (fx) => ({
      path: `/api/v1/ideas/${(await submitted(fx)).id}/transitions`,
      body: { action: "start_review" },
    }),
    expect: statuses({ anonymous: 401, admin: 200, otherAdmin: 404 }, 403),
  },
  {
    route: "POST /api/v1/ideas/{id}/merge",
    request: async (fx) => {
      const [a, b] = [await submitted(fx), await submitted(fx)];
      return { path: `/api/v1/ideas/${b.id}/merge`, body: { intoId: a.id, reason: "Duplikat" } };
    },
    expect: statuses({ anonymous: 401, admin: 200, otherAdmin: 404 }, 403),
  },
];
