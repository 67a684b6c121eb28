/**
 * The dossier as a PDF, made in the Worker with pdf-lib's standard fonts (nothing is fetched): A4
 * portrait, the agency's emblem and name at the top, then the sections of {@link DossierData} in
 * the national forms' order, wrapped and paged, each page numbered. Links of the evidence index
 * are printed in full (a printed dossier is read on paper too) and are clickable.
 */
import { PDFDocument, PDFName, PDFString, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { printable, wrap, type Emblem } from "../awards/awards.certificate";
import { angka, rupiah, type DossierData } from "./dossier-data";

const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = 56;
const WIDTH = A4.width - 2 * MARGIN;
const NAVY = rgb(0.1, 0.2, 0.38);
const INK = rgb(0.15, 0.15, 0.17);
const MUTED = rgb(0.38, 0.38, 0.42);
const LINK = rgb(0.05, 0.3, 0.65);

type Fonts = { regular: PDFFont; bold: PDFFont };

/** A cursor down the pages: each write wraps its text and opens a new page when the page is full. */
class Writer {
  page!: PDFPage;
  y = 0;
  pages: PDFPage[] = [];
  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN;
  }

  room(height: number) {
    if (this.y - height < MARGIN) this.newPage();
  }

  lines(text: string, opts: { size?: number; bold?: boolean; color?: typeof INK; indent?: number; url?: string } = {}) {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.fonts.bold : this.fonts.regular;
    const indent = opts.indent ?? 0;
    const leading = size * 1.35;
    for (const paragraph of text.split(/\n+/)) {
      for (const line of wrap(paragraph, { font, size }, WIDTH - indent, Number.MAX_SAFE_INTEGER)) {
        this.room(leading);
        this.y -= leading;
        const x = MARGIN + indent;
        this.page.drawText(line, { x, y: this.y, size, font, color: opts.color ?? INK });
        if (opts.url) this.link(opts.url, x, this.y, font.widthOfTextAtSize(line, size), size);
      }
    }
  }

  /** A URI annotation over the drawn text. */
  link(url: string, x: number, y: number, width: number, size: number) {
    const annotation = this.doc.context.register(
      this.doc.context.obj({
        Type: "Annot",
        Subtype: "Link",
        Rect: [x, y - 2, x + width, y + size],
        Border: [0, 0, 0],
        A: { Type: "Action", S: "URI", URI: PDFString.of(url) },
      }),
    );
    const annots = this.page.node.lookup(PDFName.of("Annots"));
    if (annots && "push" in annots) (annots as { push(v: unknown): void }).push(annotation);
    else this.page.node.set(PDFName.of("Annots"), this.doc.context.obj([annotation]));
  }

  gap(points = 6) {
    this.y -= points;
  }

  heading(text: string) {
    this.gap(10);
    this.room(40);
    this.lines(text, { size: 13, bold: true, color: NAVY });
    this.page.drawLine({
      start: { x: MARGIN, y: this.y - 4 },
      end: { x: A4.width - MARGIN, y: this.y - 4 },
      thickness: 0.6,
      color: NAVY,
    });
    this.gap(8);
  }

  /** `Label: value` as a label line and an indented value, skipped when there is no value. */
  fact(label: string, value: string | null | undefined, url?: string) {
    if (value === null || value === undefined || value === "") return;
    this.room(28);
    this.lines(label, { size: 9, bold: true, color: MUTED });
    this.lines(value, { indent: 10, ...(url ? { url, color: LINK } : {}) });
    this.gap(3);
  }
}

function header(w: Writer, data: DossierData, emblemImage: Awaited<ReturnType<PDFDocument["embedPng"]>> | null) {
  let textX = 0;
  if (emblemImage) {
    const scale = 56 / emblemImage.height;
    w.page.drawImage(emblemImage, {
      x: MARGIN,
      y: w.y - 56,
      width: emblemImage.width * scale,
      height: 56,
    });
    textX = emblemImage.width * scale + 12;
  }
  const { regular, bold } = w.fonts;
  w.page.drawText(printable(bold, data.instansi), {
    x: MARGIN + textX,
    y: w.y - 18,
    size: 12,
    font: bold,
    color: NAVY,
  });
  w.page.drawText("DOSIR INOVASI", { x: MARGIN + textX, y: w.y - 36, size: 10, font: regular, color: MUTED });
  w.y -= 68;
  w.lines(data.profilInovasi.namaInovasi, { size: 17, bold: true });
  w.gap(4);
}

function profile(w: Writer, data: DossierData) {
  const p = data.profilInovasi;
  const d = data.tanggalTertulis;
  w.heading("1. Profil Inovasi");
  if (!p.tahapan) w.lines("Profil inovasi belum diisi oleh tim.", { color: MUTED });
  w.fact("Nama inovasi", p.namaInovasi);
  w.fact("Tahapan inovasi", p.tahapan?.label);
  w.fact("Inisiator (unit pengusul)", p.inisiator);
  w.fact("Jenis inovasi", p.jenis?.label);
  w.fact("Bentuk inovasi", p.bentuk?.label);
  w.fact("Urusan pemerintahan", p.urusanPemerintahan?.label);
  w.fact("Tanggal uji coba", d.ujiCoba);
  w.fact("Tanggal penerapan", d.penerapan);
  w.fact(
    "Tujuan Pembangunan Berkelanjutan (TPB/SDGs)",
    p.tujuanPembangunanBerkelanjutan.map((s) => `${s.nomor}. ${s.nama}`).join("\n") || null,
  );
  w.fact("Anggaran", p.anggaran ? `${rupiah(p.anggaran.jumlahRupiah ?? 0)} (${p.anggaran.sumber.label})` : null);
  w.fact("Dasar hukum", p.dasarHukum ? `${p.dasarHukum.nomor}, tanggal ${d.dasarHukum ?? ""}` : null);
  w.fact("Video inovasi", p.video, p.video ?? undefined);
}

