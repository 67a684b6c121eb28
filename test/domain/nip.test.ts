import { describe, expect, it } from "vitest";
import { validateNip } from "../../src/domain/nip";

const TODAY = new Date(Date.UTC(2026, 5, 15));
const nip = (birth: string, appointment: string, gender: string, sequence: string) =>
  birth + appointment + gender + sequence;

describe("validateNip", () => {
  it("accepts a well-formed NIP", () => {
    expect(validateNip("198203152006041002", TODAY)).toEqual({ ok: true });
    expect(validateNip(nip("19991231", "202605", "2", "999"), TODAY)).toEqual({ ok: true });
  });

  it.each([
    ["17 digits", "19820315200604100"],
    ["19 digits", "1982031520060410021"],
    ["a letter", "19820315200604100A"],
    ["spaces", "19820315 200604 1 002"],
    ["nothing", ""],
  ])("names the format when it has %s", (_label, value) => {
    expect(validateNip(value, TODAY)).toMatchObject({ ok: false, part: "format" });
  });

  it.each([
    ["month 13", "19821315"],
    ["30 February", "19820230"],
    ["day 00", "19820300"],
    ["born before 1940", "19391231"],
    ["younger than 17 this year", "20100101"],
  ])("names the birth date when it is %s", (_label, birth) => {
    expect(validateNip(nip(birth, "200604", "1", "002"), TODAY)).toMatchObject({ ok: false, part: "birth_date" });
  });

  it.each([
    ["month 00", "200600"],
    ["month 13", "200613"],
    ["in the future", "202607"],
    ["before the 17th birthday year", "199801"],
  ])("names the appointment when it is %s", (_label, appointment) => {
    expect(validateNip(nip("19820315", appointment, "1", "002"), TODAY)).toMatchObject({
      ok: false,
      part: "appointment",
    });
  });

  it.each(["0", "3", "9"])("names the gender when digit 15 is %s", (gender) => {
    expect(validateNip(nip("19820315", "200604", gender, "002"), TODAY)).toMatchObject({ ok: false, part: "gender" });
  });

  it("names the sequence when it is 000", () => {
    expect(validateNip(nip("19820315", "200604", "1", "000"), TODAY)).toMatchObject({ ok: false, part: "sequence" });
  });

  it("explains every part in words", () => {
    const check = validateNip(nip("19820315", "200604", "3", "002"), TODAY);
    expect(check).toEqual({ ok: false, part: "gender", message: "Digit 15 must be 1 (male) or 2 (female)" });
  });
});
