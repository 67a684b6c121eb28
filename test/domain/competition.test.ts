import { describe, expect, it } from "vitest";
import {
  advancing,
  checkRounds,
  finalRanking,
  rankRound,
  scheduleSlots,
  sheetProblems,
  sheetScore,
  type RoundConfig,
} from "../../src/domain/competition";

const row = (ideaId: number, score: number | null, rawScore = score) => ({ ideaId, score, rawScore });

describe("advancing: who goes on to the next round", () => {
  const ranked = [row(1, 91), row(2, 88.5), row(3, 85), row(4, 84.99), row(5, null)];

  it("takes the best N with top N", () => {
    expect(advancing(ranked, { mode: "top", n: 2 })).toEqual([1, 2]);
  });

  it("takes every entry tied with the N-th at the cut", () => {
    const tied = [row(1, 90), row(2, 80), row(3, 80), row(4, 70)];
    expect(advancing(tied, { mode: "top", n: 2 }).sort()).toEqual([1, 2, 3]);
  });

  it("takes everyone scored when N exceeds the entries, never an unscored one", () => {
    expect(advancing(ranked, { mode: "top", n: 10 }).sort()).toEqual([1, 2, 3, 4]);
  });

  it("takes each raw score reaching the passing grade 85 (84.99 does not)", () => {
    expect(advancing(ranked, { mode: "grade", grade: 85 })).toEqual([1, 2, 3]);
  });

  it("reads the grade against the raw score even when the round ranks on normalised scores", () => {
    expect(advancing([row(1, 60, 86), row(2, 40, 80)], { mode: "grade", grade: 85 })).toEqual([1]);
  });

  it("takes every scored entry with all", () => {
    expect(advancing(ranked, { mode: "all" })).toEqual([1, 2, 3, 4]);
  });
});

describe("finalRanking: the rounds combined by their weights", () => {
  // screening 0 %, substance 70 %, presentation 30 %
  const rounds = [
    { position: 1, weight: 0 },
    { position: 2, weight: 70 },
    { position: 3, weight: 30 },
  ];

  it("weighs substance 70 % and presentation 30 % (hand-computed)", () => {
    const rows = finalRanking(rounds, [
      // 0.7·88 + 0.3·80 = 61.6 + 24 = 85.6
      {
        entryId: 10,
        scores: new Map([
          [1, 100],
          [2, 88],
          [3, 80],
        ]),
        reached: 3,
        enteredAt: 1,
      },
      // 0.7·86 + 0.3·90 = 60.2 + 27 = 87.2
      {
        entryId: 11,
        scores: new Map([
          [1, 100],
          [2, 86],
          [3, 90],
        ]),
        reached: 3,
        enteredAt: 2,
      },
      // out after substance: 70 alone, partial
      {
        entryId: 12,
        scores: new Map([
          [1, 100],
          [2, 95],
        ]),
        reached: 2,
        enteredAt: 3,
      },
    ]);
    expect(rows).toEqual([
      { entryId: 11, rank: 1, reached: 3, combined: 87.2, complete: true },
      { entryId: 10, rank: 2, reached: 3, combined: 85.6, complete: true },
      // an entry that went less far ranks below, however high its partial score
      { entryId: 12, rank: 3, reached: 2, combined: 95, complete: false },
    ]);
  });

  it("breaks a tie on the combined score by the earlier entry", () => {
    const rows = finalRanking(rounds, [
      {
        entryId: 21,
        scores: new Map([
          [2, 80],
          [3, 80],
        ]),
        reached: 3,
        enteredAt: 9,
      },
      {
        entryId: 20,
        scores: new Map([
          [2, 80],
          [3, 80],
        ]),
        reached: 3,
        enteredAt: 5,
      },
    ]);
    expect(rows.map((r) => r.entryId)).toEqual([20, 21]);
  });
});

describe("rankRound: a round's own ranking, normalisation and disagreement", () => {
  it("averages the panel's sheets and flags a spread above 15 points", () => {
    const ranked = rankRound(
      [
        { entryId: 1, enteredAt: 1 },
        { entryId: 2, enteredAt: 2 },
      ],
      [
        { id: 1, entryId: 1, reviewerId: 7, score: 90, submittedAt: 1 },
        { id: 2, entryId: 1, reviewerId: 8, score: 50, submittedAt: 1 },
        { id: 3, entryId: 2, reviewerId: 7, score: 72, submittedAt: 1 },
        { id: 4, entryId: 2, reviewerId: 8, score: 76, submittedAt: 1 },
      ],
      { normalised: false, passingGrade: 85 },
    );
    expect(ranked.map((r) => [r.ideaId, r.rawScore, r.spread, r.disagreement])).toEqual([
      [2, 74, 2, false],
      [1, 70, 20, true],
    ]);
  });
});

describe("sheets", () => {
  const checklist = [
    { key: "a", label: "A", weight: 0, scaleMax: 1 },
    { key: "b", label: "B", weight: 0, scaleMax: 1 },
    { key: "c", label: "C", weight: 0, scaleMax: 1 },
  ];
  const rubric = [
    { key: "kebaruan", label: "Kebaruan", weight: 60, scaleMax: 5 },
    { key: "efektivitas", label: "Efektivitas", weight: 40, scaleMax: 5 },
  ];

  it("scores a checklist as the share of items passed", () => {
    expect(sheetScore("checklist", checklist, { a: 1, b: 1, c: 0 })).toBe(66.67);
    expect(sheetScore("checklist", checklist, { a: 1, b: 1, c: 1 })).toBe(100);
  });

  it("scores a rubric as the weighted mean on 0–100: 0.6·(5/5) + 0.4·(4/5) = 92", () => {
    expect(sheetScore("rubric", rubric, { kebaruan: 5, efektivitas: 4 })).toBe(92);
  });

  it("refuses values off an item's scale and unknown items", () => {
    expect(sheetProblems("checklist", checklist, { a: 2, z: 1 }).map((p) => p.code)).toEqual([
      "round.score_out_of_range",
      "round.unknown_item",
    ]);
  });
});

describe("checkRounds", () => {
  const round = (weight: number, over: Partial<RoundConfig> = {}): RoundConfig => ({
    name: "R",
    kind: "rubric",
    weight,
    advance: { mode: "all" },
    items: [{ key: "a", label: "A", weight: 100, scaleMax: 5 }],
    ...over,
  });

  it("accepts rounds whose weights add up to 100", () => {
    expect(
      checkRounds([
        round(0, { kind: "checklist", items: [{ key: "x", label: "X", weight: 0, scaleMax: 1 }] }),
        round(70),
        round(30),
      ]),
    ).toEqual([]);
  });

  it("refuses rounds whose weights do not add up to 100", () => {
    expect(checkRounds([round(70), round(20)]).map((p) => p.code)).toEqual(["rounds.shares_total"]);
  });
});

describe("scheduleSlots", () => {
  it("gives each entry the next slot", () => {
    const slots = scheduleSlots([5, 3], Date.UTC(2026, 5, 1, 1, 0), 30);
    expect([...slots.values()].map((t) => new Date(t).toISOString())).toEqual([
      "2026-06-01T01:00:00.000Z",
      "2026-06-01T01:30:00.000Z",
    ]);
  });
});
