import { describe, expect, it } from "vitest";
import {
  changedSettings,
  DEFAULT_AGENCY_SETTINGS,
  parseAgencySettings,
  placeAndDate,
  signerFor,
} from "../../src/domain/agency-settings";

describe("parseAgencySettings", () => {
  it.each([
    ['{"hallOfFamePublic":true}', true],
    ['{"hallOfFamePublic":false}', false],
    ['{"hallOfFamePublic":"yes"}', false],
    ["{}", false],
    ["not json", false],
    ["null", false],
  ])("reads the Hall of Fame switch of %s as %s", (settings, expected) => {
    expect(parseAgencySettings(settings).hallOfFamePublic).toBe(expected);
  });

  it("reads a complete row back as it was written", () => {
    const settings = {
      hallOfFamePublic: true,
      libraryPublic: true,
      libraryShared: false,
      signer: { name: "H. Irwansyah Nasution", position: "Sekretaris Daerah", nip: "197011041995031001" },
      signingPlace: "Binjai",
    };
    expect(parseAgencySettings(JSON.stringify(settings))).toEqual(settings);
  });

  it("shares implemented ideas in the library between agencies unless the agency said no", () => {
    expect(parseAgencySettings("{}").libraryShared).toBe(true);
    expect(parseAgencySettings('{"libraryShared":"no"}').libraryShared).toBe(true);
    expect(parseAgencySettings('{"libraryShared":false}').libraryShared).toBe(false);
  });

  it("drops a signer without a name or a position, and keeps one without a NIP", () => {
    expect(parseAgencySettings('{"signer":{"name":"","position":"Sekda"}}').signer).toBeNull();
    expect(parseAgencySettings('{"signer":{"name":"Budi","position":"Sekda"}}').signer).toEqual({
      name: "Budi",
      position: "Sekda",
      nip: null,
    });
  });
});

describe("signerFor and placeAndDate", () => {
  it("signs with the announcing leader until the agency names a signer", () => {
    const leader = { name: "Drs. Asep Sunandar", position: "Camat Andir" };
    expect(signerFor(DEFAULT_AGENCY_SETTINGS, leader)).toEqual({ ...leader, nip: null });
    const signer = { name: "Sekda", position: "Sekretaris Daerah", nip: "197011041995031001" };
    expect(signerFor({ ...DEFAULT_AGENCY_SETTINGS, signer }, leader)).toEqual(signer);
  });

  it("writes the place before the date only when there is one", () => {
    expect(placeAndDate("Binjai", "23 November 2026")).toBe("Binjai, 23 November 2026");
    expect(placeAndDate("  ", "23 November 2026")).toBe("23 November 2026");
  });
});

describe("changedSettings", () => {
  it("names only what changed, with both values", () => {
    const to = { ...DEFAULT_AGENCY_SETTINGS, libraryPublic: true };
    expect(changedSettings(DEFAULT_AGENCY_SETTINGS, to)).toEqual({ libraryPublic: { from: false, to: true } });
  });
});
