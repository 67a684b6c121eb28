import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectFileType, FILE_TYPES, type FileType } from "../../src/domain/file-type";
import { DOC, EXE, GIF, HTML, JPEG, PDF, PNG, PPT, SVG, WEBP, XLS, odf, ole, ooxml, zip } from "../fixtures/files";

const typeOf = (bytes: Uint8Array) => detectFileType(bytes)?.type ?? null;

describe("detectFileType", () => {
  it.each<[FileType, Uint8Array]>([
    ["pdf", PDF],
    ["png", PNG],
    ["jpeg", JPEG],
    ["gif", GIF],
    ["webp", WEBP],
    ["docx", ooxml("word")],
    ["xlsx", ooxml("xl")],
    ["pptx", ooxml("ppt")],
    ["odt", odf("application/vnd.oasis.opendocument.text")],
    ["ods", odf("application/vnd.oasis.opendocument.spreadsheet")],
    ["odp", odf("application/vnd.oasis.opendocument.presentation")],
    ["doc", DOC],
    ["xls", XLS],
    ["ppt", PPT],
  ])("recognises %s by its content, with its content type and extension", (type, bytes) => {
    expect(detectFileType(bytes)).toEqual({ type, ...FILE_TYPES[type] });
  });

  it("recognises a GIF87a and an Excel 5 workbook (`Book`)", () => {
    expect(typeOf(Uint8Array.from([...new TextEncoder().encode("GIF87a"), 1, 0, 1, 0]))).toBe("gif");
    expect(typeOf(ole([{ name: "Book" }]))).toBe("xls");
  });

  it("refuses a Windows program and an HTML page, whatever they are called", () => {
    expect(detectFileType(EXE)).toBeNull();
    expect(detectFileType(HTML)).toBeNull();
  });

  it("refuses SVG (an image that can carry script), empty and text files", () => {
    expect(detectFileType(SVG)).toBeNull();
    expect(detectFileType(new Uint8Array())).toBeNull();
    expect(detectFileType(new TextEncoder().encode("Laporan kegiatan, versi teks."))).toBeNull();
  });

  it("needs the whole signature: `%PD`, half a PNG signature or RIFF audio are nothing", () => {
    expect(detectFileType(new TextEncoder().encode("%PD"))).toBeNull();
    expect(detectFileType(PNG.slice(0, 4))).toBeNull();
    expect(detectFileType(new TextEncoder().encode("RIFF\x24\x00\x00\x00WAVEfmt "))).toBeNull();
  });

  describe("ZIP containers", () => {
    it("refuses a plain archive and a Java archive", () => {
      expect(typeOf(zip([["laporan.txt", "isi"]]))).toBeNull();
      expect(
        typeOf(
          zip([
            ["META-INF/MANIFEST.MF", "Main-Class: X"],
            ["X.class", "\xca\xfe"],
          ]),
        ),
      ).toBeNull();
    });

    it("refuses an office package with macros (a renamed .docm or .xlsm)", () => {
      expect(typeOf(ooxml("word", [["word/vbaProject.bin", "VBA"]]))).toBeNull();
      expect(typeOf(ooxml("xl", [["xl/vbaProject.bin", "VBA"]]))).toBeNull();
    });

    it("finds [Content_Types].xml wherever the writer put it", () => {
      const lastContentTypes = zip([
        ["docProps/app.xml", "<x/>"],
        ["xl/workbook.xml", "<x/>"],
        ["[Content_Types].xml", "<Types/>"],
      ]);
      expect(typeOf(lastContentTypes)).toBe("xlsx");
    });

    it("refuses a package without content types, or with parts of two applications", () => {
      expect(typeOf(zip([["word/document.xml", "<x/>"]]))).toBeNull();
      expect(typeOf(ooxml("word", [["xl/workbook.xml", "<x/>"]]))).toBeNull();
    });

    it("reads the ODF media type from the stored `mimetype` entry, and refuses other ODF kinds", () => {
      expect(typeOf(odf("application/vnd.oasis.opendocument.graphics"))).toBeNull();
      expect(typeOf(odf("application/vnd.oasis.opendocument.text-template"))).toBeNull();
      expect(typeOf(odf("text/html"))).toBeNull();
    });

    it("refuses a truncated archive without throwing", () => {
      const docx = ooxml("word");
      for (const cut of [4, 10, 29, 40, docx.length - 30, docx.length - 1]) {
        expect(typeOf(docx.slice(0, cut))).toBeNull();
      }
    });
  });

  describe("OLE2 compound files", () => {
    it("refuses a compound file of no office application (an .msi installer, an Outlook .msg)", () => {
      expect(typeOf(ole([{ name: "\u0005SummaryInformation" }, { name: "\u4840\u3f3f" }]))).toBeNull();
      expect(typeOf(ole([{ name: "__properties_version1.0" }, { name: "__recip_version1.0_#00000000" }]))).toBeNull();
    });

    it("reads only the root's streams: a workbook embedding a Word document is a workbook", () => {
      const embedding = ole([
        { name: "Workbook" },
        { name: "MBD0001", children: [{ name: "WordDocument" }, { name: "1Table" }] },
        { name: "\u0005SummaryInformation" },
      ]);
      expect(typeOf(embedding)).toBe("xls");
    });

    it("refuses a truncated compound file without throwing", () => {
      for (const cut of [8, 100, 600, DOC.length - 128]) expect(typeOf(DOC.slice(0, cut))).toBeNull();
    });
  });

  it("never throws, whatever the bytes (plain, or behind a ZIP or OLE2 signature)", () => {
    const signatures = [[], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]];
    fc.assert(
      fc.property(fc.constantFrom(...signatures), fc.uint8Array({ maxLength: 3000 }), (signature, rest) => {
        const result = detectFileType(Uint8Array.from([...signature, ...rest]));
        expect(result === null || typeof result.type === "string").toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
