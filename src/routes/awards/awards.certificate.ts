/**
 * The certificate (piagam) of an award as a PDF, made in the Worker with pdf-lib's standard fonts
 * (nothing is fetched): A4 landscape, a double border, centred text from the agency down to the
 * citation, the leader's signature block at the bottom right and the verification code with its QR
 * code (drawn as rectangles) at the bottom left.
 */
import { PDFDocument, StandardFonts, rgb, setCharacterSpacing, type PDFFont, type PDFPage } from "pdf-lib";
import { encode } from "uqr";

/** A4 landscape in PDF points. */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;

/** The agency's emblem: the bytes of a PNG or JPEG image. */
export type Emblem = { bytes: Uint8Array; type: "png" | "jpeg" };

export type CertificateContent = {
  agencyName: string;
  /** drawn at the top left when the agency uploaded one */
  emblem?: Emblem | null;
  /** a person (with NIP, position and unit) or a unit (no NIP) */
  recipient: { name: string; nip: string | null; detail: string };
  title: string;
  citation: string;
  periodLabel: string;
  /** the line above the signature, already written the Indonesian way, e.g. "Binjai, 23 November 2026" */
  date: string;
  /** the NIP already printed (`printedNip`), when the signer is a civil servant the agency named */
  signer: { name: string; position: string; nip: string | null };
  code: string;
  /** the public verification page of this code; the QR code holds it */
  verifyUrl: string;
  /** the announcement time, for the document's dates (the same award always gives the same PDF) */
  issuedAt: Date;
};

const NAVY = rgb(0.1, 0.2, 0.38);
const GOLD = rgb(0.72, 0.56, 0.22);
const INK = rgb(0.15, 0.15, 0.17);
const MUTED = rgb(0.38, 0.38, 0.42);
const PAPER = rgb(0.995, 0.988, 0.965);
const WHITE = rgb(1, 1, 1);

type Fonts = Record<"serif" | "serifBold" | "serifItalic" | "sans" | "sansBold" | "mono", PDFFont>;

/**
 * Standard fonts encode WinAnsi only: every other character becomes its unaccented letter, a plain
 * dash, "?" for a letter of another script, or nothing for a symbol — the PDF never fails to build.
 */
export function printable(font: PDFFont, text: string): string {
  const supported = charsetOf(font);
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (supported.has(ch.codePointAt(0)!)) out += ch;
    else if (/\s/.test(ch)) out += " ";
    else if (/[\u2010-\u2015\u2212]/.test(ch)) out += "-";
    else {
      const base = ch.normalize("NFKD").replace(/\p{M}/gu, "");
      if (base && [...base].every((c) => supported.has(c.codePointAt(0)!))) out += base;
      // a letter or digit of another script is marked; a symbol (an emoji, say) is left out
      else if (/[\p{L}\p{N}]/u.test(ch)) out += "?";
    }
  }
  return out.replace(/ {2,}/g, " ").trim();
}

const charsets = new WeakMap<PDFFont, Set<number>>();
function charsetOf(font: PDFFont): Set<number> {
  let set = charsets.get(font);
  if (!set) charsets.set(font, (set = new Set(font.getCharacterSet())));
  return set;
}

type TextStyle = { font: PDFFont; size: number; color?: ReturnType<typeof rgb>; spacing?: number };

const widthOf = (text: string, { font, size, spacing = 0 }: TextStyle) =>
  font.widthOfTextAtSize(text, size) + spacing * Math.max(0, text.length - 1);

/** Draws one line centred on `cx`; letter spacing through the text state (`Tc`), reset afterwards. */
function centred(page: PDFPage, text: string, cx: number, y: number, style: TextStyle) {
  const clean = printable(style.font, text);
  const spacing = style.spacing ?? 0;
  if (spacing) page.pushOperators(setCharacterSpacing(spacing));
  page.drawText(clean, {
    x: cx - widthOf(clean, style) / 2,
    y,
    font: style.font,
    size: style.size,
    color: style.color ?? INK,
  });
  if (spacing) page.pushOperators(setCharacterSpacing(0));
}

/** The largest size from `size` down to `min` at which `text` fits `maxWidth`. */
function fit(text: string, style: TextStyle, maxWidth: number, min: number): TextStyle {
  let size = style.size;
  while (size > min && widthOf(printable(style.font, text), { ...style, size }) > maxWidth) size -= 0.5;
  return { ...style, size };
}

/**
 * Greedy word wrap; a word longer than the line is cut. At most `maxLines`, the last one ending
 * in an ellipsis when the text is longer.
 */
