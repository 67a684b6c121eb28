import { describe, expect, it } from "vitest";
import { checkRules, DEFAULT_RULES, RULE_BOUNDS, RULE_KEYS, type Rules } from "../../src/domain/reward-rules";

describe("checkRules", () => {
  it("accepts the defaults and the bounds themselves", () => {
    expect(checkRules(DEFAULT_RULES.rules)).toEqual([]);
    const edge = Object.fromEntries(
      RULE_KEYS.map((k) => [k, { points: RULE_BOUNDS.points.max, dailyCap: RULE_BOUNDS.cap.min, perSubjectCap: null }]),
    ) as Rules;
    expect(checkRules(edge)).toEqual([]);
    expect(
      checkRules({ ...DEFAULT_RULES.rules, vote_cast: { points: 0, dailyCap: null, perSubjectCap: null } }),
    ).toEqual([]);
  });

  it("names every value out of bounds: negative or fractional points, caps of 0 or too high", () => {
    const rules: Rules = {
      ...DEFAULT_RULES.rules,
      idea_submitted: { points: -1000, dailyCap: 0, perSubjectCap: null },
      vote_received: { points: 2.5, dailyCap: null, perSubjectCap: 10_001 },
      idea_approved: { points: 1001, dailyCap: 3, perSubjectCap: null },
    };
    expect(checkRules(rules).map((p) => `${p.field}:${p.code}`)).toEqual([
      "idea_submitted.points:reward.points_out_of_range",
      "idea_submitted.dailyCap:reward.cap_out_of_range",
      "vote_received.points:reward.points_out_of_range",
      "vote_received.perSubjectCap:reward.cap_out_of_range",
      "idea_approved.points:reward.points_out_of_range",
    ]);
  });
});
