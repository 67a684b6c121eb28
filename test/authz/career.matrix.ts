import { careerShares } from "../../src/db/schema";
import { testDb } from "../fixtures/db";
import { insertCareerRecord } from "../fixtures/tenant-rows";
import { statuses, type MatrixEntry, type MatrixFixtures, type MatrixPersona } from "./matrix-entry";

/** The persona's own issued record (a stand-in row for anonymous, who has none). */
const ownRecord = async (fx: MatrixFixtures, persona: MatrixPersona) =>
  insertCareerRecord(persona === "anonymous" ? fx.asn.user : fx[persona].user);

/** The asn persona shares their record: its public code. */
async function sharedCode(fx: MatrixFixtures) {
  const code = crypto.randomUUID().replaceAll("-", "");
  await testDb
    .insert(careerShares)
    .values({ userId: fx.asn.user.id, agencyId: fx.asn.user.agencyId, code, createdAt: 0 })
    .onConflictDoUpdate({ target: careerShares.userId, set: { code } });
  return code;
}

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/me/career-record",
    request: () => ({ path: "/api/v1/me/career-record" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "POST /api/v1/me/career-records",
    request: () => ({ path: "/api/v1/me/career-records", body: {} }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 201),
  },
  {
    route: "GET /api/v1/me/career-records/{id}/pdf",
    // the record of the asn persona: everyone else (their own agency's admin included) gets 404
    request: async (fx) => ({ path: `/api/v1/me/career-records/${(await insertCareerRecord(fx.asn.user)).id}/pdf` }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401, asn: 200 }, 404),
  },
  {
    route: "POST /api/v1/me/career-records/{id}/revoke",
    request: async (fx, persona) => ({ path: `/api/v1/me/career-records/${(await ownRecord(fx, persona)).id}/revoke` }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "PUT /api/v1/me/career-share",
    request: () => ({ path: "/api/v1/me/career-share", body: { enabled: false } }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "GET /api/v1/career-records/{code}",
    request: async (fx) => ({ path: `/api/v1/career-records/${(await insertCareerRecord(fx.asn.user)).code}` }),
    expect: statuses({}, 200),
  },
  {
    route: "GET /api/v1/shared-records/{code}",
    request: async (fx) => ({ path: `/api/v1/shared-records/${await sharedCode(fx)}` }),
    expect: statuses({}, 200),
  },
];
