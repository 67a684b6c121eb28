/**
 * The activation sheet of a unit: A4 portrait pages of slips to cut apart, eight to a page, each
 * with a person's name, NIP, their activation code and a QR code of the activation page with that
 * code. For offices where e-mail is not used: the admin prints, cuts and hands out the slips.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { encode } from "uqr";

const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = 36;
const COLUMNS = 2;
const ROWS = 4;
const HEADER = 70;

const NAVY = rgb(0.1, 0.2, 0.38);
const INK = rgb(0.15, 0.15, 0.17);
const MUTED = rgb(0.38, 0.38, 0.42);

export type SheetSlip = { name: string; nip: string; code: string; url: string };

export type SheetContent = {
  agencyName: string;
  unitName: string;
  /** the address people type when they do not scan, e.g. "gagas.binjaikota.go.id/aktivasi" */
  activationAddress: string;
  /** "berlaku sampai …", already written on the agency's clock */
  validUntil: string;
  slips: SheetSlip[];
  issuedAt: Date;
};

/** Standard fonts speak WinAnsi: other characters lose their accents or become "?". */
function printable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (supported.has(ch.codePointAt(0)!)) out += ch;
    else {
      const base = ch.normalize("NFKD").replace(/\p{M}/gu, "");
      out += base && [...base].every((c) => supported.has(c.codePointAt(0)!)) ? base : /\s/.test(ch) ? " " : "?";
    }
  }
  return out;
}

/** Cuts `text` to `maxWidth` with an ellipsis. */
function fitted(font: PDFFont, text: string, size: number, maxWidth: number): string {
  let clean = printable(font, text);
  if (font.widthOfTextAtSize(clean, size) <= maxWidth) return clean;
  while (clean && font.widthOfTextAtSize(`${clean}...`, size) > maxWidth) clean = clean.slice(0, -1);
  return `${clean}...`;
}

function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
  const qr = encode(text, { ecc: "M", border: 0 });
  const module = size / qr.size;
  qr.data.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) {
        page.drawRectangle({
          x: x + c * module,
          y: y + size - (r + 1) * module,
          width: module,
          height: module,
          color: INK,
        });
      }
    }),
  );
}

type Fonts = { regular: PDFFont; bold: PDFFont; mono: PDFFont };

function drawSlip(
  page: PDFPage,
  fonts: Fonts,
  slip: SheetSlip,
  content: SheetContent,
  box: { x: number; y: number; w: number; h: number },
) {
  const { x, y, w, h } = box;
  page.drawRectangle({ x, y, width: w, height: h, borderColor: MUTED, borderWidth: 0.6, borderDashArray: [4, 3] });
  const qrSize = 92;
  const textWidth = w - qrSize - 30;
  const left = x + 12;
  let line = y + h - 24;
  const text = (value: string, font: PDFFont, size: number, color = INK) => {
    page.drawText(fitted(font, value, size, textWidth), { x: left, y: line, font, size, color });
    line -= size + 6;
  };
  text(slip.name, fonts.bold, 11);
  text(`NIP ${slip.nip}`, fonts.regular, 9, MUTED);
  line -= 4;
  text("Kode aktivasi / Activation code", fonts.regular, 8, MUTED);
  text(slip.code, fonts.mono, 15, NAVY);
  line -= 2;
  text(`Buka / Open: ${content.activationAddress}`, fonts.regular, 7.5, MUTED);
  text(`Berlaku s.d. / Valid until: ${content.validUntil}`, fonts.regular, 7.5, MUTED);
  text("Sekali pakai. Jangan dibagikan. / Single use. Keep private.", fonts.regular, 7.5, MUTED);
  drawQr(page, slip.url, x + w - qrSize - 12, y + (h - qrSize) / 2, qrSize);
}

/** @returns the PDF's bytes: one or more pages of slips, the unit's name on every page */
export async function renderActivationSheet(content: SheetContent): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.CourierBold),
  };
  doc.setTitle(`Lembar aktivasi: ${content.unitName}`);
  doc.setAuthor(content.agencyName);
  doc.setCreator("Gagas");
  doc.setProducer("Gagas");
  doc.setLanguage("id-ID");
  doc.setCreationDate(content.issuedAt);
  doc.setModificationDate(content.issuedAt);

  const perPage = COLUMNS * ROWS;
  const pages = Math.max(1, Math.ceil(content.slips.length / perPage));
  const slipW = (A4.width - 2 * MARGIN) / COLUMNS;
  const slipH = (A4.height - 2 * MARGIN - HEADER) / ROWS;
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([A4.width, A4.height]);
    const top = A4.height - MARGIN;
    page.drawText(fitted(fonts.bold, content.agencyName.toUpperCase(), 12, A4.width - 2 * MARGIN), {
      x: MARGIN,
      y: top - 14,
      font: fonts.bold,
      size: 12,
      color: NAVY,
    });
    page.drawText(
      fitted(fonts.regular, `Lembar aktivasi akun Gagas - ${content.unitName}`, 11, A4.width - 2 * MARGIN - 60),
      {
        x: MARGIN,
        y: top - 32,
        font: fonts.regular,
        size: 11,
        color: INK,
      },
    );
    page.drawText(`${p + 1}/${pages}`, {
      x: A4.width - MARGIN - 30,
      y: top - 32,
      font: fonts.regular,
      size: 9,
      color: MUTED,
    });
    page.drawText(
      printable(
        fonts.regular,
        "Gunting per orang. Pindai kode QR atau buka alamatnya, masukkan kode, lalu buat kata sandi sendiri.",
      ),
      { x: MARGIN, y: top - 50, font: fonts.regular, size: 8.5, color: MUTED },
    );
    if (content.slips.length === 0) {
      page.drawText("Semua orang di unit ini sudah aktif. / Everyone in this unit is active.", {
        x: MARGIN,
        y: top - HEADER - 20,
        font: fonts.regular,
        size: 11,
        color: INK,
      });
    }
    content.slips.slice(p * perPage, (p + 1) * perPage).forEach((slip, i) => {
      const col = i % COLUMNS;
      const row = Math.floor(i / COLUMNS);
      drawSlip(page, fonts, slip, content, {
        x: MARGIN + col * slipW,
        y: A4.height - MARGIN - HEADER - (row + 1) * slipH,
        w: slipW,
        h: slipH,
      });
    });
  }
  return (await doc.save()) as Uint8Array<ArrayBuffer>;
}
