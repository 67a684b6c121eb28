import { DEFAULT_RULES, RULE_KEYS } from "../../src/domain/reward-rules";
import { statuses, type MatrixEntry } from "./matrix-entry";

/** The defaults as a publish body (without a base version, so every persona's request stands alone). */
const rulesBody = {
  rules: Object.fromEntries(
    RULE_KEYS.map((k) => {
      const { points, dailyCap, perSubjectCap } = DEFAULT_RULES.rules[k];
      return [k, k === "vote_received" ? { points, dailyCap, perSubjectCap } : { points, dailyCap }];
    }),
  ),
};

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/rewards/me",
    request: () => ({ path: "/api/v1/rewards/me" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "GET /api/v1/rewards/ledger",
    // the ASN's ledger: theirs to read, and the agency admin's; another agency's admin does not find them
    request: (fx) => ({ path: `/api/v1/rewards/ledger?userId=${fx.asn.user.id}` }),
    expect: statuses({ anonymous: 401, asn: 200, admin: 200, otherAdmin: 404 }, 403),
  },
  {
    route: "GET /api/v1/rewards/badges",
    request: () => ({ path: "/api/v1/rewards/badges" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "GET /api/v1/rewards/rules",
    request: () => ({ path: "/api/v1/rewards/rules" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "PUT /api/v1/rewards/rules",
    request: () => ({ path: "/api/v1/rewards/rules", body: rulesBody }),
    expect: statuses({ anonymous: 401, admin: 200, otherAdmin: 200 }, 403),
  },
  {
    route: "GET /api/v1/leaderboards",
    request: () => ({ path: "/api/v1/leaderboards?scope=units&period=year" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
];
