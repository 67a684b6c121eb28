import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  CODE_BYTES,
  certificateCode,
  isCanonicalCode,
  normalizeCertificateCode,
  printedNip,
} from "../../src/domain/certificate";

const random = () => crypto.getRandomValues(new Uint8Array(CODE_BYTES));

describe("certificateCode", () => {
  it("writes GGS- and seven groups of four Crockford symbols, without I, L, O or U", () => {
    const code = certificateCode(random());
    expect(code).toMatch(/^GGS(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
    expect(isCanonicalCode(code)).toBe(true);
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it("carries 140 bits: the first 17.5 bytes decide it, and every bit counts", () => {
    const bytes = new Uint8Array(CODE_BYTES);
    expect(certificateCode(bytes)).toBe("GGS-0000-0000-0000-0000-0000-0000-0000");
    bytes.fill(255);
    expect(certificateCode(bytes)).toBe("GGS-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    const codes = new Set<string>();
    for (let bit = 0; bit < 140; bit++) {
      const one = new Uint8Array(CODE_BYTES);
      one[bit >> 3] = 0x80 >> (bit & 7);
      codes.add(certificateCode(one));
    }
    expect(codes.size).toBe(140);
  });

  it("does not repeat over many draws", () => {
    const codes = new Set(Array.from({ length: 2000 }, () => certificateCode(random())));
    expect(codes.size).toBe(2000);
  });

  it("refuses too few bytes", () => {
    expect(() => certificateCode(new Uint8Array(16))).toThrow(RangeError);
  });
});

describe("normalizeCertificateCode", () => {
  const code = "GGS-7K3M-Q9TX-4HNP-2WRZ-8CVD-5FJB-6YA0";

  it.each([
    ["as printed", code],
    ["in lower case", code.toLowerCase()],
    ["with spaces", code.replaceAll("-", " ")],
    ["without separators", code.replaceAll("-", "")],
    ["without the prefix", code.slice(4)],
    ["with O for 0", code.replace(/0$/, "O")],
  ])("reads a code typed %s", (_label, typed) => {
    expect(normalizeCertificateCode(typed)).toBe(code);
  });

  it("reads I and L as 1", () => {
    expect(normalizeCertificateCode("GGS-IL11-0000-0000-0000-0000-0000-0000")).toBe(
      "GGS-1111-0000-0000-0000-0000-0000-0000",
    );
  });

  it.each([
    ["too short", "GGS-7K3M"],
    ["too long", `${code}-AAAA`],
    ["a U", code.replace("7K3M", "7K3U")],
    ["punctuation", code.replace("7K3M", "7K3!")],
    ["nothing", ""],
    ["a very long text", "A".repeat(500)],
  ])("answers null for %s", (_label, typed) => {
    expect(normalizeCertificateCode(typed)).toBeNull();
  });
});

describe("printedNip", () => {
  it("groups a NIP as official documents print it", () => {
    expect(printedNip("199104172015032001")).toBe("19910417 201503 2 001");
  });

  it("leaves anything else as it is", () => {
    expect(printedNip("12345")).toBe("12345");
  });
});
