import { describe, expect, it } from "vitest";
import { MAX_FILE_NAME_LENGTH, sanitiseFileName } from "../../src/domain/file-name";
import { attachmentDisposition } from "../../src/lib/content-disposition";

describe("sanitiseFileName", () => {
  it("keeps only the last path segment, from Windows or POSIX paths", () => {
    expect(sanitiseFileName("C:\\Users\\budi\\Dokumen\\proposal.pdf", "pdf")).toBe("proposal.pdf");
    expect(sanitiseFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
  });

  it("keeps letters of any script, digits, spaces and . - _ ( )", () => {
    expect(sanitiseFileName("Laporan Kuala Nanggroë (final)_v2-1.docx", "docx")).toBe(
      "Laporan Kuala Nanggroë (final)_v2-1.docx",
    );
    expect(sanitiseFileName("Foto: antrean @Disdukcapil #1!.png", "png")).toBe("Foto_ antrean _Disdukcapil _1_.png");
  });

  it("drops control and direction-override characters (no `gpj.exe` shown as `exe.jpg`)", () => {
    expect(sanitiseFileName("foto\u202Egnp.exe", "png")).toBe("fotognp.exe.png");
    expect(sanitiseFileName("a\u0000b\u0007c\r\n.pdf", "pdf")).toBe("abc.pdf");
  });

  it("replaces a known extension by the detected one and keeps an unknown one as part of the name", () => {
    expect(sanitiseFileName("KTP.PDF", "png")).toBe("KTP.png");
    expect(sanitiseFileName("foto.jpeg", "jpg")).toBe("foto.jpg");
    expect(sanitiseFileName("laporan.exe", "pdf")).toBe("laporan.exe.pdf");
    expect(sanitiseFileName("data 2024.final", "xlsx")).toBe("data 2024.final.xlsx");
  });

  it("never starts with a dot, never ends the name with dots or spaces, collapses spaces", () => {
    expect(sanitiseFileName(".htaccess", "pdf")).toBe("htaccess.pdf");
    expect(sanitiseFileName("  rencana    kerja .. .pdf", "pdf")).toBe("rencana kerja.pdf");
  });

  it("falls back to `lampiran` when nothing of the name is left", () => {
    expect(sanitiseFileName("", "pdf")).toBe("lampiran.pdf");
    expect(sanitiseFileName("\u202E\u0000.pdf", "pdf")).toBe("lampiran.pdf");
    expect(sanitiseFileName("C:\\temp\\", "gif")).toBe("lampiran.gif");
  });

  it(`is at most ${MAX_FILE_NAME_LENGTH} characters, the extension included`, () => {
    const name = sanitiseFileName(`${"é".repeat(300)}.pdf`, "pdf");
    expect([...name]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith("é.pdf")).toBe(true);
  });
});

describe("attachmentDisposition", () => {
  it("gives an ASCII fallback and the exact UTF-8 name", () => {
    expect(attachmentDisposition("Laporan Nanggroë (1).pdf")).toBe(
      `attachment; filename="Laporan Nanggroe (1).pdf"; filename*=UTF-8''Laporan%20Nanggro%C3%AB%20%281%29.pdf`,
    );
  });

  it("replaces what ASCII cannot say", () => {
    expect(attachmentDisposition("بيان.pdf")).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%D8%A8%D9%8A%D8%A7%D9%86.pdf`,
    );
  });
});
