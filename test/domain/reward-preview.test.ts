import { describe, expect, it } from "vitest";
import { previewMonth, TYPICAL_MONTH } from "../../src/domain/reward-preview";
import { DEFAULT_RULES, type Rules } from "../../src/domain/reward-rules";

const rules = (change: Partial<Rules>): Rules => ({ ...DEFAULT_RULES.rules, ...change });
const profile = (r: Rules, key: string) => previewMonth(r).profiles.find((p) => p.key === key)!;

describe("previewMonth", () => {
  it("prices the typical month under the default rules", () => {
    const preview = previewMonth(DEFAULT_RULES.rules);
    // an active ASN: idea 10, 15 votes received × 2, 12 votes cast × 1, 8 comments × 2
    expect(profile(DEFAULT_RULES.rules, "asn").total).toBe(10 + 30 + 12 + 16);
    expect(profile(DEFAULT_RULES.rules, "innovator").total).toBe(68 + 25 + 50);
    expect(profile(DEFAULT_RULES.rules, "reviewer").total).toBe(5 * 15 + 5);
    const a = TYPICAL_MONTH.agency;
    expect(preview.agency.total).toBe(
      (a.activeAsn - a.innovators) * 68 + a.innovators * 143 + a.reviewers * 80 + 100 + 40 + 100,
    );
    expect(preview.agency.perAsn).toBe(Math.round(preview.agency.total / a.activeAsn));
  });

  it("applies a daily cap per day and a per-idea cap per idea, as the engine does", () => {
    const tight = rules({
      comment_posted: { points: 2, dailyCap: 1, perSubjectCap: null },
      vote_received: { points: 2, dailyCap: null, perSubjectCap: 10 },
    });
    const lines = profile(tight, "asn").lines;
    expect(lines.find((l) => l.rule === "comment_posted")).toMatchObject({ occurrences: 8, paid: 4, points: 8 });
    expect(lines.find((l) => l.rule === "vote_received")).toMatchObject({ occurrences: 15, paid: 10, points: 20 });
  });

  it("pays nothing for a rule worth no points, however often it happens", () => {
    const none = rules({ vote_cast: { points: 0, dailyCap: null, perSubjectCap: null } });
    expect(profile(none, "asn").lines.find((l) => l.rule === "vote_cast")).toMatchObject({ paid: 12, points: 0 });
  });
});
