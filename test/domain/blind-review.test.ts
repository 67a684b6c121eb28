import { describe, expect, it } from "vitest";
import { blindfold, isBlindFor, OPEN_EYES, PROPOSING_TEAM, PROPOSING_UNIT } from "../../src/domain/blind-review";

describe("isBlindFor", () => {
  const base = { blindReview: true, status: "in_review" as const, seat: "reviewer" as const, isAuthor: false };

  it("blinds a committee reviewer to an idea under review in a blind campaign", () => {
    expect(isBlindFor(base)).toBe(true);
    expect(isBlindFor({ ...base, status: "shortlisted" })).toBe(true);
  });

  it("blinds the chair while scoring, not while overseeing", () => {
    expect(isBlindFor({ ...base, seat: "chair", scoring: true })).toBe(true);
    expect(isBlindFor({ ...base, seat: "chair" })).toBe(false);
  });

  it("does not blind other people, the team, an open campaign, or a decided idea", () => {
    expect(isBlindFor({ ...base, seat: null })).toBe(false);
    expect(isBlindFor({ ...base, isAuthor: true })).toBe(false);
    expect(isBlindFor({ ...base, isAuthor: true, scoring: true })).toBe(false);
    expect(isBlindFor({ ...base, blindReview: false })).toBe(false);
    expect(isBlindFor({ ...base, status: "approved" })).toBe(false);
    expect(isBlindFor({ ...base, status: "submitted" })).toBe(false);
  });
});

describe("blindfold", () => {
  const fold = blindfold({
    people: [
      { id: 7, name: "Dewi Anggraini", nip: "199104172015032001", email: "dewi@binjaikota.go.id" },
      { id: 9, name: "Andi Pratama" },
    ],
    unitNames: ["Dinas Kependudukan dan Pencatatan Sipil"],
  });

  it("hides the team's members by id, or by name where no id is known", () => {
    expect(fold.hides({ id: 7 })).toBe(true);
    expect(fold.hides({ id: 8, name: "Dewi Anggraini" })).toBe(false);
    expect(fold.hides({ name: "dewi anggraini" })).toBe(true);
    expect(fold.hides({ name: "Budi" })).toBe(false);
    expect(OPEN_EYES.hides({ id: 7 })).toBe(false);
  });

  it("replaces handles (bare or with the unit), names, NIPs, e-mails and unit names in text", () => {
    const text = [
      "@[Dewi Anggraini] dan @[Andi Pratama (Dinas Kominfo)] setuju.",
      "Kata DEWI ANGGRAINI: hubungi dewi@binjaikota.go.id atau NIP 199104172015032001.",
      "Dari Dinas Kependudukan dan Pencatatan Sipil.",
    ].join("\n");
    expect(fold.text(text)).toBe(
      [
        `@[${PROPOSING_TEAM}] dan @[${PROPOSING_TEAM}] setuju.`,
        `Kata ${PROPOSING_TEAM}: hubungi ${PROPOSING_TEAM} atau NIP ${PROPOSING_TEAM}.`,
        `Dari ${PROPOSING_UNIT}.`,
      ].join("\n"),
    );
  });

  it("leaves longer names and numbers that merely contain a member's alone", () => {
    expect(fold.text("Andi Pratamawati, 1199104172015032001")).toBe("Andi Pratamawati, 1199104172015032001");
    expect(OPEN_EYES.text("@[Dewi Anggraini]")).toBe("@[Dewi Anggraini]");
  });
});
