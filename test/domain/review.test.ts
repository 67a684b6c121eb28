import { describe, expect, it } from "vitest";
import { checkDraftScores, missingForSubmission } from "../../src/domain/review";

const rubric = [
  { key: "kebaruan", weight: 60, scaleMax: 5 },
  { key: "urgensi", weight: 40, scaleMax: 3 },
];

describe("checkDraftScores", () => {
  it("accepts a partial draft on the scale", () => {
    expect(checkDraftScores(rubric, { kebaruan: 5 })).toEqual([]);
    expect(checkDraftScores(rubric, {})).toEqual([]);
  });

  it("names each unknown criterion and each score off its scale", () => {
    expect(checkDraftScores(rubric, { kebaruan: 0, urgensi: 4, gaya: 2 }).map((p) => `${p.field}:${p.code}`)).toEqual([
      "scores.kebaruan:review.score_out_of_range",
      "scores.urgensi:review.score_out_of_range",
      "scores.gaya:review.unknown_criterion",
    ]);
    expect(checkDraftScores(rubric, { kebaruan: 2.5 })[0]?.code).toBe("review.score_out_of_range");
  });
});

describe("missingForSubmission", () => {
  it("needs every criterion and a recommendation", () => {
    expect(missingForSubmission(rubric, { scores: { kebaruan: 3 }, recommendation: null }).map((p) => p.field)).toEqual(
      ["scores.urgensi", "recommendation"],
    );
    expect(missingForSubmission(rubric, { scores: { kebaruan: 3, urgensi: 1 }, recommendation: "reject" })).toEqual([]);
  });
});
