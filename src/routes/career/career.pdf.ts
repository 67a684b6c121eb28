/**
 * The innovation record as a PDF (A4 portrait, pdf-lib's standard fonts): the person and the day it
 * speaks for, a summary, then each year's ideas, implementations, reviews, awards and badges, with
 * the verification code and its QR code on the first page and the code in every page's footer.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { CareerRecord, CareerYear } from "../../domain/career-record";
import { tanggalIndonesia } from "../../domain/time-zone";
import { drawQr, printable, wrap } from "../awards/awards.certificate";

const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = 50;
const NAVY = rgb(0.1, 0.2, 0.38);
const INK = rgb(0.15, 0.15, 0.17);
const MUTED = rgb(0.38, 0.38, 0.42);
const RULE = rgb(0.72, 0.56, 0.22);

type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont; mono: PDFFont };
type Style = { font: PDFFont; size: number; color?: ReturnType<typeof rgb> };

/** Writes lines top-down, starting a new page when the next line would not fit. */
class Writer {
  page: PDFPage;
  y = A4.height - MARGIN;
  constructor(
    private readonly doc: PDFDocument,
    private readonly footer: (page: PDFPage) => void,
  ) {
    this.page = this.newPage();
  }
  private newPage() {
    const page = this.doc.addPage([A4.width, A4.height]);
    this.footer(page);
    return page;
  }
  ensure(height: number) {
    if (this.y - height < MARGIN + 20) {
      this.page = this.newPage();
      this.y = A4.height - MARGIN;
    }
  }
  /** Wrapped text at `indent`, each line `gap` below the last. */
  text(text: string, style: Style, indent = 0, gap = 3) {
    const lines = wrap(text, style, A4.width - 2 * MARGIN - indent, 6);
    for (const line of lines) {
      this.ensure(style.size + gap);
      this.y -= style.size + gap;
      this.page.drawText(line, {
        x: MARGIN + indent,
        y: this.y,
        font: style.font,
        size: style.size,
        color: style.color ?? INK,
      });
    }
  }
  space(height: number) {
    this.y -= height;
  }
  rule() {
    this.ensure(8);
    this.y -= 6;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: A4.width - MARGIN, y: this.y },
      thickness: 0.6,
      color: RULE,
    });
  }
}

function yearSection(w: Writer, fonts: Fonts, year: CareerYear, zone: CareerRecord["timeZone"]) {
  const body: Style = { font: fonts.regular, size: 10 };
  const small: Style = { font: fonts.regular, size: 9, color: MUTED };
  const heading: Style = { font: fonts.bold, size: 11, color: NAVY };
  w.ensure(60);
  w.space(8);
  w.text(`Tahun ${year.year}`, { font: fonts.bold, size: 14, color: NAVY });
  w.rule();
  const part = (title: string, n: number) => {
    if (n === 0) return false;
    w.space(4);
    w.text(`${title} (${n})`, heading);
    return true;
  };
  if (part("Ide", year.ideas.length))
    for (const idea of year.ideas) {
      w.text(`• ${idea.title}`, body, 6);
      const replica = idea.replicates ? ` · replikasi dari "${idea.replicates.title}" (${idea.replicates.agency})` : "";
      const travelled = idea.replicatedBy > 0 ? ` · direplikasi ${idea.replicatedBy} instansi lain` : "";
      w.text(`${idea.roleLabel} · ${idea.outcome} · ${idea.campaign}${replica}${travelled}`, small, 16);
    }
  if (part("Penerapan dan hasil", year.implementations.length))
    for (const impl of year.implementations) {
      w.text(`• ${impl.title} (diterapkan ${tanggalIndonesia(impl.implementedOn, zone)})`, body, 6);
      w.text(impl.summary, small, 16);
      if (impl.results) w.text(`Hasil: ${impl.results}`, small, 16);
      if (impl.updates > 0) w.text(`${impl.updates} laporan perkembangan`, small, 16);
    }
  if (
    part(
      "Penilaian yang diselesaikan",
      year.reviews.reduce((s, r) => s + r.count, 0),
    )
  )
    for (const r of year.reviews) w.text(`• ${r.campaign}: ${r.count} penilaian`, body, 6);
  if (part("Penghargaan dan piagam", year.awards.length))
    for (const a of year.awards) {
      w.text(`• ${a.title} (${a.periodLabel}), ${tanggalIndonesia(a.announcedOn, zone)}`, body, 6);
      w.text(`Kode piagam ${a.code}`, { font: fonts.mono, size: 8, color: MUTED }, 16);
    }
  if (part("Lencana", year.badges.length))
    w.text(year.badges.map((b) => `${b.name} (${tanggalIndonesia(b.earnedOn, zone)})`).join(" · "), body, 6);
}

