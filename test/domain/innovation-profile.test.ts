import { describe, expect, it } from "vitest";
import {
  checkProfile,
  droppedIndicatorsInUse,
  isHttpsUrl,
  keyIndicators,
  planProfileChange,
  type ProfileInput,
} from "../../src/domain/innovation-profile";

const PROFILE: ProfileInput = {
  stage: "penerapan",
  trialDate: "2025-02-03",
  implementationDate: "2025-06-10",
  type: "digital",
  form: "pelayanan_publik",
  urusan: "adminduk",
  sdgs: [16],
  objectives: "Memangkas waktu tunggu.",
  targetGroups: "Warga",
  budgetAmount: null,
  budgetSource: null,
  legalBasisNumber: null,
  legalBasisDate: null,
  videoUrl: null,
  indicators: [{ name: "Waktu tunggu", unit: "menit", before: 240, after: 20 }],
};
const TODAY = "2026-12-07";
const codes = (input: Partial<ProfileInput>) => checkProfile({ ...PROFILE, ...input }, TODAY).map((e) => e.code);

describe("planProfileChange", () => {
  it("lets the team and admins change an approved or implemented idea's open profile", () => {
    for (const capacities of [["author"], ["admin"]] as const) {
      for (const status of ["approved", "implemented"] as const) {
        expect(planProfileChange({ status, capacities, lockedAt: null })).toEqual({ ok: true });
      }
    }
  });

  it("refuses a chair alone, an idea not yet approved, and a locked profile, in that order", () => {
    expect(planProfileChange({ status: "approved", capacities: ["chair"], lockedAt: null })).toEqual({
      ok: false,
      code: "profile.not_permitted",
    });
    expect(planProfileChange({ status: "shortlisted", capacities: ["author"], lockedAt: 1 })).toEqual({
      ok: false,
      code: "profile.not_available",
    });
    expect(planProfileChange({ status: "approved", capacities: ["admin"], lockedAt: 1 })).toEqual({
      ok: false,
      code: "profile.locked",
    });
  });
});

describe("checkProfile", () => {
  it("accepts a complete profile", () => {
    expect(codes({})).toEqual([]);
  });

  it("asks the dates the stage implies: none for inisiatif, the trial's for uji coba, both for penerapan", () => {
    expect(codes({ stage: "inisiatif", trialDate: null, implementationDate: null })).toEqual([]);
    expect(codes({ stage: "uji_coba", trialDate: null, implementationDate: null })).toEqual([
      "profile.trial_date_required",
    ]);
    expect(codes({ implementationDate: null })).toEqual(["profile.implementation_date_required"]);
  });

  it("keeps dates in order and not after the agency's today", () => {
    expect(codes({ implementationDate: "2025-01-01" })).toEqual(["profile.dates_order"]);
    expect(codes({ legalBasisNumber: "Perwal 1/2027", legalBasisDate: "2026-12-08" })).toEqual([
      "profile.date_in_future",
    ]);
  });

  it("pairs the budget with its source and the decree number with its date", () => {
    expect(codes({ budgetAmount: 0 })).toEqual(["profile.budget_source_required"]);
    expect(codes({ budgetSource: "apbn" })).toEqual(["profile.budget_amount_required"]);
    expect(checkProfile({ ...PROFILE, legalBasisDate: "2025-01-01" }, TODAY)).toEqual([
      {
        path: "legalBasisNumber",
        code: "profile.legal_basis_incomplete",
        message: "Isi nomor dan tanggal dasar hukum bersama-sama.",
      },
    ]);
  });

  it("refuses an SDG chosen twice and two indicators of one name", () => {
    expect(codes({ sdgs: [16, 16] })).toEqual(["profile.sdg_duplicate"]);
    const twice = [PROFILE.indicators[0]!, { ...PROFILE.indicators[0]!, name: " waktu TUNGGU" }];
    expect(checkProfile({ ...PROFILE, indicators: twice }, TODAY).map((e) => e.path)).toEqual(["indicators.1.name"]);
  });
});

describe("indicator keys", () => {
  it("keeps a sent key, makes one for a new indicator, and finds the dropped ones evidence still names", () => {
    let n = 0;
    const keyed = keyIndicators(
      [{ key: "waktu", name: " Waktu ", unit: "menit", before: 1, after: 2 }, PROFILE.indicators[0]!],
      () => `baru${++n}`,
    );
    expect(keyed.map((i) => [i.key, i.name])).toEqual([
      ["waktu", "Waktu"],
      ["baru1", "Waktu tunggu"],
    ]);
    expect(droppedIndicatorsInUse(keyed, ["waktu", null, "aduan", "aduan"])).toEqual(["aduan"]);
  });
});

describe("isHttpsUrl", () => {
  it("takes https links only, without credentials", () => {
    expect(isHttpsUrl("https://youtu.be/abc")).toBe(true);
    for (const url of [
      "http://youtu.be/abc",
      "javascript:alert(1)",
      "data:text/html,x",
      "https://a:b@x.id/",
      "youtu.be",
    ]) {
      expect(isHttpsUrl(url), url).toBe(false);
    }
  });
});