export function wrap(text: string, style: TextStyle, maxWidth: number, maxLines: number): string[] {
  const words = printable(style.font, text).split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (let word of words) {
    while (widthOf(word, style) > maxWidth) {
      let cut = word.length - 1;
      while (cut > 1 && widthOf(word.slice(0, cut), style) > maxWidth) cut--;
      if (line) lines.push(line);
      lines.push(word.slice(0, cut));
      line = "";
      word = word.slice(cut);
    }
    const candidate = line ? `${line} ${word}` : word;
    if (widthOf(candidate, style) <= maxWidth) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && widthOf(`${last}…`, style) > maxWidth) last = last.replace(/\s*\S+$/, "");
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** The largest size (down to `min`) at which `text` wraps into `maxLines`, and its lines. */
function fitWrapped(text: string, style: TextStyle, maxWidth: number, maxLines: number, min: number) {
  let size = style.size;
  for (; size > min; size -= 0.5) {
    const lines = wrap(text, { ...style, size }, maxWidth, maxLines + 1);
    if (lines.length <= maxLines) return { style: { ...style, size }, lines };
  }
  const at = { ...style, size: min };
  return { style: at, lines: wrap(text, at, maxWidth, maxLines) };
}

function drawFrame(page: PDFPage) {
  const { width: w, height: h } = A4_LANDSCAPE;
  page.drawRectangle({ x: 0, y: 0, width: w, height: h, color: PAPER });
  page.drawRectangle({ x: 22, y: 22, width: w - 44, height: h - 44, borderColor: NAVY, borderWidth: 3.5 });
  page.drawRectangle({ x: 31, y: 31, width: w - 62, height: h - 62, borderColor: GOLD, borderWidth: 1 });
  for (const [x, y] of [
    [31, 31],
    [w - 31, 31],
    [31, h - 31],
    [w - 31, h - 31],
  ] as const) {
    page.drawRectangle({ x: x - 5, y: y - 5, width: 10, height: 10, color: GOLD });
  }
}

/** The QR code of `text` as dark rectangles (one per run of modules) on a white square with its quiet zone. */
export function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
  const qr = encode(text, { ecc: "M", border: 0 });
  const module = size / qr.size;
  const quiet = module * 2;
  page.drawRectangle({ x: x - quiet, y: y - quiet, width: size + 2 * quiet, height: size + 2 * quiet, color: WHITE });
  qr.data.forEach((row, r) => {
    for (let c = 0; c < row.length;) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < row.length && row[c]) c++;
      page.drawRectangle({
        x: x + start * module,
        y: y + size - (r + 1) * module,
        width: (c - start) * module,
        height: module,
        color: rgb(0, 0, 0),
      });
    }
  });
}

/** The emblem's box at the top left, inside the frame (PDF points). */
const EMBLEM_BOX = { x: 58, y: 474, size: 64 } as const;

/**
 * Draws the emblem scaled into its box, keeping its proportions.
 * @returns false when the image cannot be read (the certificate is then made without it)
 */
