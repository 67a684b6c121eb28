import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "../../src/lib/csv";

describe("toCsv", () => {
  it("starts with a UTF-8 BOM and ends every record with CRLF", () => {
    expect(
      toCsv([
        ["Judul", "Nilai"],
        ["Posyandu keliling", 81.5],
      ]),
    ).toBe("\uFEFFJudul,Nilai\r\nPosyandu keliling,81.5\r\n");
    expect(toCsv([["a"]], { bom: false })).toBe("a\r\n");
  });

  it("quotes delimiters, quotes, line breaks and edge spaces, and reads back through parseCsv", () => {
    const rows = [
      ["Judul", "Catatan", "Nilai"],
      ["Antrean daring, KTP-el", 'Kata warga: "cepat"', 70],
      ["Pengaduan\r\nterpadu", " spasi ", null],
      ["Kesehatan ibu – anak (Puskesmas Binjai Timur)", "", 0],
    ];
    const parsed = parseCsv(toCsv(rows));
    expect(parsed.ok && parsed.records.map((r) => r.cells)).toEqual([
      ["Judul", "Catatan", "Nilai"],
      ["Antrean daring, KTP-el", 'Kata warga: "cepat"', "70"],
      ["Pengaduan\r\nterpadu", " spasi ", ""],
      ["Kesehatan ibu – anak (Puskesmas Binjai Timur)", "", "0"],
    ]);
  });

  it("writes ; and a decimal comma for Excel in the Indonesian locale, and still reads back", () => {
    const text = toCsv(
      [
        ["Judul", "Nilai"],
        ["Satu; dua", 72.25],
      ],
      { delimiter: ";" },
    );
    expect(text).toBe('\uFEFFJudul;Nilai\r\n"Satu; dua";72,25\r\n');
    const parsed = parseCsv(text);
    expect(parsed.ok && parsed.records[1]!.cells).toEqual(["Satu; dua", "72,25"]);
  });

  it("defuses text a spreadsheet would run as a formula, but not numbers", () => {
    expect(toCsv([['=HYPERLINK("x")', "-5 menit", -5, "@warga"]], { bom: false })).toBe(
      '"\'=HYPERLINK(""x"")",\'-5 menit,-5,\'@warga\r\n',
    );
  });
});
