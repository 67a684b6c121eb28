import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RUBRIC } from "../../src/domain/rubric";
import {
  compareRanked,
  normaliseScores,
  rankIdeas,
  reviewScore,
  standardDeviation,
  type SubmittedReview,
} from "../../src/domain/scoring";

let nextId = 1;
const review = (ideaId: number, reviewerId: number, score: number, extra: Partial<SubmittedReview> = {}) => ({
  id: nextId++,
  ideaId,
  reviewerId,
  score,
  recommendation: "approve" as const,
  submittedAt: 1_000,
  ...extra,
});
const idea = (id: number, voteCount = 0, submittedAt: number | null = 1_000, assigned = 3) => ({
  id,
  voteCount,
  submittedAt,
  assigned,
});

describe("reviewScore", () => {
  it("is the weighted mean of each score as a share of its scale, on 0–100", () => {
    // 60 × (4/5 × 100) + 40 × (2/4 × 100) = 4800 + 2000 → / 100 = 68
    const rubric = [
      { key: "a", weight: 60, scaleMax: 5 },
      { key: "b", weight: 40, scaleMax: 4 },
    ];
    expect(reviewScore(rubric, { a: 4, b: 2 })).toBe(68);
    // weights need not add up to 100: 1 × 100 + 3 × 20 → / 4 = 40
    expect(
      reviewScore(
        [
          { key: "a", weight: 1, scaleMax: 5 },
          { key: "b", weight: 3, scaleMax: 5 },
        ],
        { a: 5, b: 1 },
      ),
    ).toBe(40);
  });

  it("scores the KIPP rubric: all top marks 100, all 3 of 5 is 60, mixed hand-computed", () => {
    const all = (s: number) => Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.key, s]));
    expect(reviewScore(DEFAULT_RUBRIC, all(5))).toBe(100);
    expect(reviewScore(DEFAULT_RUBRIC, all(3))).toBe(60);
    // urgensi 15×100, kebaruan 20×80, efektivitas 20×60, kemanfaatan 20×100, replikasi 15×40, keberlanjutan 10×20
    // = 1500 + 1600 + 1200 + 2000 + 600 + 200 = 7100 → 71
    expect(
      reviewScore(DEFAULT_RUBRIC, {
        urgensi: 5,
        kebaruan: 4,
        efektivitas: 3,
        kemanfaatan: 5,
        replikasi: 2,
        keberlanjutan: 1,
      }),
    ).toBe(71);
  });

  it("is null while a criterion has no score, and rounds to two decimals", () => {
    expect(reviewScore(DEFAULT_RUBRIC, { urgensi: 5 })).toBeNull();
    // 1/3 × 100 = 33.333… → 33.33
    expect(reviewScore([{ key: "a", weight: 10, scaleMax: 3 }], { a: 1 })).toBe(33.33);
  });
});

