import { describe, expect, it } from "vitest";
import {
  checkSchedule,
  currentPhase,
  isReviewOpen,
  isSubmissionOpen,
  isVotingOpen,
  type CampaignSchedule,
} from "../../src/domain/campaign-phase";
import { DEFAULT_RUBRIC, checkRubric } from "../../src/domain/rubric";
import { hotScore } from "../../src/domain/voting";

const day = 86_400_000;
const t0 = Date.UTC(2026, 0, 5);
const competition: CampaignSchedule = {
  kind: "competition",
  submissionStart: t0,
  submissionEnd: t0 + 30 * day,
  votingStart: t0 + 10 * day,
  votingEnd: t0 + 40 * day,
  reviewStart: t0 + 40 * day,
  reviewEnd: t0 + 60 * day,
  announcementAt: t0 + 70 * day,
};

describe("currentPhase", () => {
  it.each([
    [-1, "upcoming"],
    [0, "submission"],
    [10 * day, "voting"],
    [40 * day, "review"],
    [65 * day, "review"],
    [70 * day, "announcement"],
  ] as const)("at t0%+d ms is %s", (offset, phase) => {
    expect(currentPhase(competition, t0 + offset)).toBe(phase);
  });

  it("keeps Kotak Ide always open", () => {
    const open: CampaignSchedule = { ...competition, kind: "open", submissionStart: null, submissionEnd: null };
    expect(currentPhase(open, 0)).toBe("open");
    expect(isSubmissionOpen(open, 0)).toBe(true);
    expect(isVotingOpen(open, 0)).toBe(true);
  });

  it("opens submission and voting only inside their windows (end exclusive)", () => {
    expect(isSubmissionOpen(competition, t0 + 15 * day)).toBe(true);
    expect(isVotingOpen(competition, t0 + 15 * day)).toBe(true);
    expect(isSubmissionOpen(competition, t0 + 30 * day)).toBe(false);
    expect(isVotingOpen(competition, t0 + 40 * day)).toBe(false);
    expect(isVotingOpen(competition, t0 + 9 * day)).toBe(false);
  });

  it("opens review once voting has closed, and any time in Kotak Ide", () => {
    expect(isReviewOpen(competition, t0 + 40 * day - 1)).toBe(false);
    expect(isReviewOpen(competition, t0 + 40 * day)).toBe(true);
    expect(isReviewOpen({ ...competition, votingEnd: null }, t0 + 99 * day)).toBe(false);
    expect(isReviewOpen({ ...competition, kind: "open" }, 0)).toBe(true);
  });
});

describe("checkSchedule", () => {
  it("accepts an ordered competition", () => {
    expect(checkSchedule(competition)).toEqual([]);
  });

  it("names each missing date", () => {
    expect(checkSchedule({ ...competition, votingEnd: null, announcementAt: null }).map((p) => p.field)).toEqual([
      "votingEnd",
      "announcementAt",
    ]);
  });

  it("refuses a window that ends before it starts and review before voting ends", () => {
    const problems = checkSchedule({ ...competition, submissionEnd: t0 - day, reviewStart: t0 + 35 * day });
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      "submissionEnd:campaign.date_order",
      "reviewStart:campaign.date_order",
    ]);
  });
});

describe("rubric", () => {
  it("ships the KIPP default with weights adding up to 100", () => {
    expect(DEFAULT_RUBRIC.map((c) => c.key)).toEqual([
      "urgensi",
      "kebaruan",
      "efektivitas",
      "kemanfaatan",
      "replikasi",
      "keberlanjutan",
    ]);
    expect(checkRubric(DEFAULT_RUBRIC)).toEqual([]);
  });

  it("refuses weights that do not add up to 100 and duplicate keys", () => {
    expect(
      checkRubric([
        { key: "a", weight: 50 },
        { key: "a", weight: 40 },
      ]).map((p) => p.code),
    ).toEqual(["rubric.duplicate_key", "rubric.weights_total"]);
  });
});

describe("hotScore", () => {
  it("is worth ten times the votes as 12.5 hours of freshness", () => {
    const submitted = Date.UTC(2026, 5, 1);
    expect(hotScore(10, submitted) - hotScore(1, submitted)).toBeCloseTo(1, 10);
    expect(hotScore(1, submitted + 45_000_000) - hotScore(1, submitted)).toBeCloseTo(1, 10);
    expect(hotScore(0, submitted)).toBe(hotScore(1, submitted));
  });
});
