import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/lib/csv";

const cells = (text: string) => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.message);
  return result.records.map((r) => [r.row, ...r.cells]);
};

describe("parseCsv", () => {
  it("strips a UTF-8 BOM and reads CRLF, LF and CR line ends", () => {
    expect(cells("\uFEFFa,b\r\n1,2\n3,4\r5,6")).toEqual([
      [1, "a", "b"],
      [2, "1", "2"],
      [3, "3", "4"],
      [4, "5", "6"],
    ]);
  });

  it("keeps delimiters, doubled quotes and line breaks inside quoted fields", () => {
    expect(cells('a,b\r\n"Siregar, Rahmat","Dewi ""Uci""\r\nAnggraini"\r\n')).toEqual([
      [1, "a", "b"],
      [2, "Siregar, Rahmat", 'Dewi "Uci"\r\nAnggraini'],
    ]);
  });

  it("skips blank lines but counts them, as a spreadsheet numbers its rows", () => {
    expect(cells("a\r\n\r\nb\r\n\r\n")).toEqual([
      [1, "a"],
      [3, "b"],
    ]);
  });

  it("uses ; when the header has semicolons and no commas", () => {
    expect(cells("nip;roles\r\n1;asn|reviewer\r\n")).toEqual([
      [1, "nip", "roles"],
      [2, "1", "asn|reviewer"],
    ]);
  });

  it("keeps empty cells, also the last one", () => {
    expect(cells("a,b,c\n1,,\n")).toEqual([
      [1, "a", "b", "c"],
      [2, "1", "", ""],
    ]);
  });

  it("reports a quoted field that is never closed at the row where it opens", () => {
    expect(parseCsv('a\n"ok"\n"open\nstill open')).toEqual({
      ok: false,
      row: 3,
      message: "A quoted field is never closed",
    });
  });
});