describe("rankIdeas", () => {
  it("scores an idea as the mean of its submitted reviews", () => {
    const [row] = rankIdeas([idea(1)], [review(1, 10, 68), review(1, 11, 80), review(1, 12, 74)], {
      normalised: false,
      passingGrade: 70,
    });
    expect(row).toMatchObject({ ideaId: 1, rawScore: 74, score: 74, submitted: 3, assigned: 3, passes: true });
  });

  it("normalises a lenient and a harsh reviewer onto the same scale (hand-computed z-scores)", () => {
    // lenient: 90, 80, 70 → mean 80, sd √(200/3) = 8.165; harsh: 60, 50, 40 → mean 50, same sd.
    // z = ±1.2247 → 50 ± 15 × 1.2247 = 68.37 / 31.63; the middle one 50.
    const reviews = [
      review(1, 1, 90),
      review(2, 1, 80),
      review(3, 1, 70),
      review(1, 2, 60),
      review(2, 2, 50),
      review(3, 2, 40),
    ];
    const rows = rankIdeas([idea(1), idea(2), idea(3)], reviews, { normalised: true, passingGrade: 70 });
    expect(rows.map((r) => [r.ideaId, r.rawScore, r.normalisedScore, r.score])).toEqual([
      [1, 75, 68.37, 68.37],
      [2, 65, 50, 50],
      [3, 55, 31.63, 31.63],
    ]);
    // the passing grade is an absolute standard: it reads the raw score
    expect(rows.map((r) => r.passes)).toEqual([true, false, false]);
  });

  it("lets normalisation change the order: a harsh reviewer's favourite overtakes a lenient reviewer's lesser idea", () => {
    // lenient reviewer 1: idea 1 = 85, idea 3 = 95 (mean 90, sd 5 → 35 / 65)
    // harsh reviewer 2: idea 2 = 70, idea 4 = 50 (mean 60, sd 10 → 65 / 35)
    const reviews = [review(1, 1, 85), review(3, 1, 95), review(2, 2, 70), review(4, 2, 50)];
    const ideas = [idea(1), idea(2), idea(3), idea(4)];
    const raw = rankIdeas(ideas, reviews, { normalised: false, passingGrade: 70 });
    expect(raw.map((r) => r.ideaId)).toEqual([3, 1, 2, 4]);
    const norm = rankIdeas(ideas, reviews, { normalised: true, passingGrade: 70 });
    expect(norm.map((r) => [r.ideaId, r.score])).toEqual([
      [2, 65],
      [3, 65],
      [1, 35],
      [4, 35],
    ]);
  });

  it("keeps a single reviewer's only review raw", () => {
    const [row] = rankIdeas([idea(1)], [review(1, 7, 83.5)], { normalised: true, passingGrade: 70 });
    expect(row).toMatchObject({ rawScore: 83.5, normalisedScore: 83.5, spread: null, disagreement: false });
  });

  it("keeps the raw scores of a reviewer who gave every idea the same score", () => {
    const reviews = [review(1, 3, 70), review(2, 3, 70), review(3, 3, 70)];
    expect([...normaliseScores(reviews).values()]).toEqual([70, 70, 70]);
  });

  it("breaks ties by votes, then the earlier submission, then the lower id", () => {
    const ideas = [idea(5, 2, 3_000), idea(4, 9, 3_000), idea(3, 2, 1_000), idea(2, 2, 1_000), idea(1, 0, null, 0)];
    const reviews = [review(5, 1, 80), review(4, 1, 80), review(3, 1, 80), review(2, 1, 80)];
    const rows = rankIdeas(ideas, reviews, { normalised: false, passingGrade: 90 });
    expect(rows.map((r) => [r.rank, r.ideaId])).toEqual([
      [1, 4],
      [2, 2],
      [3, 3],
      [4, 5],
      // never reviewed: last, with no score
      [5, 1],
    ]);
    expect(rows.at(-1)).toMatchObject({ score: null, rawScore: null, submitted: 0, passes: false });
  });

  it("flags disagreement when the reviews' standard deviation exceeds 15 points", () => {
    // 40 and 80: sd 20 → flagged; 70 and 90: sd 10 → not
    const rows = rankIdeas(
      [idea(1), idea(2)],
      [review(1, 1, 40), review(1, 2, 80), review(2, 1, 70), review(2, 2, 90)],
      { normalised: false, passingGrade: 70 },
    );
    const byId = new Map(rows.map((r) => [r.ideaId, r]));
    expect(byId.get(1)).toMatchObject({ spread: 20, disagreement: true, rawScore: 60 });
    expect(byId.get(2)).toMatchObject({ spread: 10, disagreement: false, rawScore: 80 });
  });

  it("counts recommendations and compares the passing grade on two decimals", () => {
    const [row] = rankIdeas(
      [idea(1)],
      [
        review(1, 1, 69.99, { recommendation: "reject" }),
        review(1, 2, 70.01, { recommendation: "shortlist" }),
        review(1, 3, 70, { recommendation: "shortlist" }),
      ],
      { normalised: false, passingGrade: 70 },
    );
    expect(row).toMatchObject({ rawScore: 70, passes: true, recommendations: { shortlist: 2, approve: 0, reject: 1 } });
  });
});

describe("compareRanked", () => {
  it("puts an unscored idea after every scored one, whatever its votes", () => {
    const scored = { score: 1, voteCount: 0, ideaId: 9, submittedAt: 5 };
    const unscored = { score: null, voteCount: 500, ideaId: 1, submittedAt: 1 };
    expect(compareRanked(scored, unscored)).toBeLessThan(0);
  });
});

describe("standardDeviation", () => {
  it("is the population standard deviation", () => {
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(standardDeviation([])).toBeNull();
  });
});

describe("normaliseScores (property)", () => {
  const reviewsArb = fc.array(
    fc.record({
      reviewerId: fc.integer({ min: 1, max: 5 }),
      score: fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
    }),
    { maxLength: 60 },
  );

  it("keeps every score within 0–100 and preserves each reviewer's order", () => {
    fc.assert(
      fc.property(reviewsArb, (raw) => {
        const reviews = raw.map((r, i) => ({ ...r, id: i + 1 }));
        const norm = normaliseScores(reviews);
        expect(norm.size).toBe(reviews.length);
        for (const r of reviews) {
          const n = norm.get(r.id)!;
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(100);
        }
        for (const a of reviews)
          for (const b of reviews) {
            if (a.reviewerId !== b.reviewerId) continue;
            if (a.score < b.score) expect(norm.get(a.id)!).toBeLessThanOrEqual(norm.get(b.id)!);
            if (a.score === b.score) expect(norm.get(a.id)).toBe(norm.get(b.id));
          }
      }),
      { numRuns: 300 },
    );
  });
});
