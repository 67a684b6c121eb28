/**
 * The innovation dossier as one printable HTML page, laid out along the KIPP proposal. Built from
 * the idea as its viewer may see it (`toIdeaDetail`: blind review already applied), never from the
 * committee's private notes. No script and no inline style (the API's CSP forbids both): the look
 * is `/dossier.css`, served from this origin.
 */
import type { getImplementationReport } from "../../db/queries/implementation.queries";
import { html, paragraphs, type HtmlValue, type SafeHtml } from "../../lib/html";
import { localDateTime, tanggalIndonesia, zoneAbbreviation, type TimeZone } from "../../domain/time-zone";
import type { toIdeaDetail } from "../ideas/ideas.view";
import { angka, rupiah, type DossierData } from "../innovation-profile/dossier-data";
import { ATTACHMENT_KIND_LABEL, ideaEventLabel, STATUS_LABEL } from "./exports.labels";

type IdeaDetail = ReturnType<typeof toIdeaDetail>;
type ImplementationReport = NonNullable<Awaited<ReturnType<typeof getImplementationReport>>>;

export type DossierView = {
  idea: IdeaDetail;
  agencyName: string;
  /** the agency's clock: every date and time of the dossier reads on it */
  timeZone: TimeZone;
  /** the agency's emblem as a `data:` address (the dossier loads no other file but its stylesheet) */
  emblemSrc: string | null;
  decidedAt: number | null;
  /** other agencies whose listed ideas replicate this one */
  replicatingAgencies: readonly string[];
  report: ImplementationReport | null;
  /** the innovation profile, indicators and evidence as the PDF and the ZIP have them */
  innovation: DossierData;
  now: number;
};

/** The sections, in the order of the KIPP proposal. */
export const DOSSIER_SECTIONS = [
  "Ringkasan",
  "Profil Inovasi",
  "Permasalahan dan Urgensi",
  "Kebaruan",
  "Langkah Implementasi",
  "Hasil dan Manfaat",
  "Indikator dan Bukti Pendukung",
  "Dapat Direplikasi",
  "Keberlanjutan",
  "Lampiran",
] as const;

const EMPTY = html`<p class="empty">Belum diisi.</p>`;
const textOr = (text: string | null | undefined) => (text?.trim() ? paragraphs(text) : EMPTY);

/** `1,2 MB`, `340 KB`: decimal comma, as Indonesian readers write it. */
function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A `<dl>` of the facts that have a value. */
function facts(entries: [string, HtmlValue][]): SafeHtml {
  const shown = entries.filter(([, v]) => v !== null && v !== undefined && v !== "");
  return html`<dl class="facts">
    ${shown.map(
      ([k, v]) =>
        html`<dt>${k}</dt>
          <dd>${v}</dd>`,
    )}
  </dl>`;
}

function section(n: number, body: HtmlValue): SafeHtml {
  const title = DOSSIER_SECTIONS[n - 1]!;
  return html`<section aria-labelledby="s${n}">
    <h2 id="s${n}">${n}. ${title}</h2>
    ${body}
  </section>`;
}

