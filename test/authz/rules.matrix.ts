import { DEFAULT_RULES, RULE_KEYS, ruleBounds } from "../../src/domain/reward-rules";
import { statuses, type MatrixEntry } from "./matrix-entry";

/** The agency admin edits their own agency's rules: the other agency's admin passes too. */
const admins = statuses({ anonymous: 401, admin: 200, otherAdmin: 200 }, 403);

const defaults = Object.fromEntries(
  RULE_KEYS.map((k) => {
    const { points, dailyCap, perSubjectCap } = DEFAULT_RULES.rules[k];
    return [k, ruleBounds(k).perSubjectCap ? { points, dailyCap, perSubjectCap } : { points, dailyCap }];
  }),
);

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/rewards/rules/versions",
    request: () => ({ path: "/api/v1/rewards/rules/versions" }),
    expect: admins,
  },
  {
    route: "POST /api/v1/rewards/rules/preview",
    request: () => ({ path: "/api/v1/rewards/rules/preview", body: { rules: defaults } }),
    expect: admins,
  },
];
