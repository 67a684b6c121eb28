import { describe, expect, it } from "vitest";
import {
  BURST,
  detectBurst,
  hotScore,
  retractRefusal,
  voteRefusal,
  voteSources,
  type VoteSample,
  type VoteState,
} from "../../src/domain/voting";

const HOUR = 3_600_000;
const MINUTE = 60_000;
const OWN = 1;
const OTHER = 2;
const votes = (unitIds: number[], at: (i: number) => number): VoteSample[] =>
  unitIds.map((unitId, i) => ({ unitId, at: at(i) }));

describe("detectBurst", () => {
  it("flags 6 votes within an hour, all from the idea's own unit", () => {
    const finding = detectBurst(
      votes([OWN, OWN, OWN, OWN, OWN, OWN], (i) => i * 5 * MINUTE),
      OWN,
    );
    expect(finding.flagged).toBe(true);
    expect(finding.window).toMatchObject({ votes: 6, fromAuthorUnit: 6 });
  });

  it("does not flag fewer than the minimum of votes", () => {
    expect(BURST.minVotes).toBe(5);
    expect(
      detectBurst(
        votes([OWN, OWN, OWN, OWN], () => 0),
        OWN,
      ).flagged,
    ).toBe(false);
  });

  it("does not flag a burst from many units", () => {
    const units = [OWN, OTHER, 3, 4, 5, 6, OWN, OTHER, 3, 4];
    expect(
      detectBurst(
        votes(units, (i) => i * MINUTE),
        OWN,
      ).flagged,
    ).toBe(false);
  });

  it("does not flag own-unit support that trickled in over days", () => {
    const finding = detectBurst(
      votes(Array(10).fill(OWN), (i) => i * 3 * HOUR),
      OWN,
    );
    expect(finding.flagged).toBe(false);
    expect(finding.window?.votes).toBe(1);
  });

  it("flags when at least 60 % arrived within the hour and 70 % of those from the own unit", () => {
    // 10 votes: 6 in one hour (5 own = 83 %), 4 spread over the following days
    const burst = votes([OWN, OWN, OTHER, OWN, OWN, OWN], (i) => 1000 + i * 10 * MINUTE);
    const later = votes([OTHER, 3, 4, OTHER], (i) => 1000 + (i + 1) * 24 * HOUR);
    const finding = detectBurst([...later, ...burst], OWN);
    expect(finding.flagged).toBe(true);
    expect(finding.window).toMatchObject({ votes: 6, fromAuthorUnit: 5 });
  });

  it("does not flag when the dense hour holds less than 60 % of the votes", () => {
    const burst = votes([OWN, OWN, OWN, OWN, OWN], (i) => i * MINUTE);
    const later = votes([OTHER, 3, 4, OTHER, 3], (i) => (i + 1) * 24 * HOUR);
    expect(detectBurst([...burst, ...later], OWN).flagged).toBe(false);
  });

  it("treats the window as shorter than one hour: votes exactly an hour apart are two windows", () => {
    // [0, 0, 1h, 1h, 2h]: an hour that included its end would hold 4 of 5 votes
    const finding = detectBurst(
      votes([OWN, OWN, OWN, OWN, OWN], (i) => Math.floor(i / 2) * HOUR),
      OWN,
    );
    expect(finding.flagged).toBe(false);
    expect(finding.window?.votes).toBe(2);
  });

  it("finds a qualifying window inside a wider one that is too mixed", () => {
    // within 50 minutes: 2 from other units first, then 6 own; the whole window is 75 % own, the tail 100 %
    const mixed = votes([OTHER, 3, OWN, OWN, OWN, OWN, OWN, OWN], (i) => i * 7 * MINUTE);
    expect(detectBurst(mixed, OWN, { ...BURST, unitShare: 0.9 }).flagged).toBe(true);
  });
});

describe("voteSources", () => {
  it("tallies votes per unit, most first, with the share from the idea's own unit", () => {
    const sample = [
      { unitId: OWN, unitName: "Diskominfo", at: 0 },
      { unitId: OTHER, unitName: "Dinkes", at: 2 * HOUR },
      { unitId: OTHER, unitName: "Dinkes", at: 4 * HOUR },
      { unitId: 3, unitName: "Bappeda", at: 8 * HOUR },
    ];
    const sources = voteSources(sample, OWN);
    expect(sources.total).toBe(4);
    expect(sources.authorUnitShare).toBe(0.25);
    expect(sources.units.map((u) => [u.unitName, u.votes, u.authorUnit])).toEqual([
      ["Dinkes", 2, false],
      ["Bappeda", 1, false],
      ["Diskominfo", 1, true],
    ]);
    expect(sources.burst.flagged).toBe(false);
  });

  it("answers zero share without votes", () => {
    expect(voteSources([], OWN)).toMatchObject({ total: 0, authorUnitShare: 0, units: [] });
  });
});

describe("voteRefusal", () => {
  const open: VoteState = { status: "submitted", ownIdea: false, votingOpen: true, used: 0, budget: 5 };

  it("names the own idea first, then the idea's status, the calendar and the budget", () => {
    expect(voteRefusal({ ...open, ownIdea: true, votingOpen: false, used: 5 })).toBe("vote.own_idea");
    expect(voteRefusal({ ...open, status: "approved", votingOpen: false })).toBe("vote.idea_closed");
    expect(voteRefusal({ ...open, votingOpen: false, used: 5 })).toBe("vote.phase_closed");
    expect(voteRefusal({ ...open, used: 5 })).toBe("vote.budget_exhausted");
    expect(voteRefusal(open)).toBeNull();
  });

  it("takes votes in review and shortlisted, not once decided, withdrawn or merged", () => {
    for (const status of ["in_review", "shortlisted"]) expect(voteRefusal({ ...open, status })).toBeNull();
    for (const status of ["draft", "approved", "implemented", "rejected", "withdrawn", "merged"])
      expect(voteRefusal({ ...open, status })).toBe("vote.idea_closed");
  });

  it("gives votes back only while they could be cast", () => {
    expect(retractRefusal({ status: "submitted", votingOpen: true })).toBeNull();
    expect(retractRefusal({ status: "submitted", votingOpen: false })).toBe("vote.phase_closed");
    expect(retractRefusal({ status: "approved", votingOpen: true })).toBe("vote.idea_closed");
  });
});

describe("hotScore", () => {
  it("weighs ten times the votes like 12.5 hours of freshness", () => {
    const t = Date.UTC(2026, 0, 1);
    expect(hotScore(10, t)).toBeCloseTo(hotScore(1, t + 12.5 * HOUR), 9);
  });
});