async function drawEmblem(doc: PDFDocument, page: PDFPage, emblem: Emblem): Promise<boolean> {
  try {
    const image = emblem.type === "png" ? await doc.embedPng(emblem.bytes) : await doc.embedJpg(emblem.bytes);
    const scale = Math.min(EMBLEM_BOX.size / image.width, EMBLEM_BOX.size / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    page.drawImage(image, {
      x: EMBLEM_BOX.x + (EMBLEM_BOX.size - width) / 2,
      y: EMBLEM_BOX.y + (EMBLEM_BOX.size - height) / 2,
      width,
      height,
    });
    return true;
  } catch (error) {
    console.error(JSON.stringify({ msg: "emblem not drawn", error: String(error) }));
    return false;
  }
}

/**
 * @returns the PDF's bytes
 * @example const bytes = await renderCertificate({ agencyName: "Pemerintah Kota Binjai", … })
 */
export async function renderCertificate(content: CertificateContent): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const embed = (name: StandardFonts) => doc.embedFont(name);
  const fonts: Fonts = {
    serif: await embed(StandardFonts.TimesRoman),
    serifBold: await embed(StandardFonts.TimesRomanBold),
    serifItalic: await embed(StandardFonts.TimesRomanItalic),
    sans: await embed(StandardFonts.Helvetica),
    sansBold: await embed(StandardFonts.HelveticaBold),
    mono: await embed(StandardFonts.CourierBold),
  };
  doc.setTitle(`Piagam Penghargaan: ${content.title} — ${content.recipient.name}`);
  doc.setAuthor(content.agencyName);
  doc.setSubject(`${content.title} (${content.periodLabel})`);
  doc.setKeywords([content.code]);
  doc.setCreator("Gagas");
  doc.setProducer("Gagas");
  doc.setLanguage("id-ID");
  doc.setCreationDate(content.issuedAt);
  doc.setModificationDate(content.issuedAt);

  const page = doc.addPage([A4_LANDSCAPE.width, A4_LANDSCAPE.height]);
  const cx = A4_LANDSCAPE.width / 2;
  drawFrame(page);

  // beside an emblem the agency's name keeps clear of it
  const emblem = content.emblem ? await drawEmblem(doc, page, content.emblem) : false;
  const agency = fit(
    content.agencyName.toUpperCase(),
    { font: fonts.sansBold, size: 14, color: NAVY, spacing: 1.5 },
    emblem ? 560 : 700,
    9,
  );
  centred(page, content.agencyName.toUpperCase(), cx, 512, agency);
  page.drawLine({ start: { x: cx - 70, y: 500 }, end: { x: cx + 70, y: 500 }, thickness: 1, color: GOLD });
  centred(page, "PIAGAM PENGHARGAAN", cx, 455, { font: fonts.serifBold, size: 36, color: NAVY, spacing: 3 });
  centred(page, "diberikan kepada", cx, 423, { font: fonts.serifItalic, size: 14, color: MUTED });

  const name = fit(content.recipient.name, { font: fonts.serifBold, size: 30 }, 700, 16);
  centred(page, content.recipient.name, cx, 385, name);
  let y = 362;
  const small: TextStyle = { font: fonts.sans, size: 11, color: MUTED };
  if (content.recipient.nip) {
    centred(page, `NIP ${content.recipient.nip}`, cx, y, small);
    y -= 15;
  }
  centred(page, content.recipient.detail, cx, y, fit(content.recipient.detail, small, 700, 8));

  centred(page, "sebagai", cx, y - 30, { font: fonts.serifItalic, size: 13, color: MUTED });
  y -= 56;
  const title = fitWrapped(content.title, { font: fonts.sansBold, size: 20, color: NAVY }, 680, 2, 14);
  for (const line of title.lines) {
    centred(page, line, cx, y, title.style);
    y -= title.style.size + 5;
  }
  y -= 10;
  const citation = fitWrapped(content.citation, { font: fonts.serif, size: 13 }, 600, 5, 10);
  for (const line of citation.lines) {
    centred(page, line, cx, y, citation.style);
    y -= citation.style.size + 4;
  }
  centred(page, `Periode ${content.periodLabel}`, cx, y - 8, fit(`Periode ${content.periodLabel}`, small, 320, 8));

  // the signature block, bottom right
  const sx = A4_LANDSCAPE.width - 205;
  centred(page, content.date, sx, 150, { font: fonts.sans, size: 11 });
  const position = fitWrapped(content.signer.position, { font: fonts.sansBold, size: 11 }, 260, 2, 8);
  position.lines.forEach((line, i) => centred(page, line, sx, 134 - i * 13, position.style));
  page.drawLine({ start: { x: sx - 110, y: 82 }, end: { x: sx + 110, y: 82 }, thickness: 0.6, color: MUTED });
  centred(page, content.signer.name, sx, 66, fit(content.signer.name, { font: fonts.sansBold, size: 12 }, 250, 8));
  if (content.signer.nip)
    centred(page, `NIP ${content.signer.nip}`, sx, 52, { font: fonts.sans, size: 9, color: MUTED });

  // the verification block, bottom left
  drawQr(page, content.verifyUrl, 64, 60, 84);
  const url = new URL(content.verifyUrl);
  const left = (text: string, yy: number, style: TextStyle) =>
    page.drawText(printable(style.font, text), {
      x: 162,
      y: yy,
      font: style.font,
      size: style.size,
      color: style.color ?? INK,
    });
  left("Verifikasi keaslian piagam ini:", 128, { font: fonts.sans, size: 8, color: MUTED });
  left(`${url.host}/verifikasi`, 117, { font: fonts.sans, size: 8, color: MUTED });
  left("Kode verifikasi", 92, { font: fonts.sans, size: 8, color: MUTED });
  left(content.code, 78, { font: fonts.mono, size: 9.5, color: NAVY });
  left("Diterbitkan melalui Gagas", 62, { font: fonts.serifItalic, size: 8, color: MUTED });

  // pdf-lib writes into a plain ArrayBuffer
  return (await doc.save()) as Uint8Array<ArrayBuffer>;
}