/** The first paragraph of the solution, cut at a word near 400 characters: the summary's abstract. */
function abstractOf(text: string): string {
  const first = text.trim().split(/\n\s*\n/)[0] ?? "";
  if (first.length <= 400) return first;
  const cut = first.slice(0, 400);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 300))}…`;
}

function header(v: DossierView): SafeHtml {
  const { idea } = v;
  const dateOf = (iso: string | null) => (iso ? tanggalIndonesia(Date.parse(iso), v.timeZone) : null);
  const team = idea.blind
    ? "Disembunyikan selama penilaian buta"
    : idea.team
        .filter((m) => m.accepted)
        .map((m) => `${m.name}${m.role === "author" ? " (pengusul)" : ""}${m.unitName ? ` — ${m.unitName}` : ""}`)
        .join("; ");
  return html`<header class="dossier-head">
    ${v.emblemSrc ? html`<img class="emblem" src="${v.emblemSrc}" alt="Lambang ${v.agencyName}" />` : ""}
    <p class="agency">${v.agencyName}</p>
    <p class="kind">Dosier Inovasi</p>
    <h1>${idea.title}</h1>
    ${facts([
      ["Kampanye", idea.campaign.title],
      ["Status", STATUS_LABEL[idea.status]],
      ["Unit pengusul", idea.unit?.name],
      ["Tim", team],
      ["Diajukan", dateOf(idea.submittedAt)],
      ["Diputuskan", v.decidedAt === null ? null : tanggalIndonesia(v.decidedAt, v.timeZone)],
      ["Diterapkan", v.report ? tanggalIndonesia(v.report.implementedOn, v.timeZone) : null],
    ])}
  </header>`;
}

function summary(idea: IdeaDetail): SafeHtml {
  return html`${idea.solution.trim() ? html`<p class="abstract">${abstractOf(idea.solution)}</p>` : EMPTY}
  ${facts([
    ["Layanan sasaran", idea.targetService],
    ["Kategori", idea.category],
    ["Dukungan rekan", idea.voteCount],
    ["Komentar", idea.commentCount],
    ["Skor penilaian", idea.reviewScore === null ? null : idea.reviewScore.toFixed(1).replace(".", ",")],
  ])}`;
}

function novelty(idea: IdeaDetail): SafeHtml {
  const replica = idea.replicates
    ? html`<p class="note">
        Ide ini mereplikasi inovasi «${idea.replicates.title}» dari ${idea.replicates.agencyName}; kebaruannya terletak
        pada penyesuaian untuk layanan di instansi ini.
      </p>`
    : null;
  return html`<h3>Gagasan</h3>
    ${textOr(idea.solution)}${replica}`;
}

function implementation(v: DossierView): SafeHtml {
  const { report, idea } = v;
  const evidence = report && report.evidence.length > 0 ? report.evidence.map((e) => e.fileName).join(", ") : null;
  const steps = report
    ? html`${paragraphs(report.summary)}${facts([
        ["Tanggal penerapan", tanggalIndonesia(report.implementedOn, v.timeZone)],
        ["Unit pelaksana", report.unitName],
        ["Bukti penerapan", evidence],
      ])}`
    : html`<p class="empty">Belum ada laporan penerapan.</p>`;
  const history = idea.events.map(
    (e) =>
      html`<li>
        <span class="when">${localDateTime(Date.parse(e.at), v.timeZone)} ${zoneAbbreviation(v.timeZone)}</span> —
        ${ideaEventLabel(e.action)}${e.actor ? ` oleh ${e.actor.name}` : ""}${e.reason ? html`: <q>${e.reason}</q>` : null}
      </li>`,
  );
  return html`${steps}
    <h3>Riwayat proses</h3>
    <ol class="history">
      ${history}
    </ol>`;
}

function results(v: DossierView): SafeHtml {
  const { idea } = v;
  const decision =
    idea.decisionReason && ["approved", "rejected", "implemented", "shortlisted"].includes(idea.status)
      ? html`<h3>Catatan keputusan</h3>
          ${paragraphs(idea.decisionReason)}`
      : null;
  const achieved = v.report?.results
    ? html`<h3>Hasil sejauh ini</h3>
        ${paragraphs(v.report.results)}`
    : null;
  return html`<h3>Manfaat</h3>
    ${textOr(idea.benefit)}${achieved}${decision}`;
}

function replication(v: DossierView): SafeHtml {
  const { idea, replicatingAgencies: agencies } = v;
  const original = idea.replicates
    ? html`<p>Replikasi dari «${idea.replicates.title}» (${idea.replicates.agencyName}).</p>`
    : null;
  const copies =
    agencies.length === 0
      ? html`<p>Belum direplikasi oleh instansi lain.</p>`
      : html`<p>Direplikasi oleh ${agencies.length} instansi:</p>
          <ul>
            ${agencies.map((a) => html`<li>${a}</li>`)}
          </ul>`;
  return html`${original}${copies}`;
}

function sustainability(v: DossierView): SafeHtml {
  const { report } = v;
  if (!report) {
    return html`<p>
      Ide belum diterapkan. Keberlanjutannya dinilai setelah penerapan dilaporkan: unit pelaksana, sejak kapan, dan
      buktinya.
    </p>`;
  }
  return html`<p>
    Dijalankan oleh ${report.unitName} sejak ${tanggalIndonesia(report.implementedOn, v.timeZone)}. Laporan penerapan
    dicatat oleh ${report.reportedByName} pada ${tanggalIndonesia(report.createdAt, v.timeZone)}.
  </p>`;
}

/** The profile's facts, worded as in the PDF (both read {@link DossierData}). */
function innovationProfile(d: DossierData): SafeHtml {
  const p = d.profilInovasi;
  if (!p.tahapan) return html`<p class="empty">Profil inovasi belum diisi oleh tim.</p>`;
  const sdgs = p.tujuanPembangunanBerkelanjutan.map((s) => `${s.nomor}. ${s.nama}`).join("; ");
  return facts([
    ["Tahapan inovasi", p.tahapan.label],
    ["Jenis inovasi", p.jenis?.label],
    ["Bentuk inovasi", p.bentuk?.label],
    ["Urusan pemerintahan", p.urusanPemerintahan?.label],
    ["Tanggal uji coba", d.tanggalTertulis.ujiCoba],
    ["Tanggal penerapan", d.tanggalTertulis.penerapan],
    ["Tujuan Pembangunan Berkelanjutan (TPB/SDGs)", sdgs],
    ["Tujuan", p.tujuan],
    ["Kelompok sasaran", p.kelompokSasaran],
    ["Anggaran", p.anggaran ? `${rupiah(p.anggaran.jumlahRupiah ?? 0)} (${p.anggaran.sumber.label})` : null],
    ["Dasar hukum", p.dasarHukum ? `${p.dasarHukum.nomor}, tanggal ${d.tanggalTertulis.dasarHukum ?? ""}` : null],
    ["Video inovasi", p.video ? html`<a href="${p.video}">${p.video}</a>` : null],
  ]);
}

/** The before/after indicators and the evidence index, in the order of the PDF. */
function indicatorsAndEvidence(idea: IdeaDetail, d: DossierData): SafeHtml {
  const indicators =
    d.indikator.length === 0
      ? html`<p class="empty">Belum ada indikator.</p>`
      : html`<ol>
          ${d.indikator.map(
            (i) =>
              html`<li>
                ${i.nama}: sebelum ${angka(i.sebelum)} ${i.satuan}, sesudah ${angka(i.sesudah)} ${i.satuan}
              </li>`,
          )}
        </ol>`;
  const evidence =
    d.bukti.length === 0
      ? html`<p class="empty">Belum ada bukti.</p>`
      : html`<ol>
          ${d.bukti.map(
            (b) =>
              html`<li>
                [${b.jenis.label}]
                ${
                  b.verifikasi
                    ? html`${b.judul} — babak ${b.verifikasi.babak}, ${b.verifikasi.kompetisi} (${b.berkas?.path ?? ""}
                      dalam paket ZIP)`
                    : html`${
                        b.tautan
                          ? html`<a href="${b.tautan}">${b.judul}</a>`
                          : html`<a href="/api/v1/ideas/${idea.id}/evidence/${b.id}">${b.judul}</a>`
                      }
                      — mendukung ${b.indikator?.nama ?? "inovasi secara umum"}`
                }
              </li>`,
          )}
        </ol>`;
  return html`<h3>Indikator sebelum dan sesudah</h3>
    ${indicators}
    <h3>Indeks bukti pendukung</h3>
    ${evidence}`;
}

function attachmentList(idea: IdeaDetail): SafeHtml {
  if (idea.attachments.length === 0) return html`<p class="empty">Tidak ada lampiran.</p>`;
  return html`<table class="attachments">
    <thead>
      <tr>
        <th scope="col">Berkas</th>
        <th scope="col">Jenis</th>
        <th scope="col">Ukuran</th>
      </tr>
    </thead>
    <tbody>
      ${idea.attachments.map(
        (a) =>
          html`<tr>
            <td><a href="/api/v1/ideas/${idea.id}/attachments/${a.id}">${a.fileName}</a></td>
            <td>${ATTACHMENT_KIND_LABEL[a.kind]}</td>
            <td>${fileSize(a.size)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** @returns the whole page, every piece of user text escaped */
export function renderDossier(v: DossierView): string {
  const { idea } = v;
  return html`<!doctype html>
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Dosier Inovasi — ${idea.title}</title>
        <link rel="stylesheet" href="/dossier.css" />
      </head>
      <body>
        <p class="print-note">
          Untuk mencetak atau menyimpan sebagai PDF, gunakan menu cetak peramban: Ctrl+P (⌘+P di Mac). Catatan ini tidak
          ikut tercetak.
        </p>
        ${header(v)}
        <main>
          ${section(1, summary(idea))} ${section(2, innovationProfile(v.innovation))}
          ${section(3, textOr(idea.problem))} ${section(4, novelty(idea))} ${section(5, implementation(v))}
          ${section(6, results(v))} ${section(7, indicatorsAndEvidence(idea, v.innovation))}
          ${section(8, replication(v))} ${section(9, sustainability(v))} ${section(10, attachmentList(idea))}
        </main>
        <footer>
          <p>
            Dibuat oleh Gagas dari data ide #${idea.id} pada ${localDateTime(v.now, v.timeZone)}
            ${zoneAbbreviation(v.timeZone)}.
          </p>
        </footer>
      </body>
    </html> `.toString();
}
