import { createUser } from "../fixtures/builders";
import { insertIdea, openCampaign } from "../fixtures/ideas";
import { insertComment } from "../fixtures/voting";
import { statuses, type MatrixEntry, type MatrixFixtures } from "./matrix-entry";

const submitted = async (fx: MatrixFixtures) => insertIdea(await openCampaign(fx.agency), fx.asn.user);

/** A comment by the ASN persona: only they may edit or delete it. */
const asnComment = async (fx: MatrixFixtures) => insertComment(await submitted(fx), fx.asn.user);

/** A comment by a colleague none of the personas is: anyone may report it. */
const colleaguesComment = async (fx: MatrixFixtures) => insertComment(await submitted(fx), await createUser(fx.unit));

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/ideas/{id}/comments",
    request: async (fx) => ({ path: `/api/v1/ideas/${(await submitted(fx)).id}/comments` }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
  {
    route: "POST /api/v1/ideas/{id}/comments",
    request: async (fx) => ({
      path: `/api/v1/ideas/${(await submitted(fx)).id}/comments`,
      body: { body: "Setuju, mari diuji coba di kelurahan." },
    }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 201),
  },
  {
    route: "PATCH /api/v1/comments/{id}",
    request: async (fx) => ({ path: `/api/v1/comments/${(await asnComment(fx)).id}`, body: { body: "Diperbaiki." } }),
    expect: statuses({ anonymous: 401, asn: 200, otherAdmin: 404 }, 403),
  },
  {
    route: "DELETE /api/v1/comments/{id}",
    request: async (fx) => ({ path: `/api/v1/comments/${(await asnComment(fx)).id}` }),
    expect: statuses({ anonymous: 401, asn: 200, otherAdmin: 404 }, 403),
  },
  {
    route: "POST /api/v1/comments/{id}/report",
    request: async (fx) => ({
      path: `/api/v1/comments/${(await colleaguesComment(fx)).id}/report`,
      body: { reason: "Tidak pantas" },
    }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
  {
    route: "POST /api/v1/comments/{id}/hide",
    request: async (fx) => ({
      path: `/api/v1/comments/${(await colleaguesComment(fx)).id}/hide`,
      body: { reason: "Melanggar etika" },
    }),
    expect: statuses({ anonymous: 401, admin: 200, otherAdmin: 404 }, 403),
  },
  {
    route: "GET /api/v1/comments/reported",
    request: () => ({ path: "/api/v1/comments/reported" }),
    expect: statuses({ anonymous: 401, admin: 200, otherAdmin: 200 }, 403),
  },
  {
    route: "GET /api/v1/people",
    request: () => ({ path: "/api/v1/people?q=Persona" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
];