/**
 * @param record the record as issued (its frozen content)
 * @param code the record's verification code; `verifyUrl` its public page, which the QR code holds
 */
export async function renderCareerRecord(
  record: CareerRecord,
  code: string,
  verifyUrl: string,
  issuedAt: Date,
): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  const asOf = tanggalIndonesia(record.asOf, record.timeZone);
  doc.setTitle(`Rekam jejak inovasi ${record.person.name}, per ${asOf}`);
  doc.setAuthor(record.person.agency);
  doc.setSubject("Rekam jejak inovasi ASN");
  doc.setKeywords([code]);
  doc.setCreator("Gagas");
  doc.setProducer("Gagas");
  doc.setLanguage("id-ID");
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);

  let pageNo = 0;
  const footer = (page: PDFPage) => {
    pageNo++;
    const text = printable(
      fonts.regular,
      `Rekam jejak inovasi ${record.person.name} · kode ${code} · halaman ${pageNo}`,
    );
    page.drawText(text, { x: MARGIN, y: MARGIN - 20, font: fonts.regular, size: 7.5, color: MUTED });
  };
  const w = new Writer(doc, footer);
  const first = w.page;

  // the verification block, top right of the first page
  const qrSize = 78;
  drawQr(first, verifyUrl, A4.width - MARGIN - qrSize, A4.height - MARGIN - qrSize, qrSize);
  const note = (text: string, y: number, font = fonts.regular, size = 7) =>
    first.drawText(printable(font, text), { x: A4.width - MARGIN - 150, y, font, size, color: MUTED });
  note("Verifikasi keaslian:", A4.height - MARGIN - qrSize - 16);
  note(`${new URL(verifyUrl).host}/verifikasi`, A4.height - MARGIN - qrSize - 25);
  note(code, A4.height - MARGIN - qrSize - 36, fonts.mono, 7.5);

  const narrow = (text: string, style: Style) => {
    for (const line of wrap(text, style, A4.width - 2 * MARGIN - 120, 3)) {
      w.y -= style.size + 4;
      first.drawText(line, { x: MARGIN, y: w.y, font: style.font, size: style.size, color: style.color ?? INK });
    }
  };
  narrow(record.person.agency.toUpperCase(), { font: fonts.bold, size: 10, color: NAVY });
  w.space(8);
  narrow("REKAM JEJAK INOVASI", { font: fonts.bold, size: 20, color: NAVY });
  narrow(`per ${asOf}`, { font: fonts.italic, size: 11, color: MUTED });
  w.space(10);
  narrow(record.person.name, { font: fonts.bold, size: 15 });
  narrow(`NIP ${record.person.nip}`, { font: fonts.regular, size: 10, color: MUTED });
  narrow([record.person.position, record.person.unit].filter(Boolean).join(" · "), {
    font: fonts.regular,
    size: 10,
    color: MUTED,
  });
  w.y = Math.min(w.y, A4.height - MARGIN - qrSize - 44);
  w.rule();
  w.space(4);
  const t = record.totals;
  w.text(`Level ${record.level.name} · ${record.level.points} poin`, { font: fonts.bold, size: 11 });
  w.text(
    `${t.ideas} ide (${t.authored} sebagai pengusul, ${t.coauthored} sebagai anggota tim) · ${t.implemented} diterapkan · ` +
      `${t.reviews} penilaian · ${t.awards} penghargaan · ${t.badges} lencana`,
    { font: fonts.regular, size: 10 },
  );
  w.text(
    "Dokumen ini dapat dipakai sebagai bukti dukung penilaian kinerja (SKP) dan pemetaan kompetensi. " +
      "Penilaian hanya dihitung jumlahnya per kampanye; skor tidak dicantumkan.",
    { font: fonts.italic, size: 8.5, color: MUTED },
  );
  if (record.years.length === 0) {
    w.space(10);
    w.text("Belum ada kegiatan inovasi yang tercatat.", { font: fonts.italic, size: 10, color: MUTED });
  }
  for (const year of record.years) yearSection(w, fonts, year, record.timeZone);

  return (await doc.save()) as Uint8Array<ArrayBuffer>;
}
