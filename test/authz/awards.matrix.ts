import { awardBody, announceAward, setHallOfFamePublic } from "../fixtures/awards";
import { createAgency } from "../fixtures/builders";
import { statuses, type MatrixEntry, type MatrixFixtures } from "./matrix-entry";

/** An award the agency's leader announced to its ASN (each persona's request gets its own). */
const announced = (fx: MatrixFixtures) => announceAward(fx.leader.cookie, awardBody({ userIds: [fx.asn.user.id] }));

export const matrix: MatrixEntry[] = [
  {
    route: "POST /api/v1/awards",
    request: (fx) => ({ path: "/api/v1/awards", body: awardBody({ userIds: [fx.asn.user.id] }) }),
    expect: statuses({ anonymous: 401, leader: 201 }, 403),
  },
  {
    route: "GET /api/v1/awards",
    request: () => ({ path: "/api/v1/awards" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "GET /api/v1/awards/{id}",
    request: async (fx) => ({ path: `/api/v1/awards/${(await announced(fx)).id}` }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
  {
    route: "POST /api/v1/awards/{id}/revoke",
    request: async (fx) => ({
      path: `/api/v1/awards/${(await announced(fx)).id}/revoke`,
      body: { reason: "Diberikan karena kekeliruan data." },
    }),
    expect: statuses({ anonymous: 401, leader: 200 }, 403),
  },
  {
    route: "GET /api/v1/awards/{id}/certificates/{recipientId}.pdf",
    // the ASN's certificate: theirs, and the leaders' and admins' of the agency
    request: async (fx) => {
      const award = await announced(fx);
      return { path: `/api/v1/awards/${award.id}/certificates/${award.recipients[0]!.id}.pdf` };
    },
    expect: statuses({ anonymous: 401, asn: 200, leader: 200, admin: 200, otherAdmin: 404 }, 403),
  },
  {
    route: "GET /api/v1/hall-of-fame/{agencySlug}",
    // an agency that makes its Hall of Fame public: anyone reads it, signed in or not
    request: async () => {
      const agency = await createAgency("Pemerintah Kota Terbuka");
      await setHallOfFamePublic(agency, true);
      return { path: `/api/v1/hall-of-fame/${agency.slug}` };
    },
    expect: statuses({}, 200),
  },
  {
    route: "GET /api/v1/certificates/{code}",
    request: async (fx) => ({ path: `/api/v1/certificates/${(await announced(fx)).recipients[0]!.certificateCode}` }),
    expect: statuses({}, 200),
  },
];