function design(w: Writer, data: DossierData) {
  const p = data.profilInovasi;
  w.heading("2. Rancang Bangun");
  w.fact("Permasalahan", p.rancangBangun.permasalahan);
  w.fact("Gagasan dan perubahan yang dibawa", p.rancangBangun.gagasan);
  w.fact("Layanan sasaran", p.rancangBangun.layananSasaran);
  w.fact("Tujuan", p.tujuan);
  w.fact("Kelompok sasaran", p.kelompokSasaran);
  w.fact("Manfaat", p.manfaat);
}

function indicators(w: Writer, data: DossierData) {
  w.heading("3. Indikator Sebelum dan Sesudah");
  if (data.indikator.length === 0) w.lines("Belum ada indikator.", { color: MUTED });
  data.indikator.forEach((i, n) => {
    w.room(30);
    w.lines(`${n + 1}. ${i.nama}`, { bold: true });
    w.lines(`Sebelum: ${angka(i.sebelum)} ${i.satuan} -> Sesudah: ${angka(i.sesudah)} ${i.satuan}`, { indent: 14 });
    w.gap(3);
  });
}

function evidence(w: Writer, data: DossierData) {
  w.heading("4. Indeks Bukti Pendukung");
  if (data.bukti.length === 0) w.lines("Belum ada bukti.", { color: MUTED });
  for (const b of data.bukti) {
    w.room(40);
    w.lines(`${b.nomor}. [${b.jenis.label}] ${b.judul}`, { bold: true });
    w.lines(
      b.verifikasi
        ? `Babak: ${b.verifikasi.babak} (${b.verifikasi.kompetisi})`
        : `Mendukung: ${b.indikator?.nama ?? "inovasi secara umum"}`,
      { indent: 14, size: 9, color: MUTED },
    );
    if (b.tautan) w.lines(b.tautan, { indent: 14, size: 9, color: LINK, url: b.tautan });
    if (b.berkas) w.lines(`Berkas: ${b.berkas.path}`, { indent: 14, size: 9 });
    w.gap(3);
  }
}

function team(w: Writer, data: DossierData) {
  w.heading("5. Tim Inovasi");
  if (data.tim === null) return w.lines("Disembunyikan selama penilaian buta.", { color: MUTED });
  for (const m of data.tim) {
    w.lines(`${m.nama} (${m.peran.toLowerCase()})${m.jabatan ? `, ${m.jabatan}` : ""}${m.unit ? ` - ${m.unit}` : ""}`);
  }
}

function review(w: Writer, data: DossierData) {
  const r = data.penilaian;
  w.heading("6. Hasil Penilaian");
  w.fact("Kampanye", r.kampanye);
  w.fact("Status", r.status.label);
  w.fact("Skor penilaian", r.skor === null ? "Belum dinilai" : `${angka(Math.round(r.skor * 10) / 10)} dari 100`);
  w.fact("Tanggal keputusan", data.tanggalTertulis.diputuskan);
  w.fact("Catatan keputusan", r.catatanKeputusan);
  for (const k of data.kompetisi) {
    w.room(40);
    w.gap(4);
    w.lines(`Kompetisi: ${k.kompetisi}`, { bold: true });
    for (const b of k.babak) {
      const score = b.skor === null ? "" : `, nilai ${angka(b.skor)}`;
      const rank = b.peringkat === null ? "" : `, peringkat ${b.peringkat}`;
      w.lines(`Babak ${b.urutan} - ${b.nama} (bobot ${b.bobotPersen}%): ${b.hasil.label}${score}${rank}`, {
        indent: 14,
      });
    }
    if (k.nilaiAkhir !== null)
      w.lines(
        `Nilai akhir gabungan: ${angka(k.nilaiAkhir)} - peringkat ${k.peringkatAkhir} dari ${k.jumlahPeserta} peserta`,
        { indent: 14, bold: true },
      );
  }
}

/**
 * @param emblem the agency's emblem (PNG or JPEG), drawn at the top left when there is one
 * @returns the PDF's bytes; the same data and time give the same document
 */
export async function renderDossierPdf(data: DossierData, emblem: Emblem | null): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const created = new Date(data.dibuat);
  doc.setTitle(
    `Dosir Inovasi - ${printable(await doc.embedFont(StandardFonts.Helvetica), data.profilInovasi.namaInovasi)}`,
  );
  doc.setAuthor(data.instansi);
  doc.setCreator("Gagas");
  doc.setProducer("Gagas");
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const image = emblem
    ? emblem.type === "png"
      ? await doc.embedPng(emblem.bytes)
      : await doc.embedJpg(emblem.bytes)
    : null;
  const w = new Writer(doc, fonts);
  header(w, data, image);
  profile(w, data);
  design(w, data);
  indicators(w, data);
  evidence(w, data);
  team(w, data);
  review(w, data);
  w.pages.forEach((page, i) => {
    const footer = `Dibuat oleh Gagas dari ide #${data.idGagas} - halaman ${i + 1} dari ${w.pages.length}`;
    page.drawText(footer, { x: MARGIN, y: MARGIN / 2, size: 8, font: fonts.regular, color: MUTED });
  });
  return (await doc.save({ useObjectStreams: false })) as Uint8Array<ArrayBuffer>;
}
