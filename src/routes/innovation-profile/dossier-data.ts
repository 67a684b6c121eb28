/**
 * The dossier's content in the order of the national forms: Kemendagri's innovation profile
 * (IID: nama, tahapan, inisiator, jenis, bentuk, urusan, tanggal uji coba dan penerapan, rancang
 * bangun, tujuan, manfaat, hasil), then KIPP's proposal text, the indicators with their evidence,
 * the team and the review. One object feeds the PDF and `dosir.json`, so what an agency reads and
 * what it imports never differ. Keys are Bahasa Indonesia, the forms' own words.
 */
import {
  BUDGET_SOURCE_LABEL,
  EVIDENCE_KIND_LABEL,
  EVIDENCE_KINDS,
  FORM_LABEL,
  SDG_LABEL,
  STAGE_LABEL,
  TYPE_LABEL,
  URUSAN_LABEL,
} from "../../domain/innovation-profile";
import { tanggalIndonesia, type TimeZone } from "../../domain/time-zone";
import type { toIdeaDetail } from "../ideas/ideas.view";
import { STATUS_LABEL } from "../exports/exports.labels";
import type { CompetitionOutcome } from "../competitions/entry-outcome";
import type { Evidence, Profile } from "./innovation-profile.view";

type IdeaDetail = ReturnType<typeof toIdeaDetail>;

export const DOSSIER_FORMAT = "gagas.dosir/1";

/** Where an evidence file sits in the ZIP: `bukti/03-sk-bupati.pdf`. */
export const evidencePath = (n: number, fileName: string) => `bukti/${String(n).padStart(2, "0")}-${fileName}`;

/** The evidence index's kind for a reviewer's photo of a checklist item in a competition round. */
export const FIELD_PHOTO_KIND = { kode: "foto_verifikasi_lapangan", label: "Foto verifikasi lapangan" } as const;

/** A field-verification photo as the dossier lists it. */
export type FieldPhoto = {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  campaignTitle: string;
  roundName: string;
  itemLabel: string;
};

const OUTCOME_LABEL = { pending: "Sedang dinilai", advanced: "Lolos", eliminated: "Tidak lolos" } as const;

/** Evidence in the forms' order: by slot, then as added; numbered from 1. */
export function orderEvidence(evidence: readonly Evidence[]) {
  return [...evidence]
    .sort((a, b) => EVIDENCE_KINDS.indexOf(a.kind) - EVIDENCE_KINDS.indexOf(b.kind) || a.id - b.id)
    .map((e, i) => ({ n: i + 1, evidence: e }));
}

export function buildDossierData(input: {
  idea: IdeaDetail;
  agencyName: string;
  timeZone: TimeZone;
  profile: Profile | null;
  evidence: readonly Evidence[];
  /** the reviewers' photos from the competitions' field verification, after the team's evidence */
  fieldPhotos: readonly FieldPhoto[];
  competitions: readonly CompetitionOutcome[];
  decidedAt: number | null;
  now: number;
}) {
  const { idea, profile: p, timeZone } = input;
  const day = (d: string | null) => (d ? tanggalIndonesia(d, timeZone) : null);
  const indicatorName = new Map((p?.indicators ?? []).map((i) => [i.key, i.name]));
  const team = idea.blind
    ? null
    : idea.team
        .filter((m) => m.accepted)
        .map((m) => ({
          nama: m.name,
          jabatan: m.position,
          unit: m.unitName,
          peran: m.role === "author" ? "Pengusul" : "Anggota tim",
        }));
  return {
    format: DOSSIER_FORMAT,
    dibuat: new Date(input.now).toISOString(),
    instansi: input.agencyName,
    idGagas: idea.id,
    profilInovasi: {
      namaInovasi: idea.title,
      tahapan: p ? { kode: p.stage, label: STAGE_LABEL[p.stage] } : null,
      inisiator: idea.unit?.name ?? null,
      jenis: p ? { kode: p.type, label: TYPE_LABEL[p.type] } : null,
      bentuk: p ? { kode: p.form, label: FORM_LABEL[p.form] } : null,
      urusanPemerintahan: p ? { kode: p.urusan, label: URUSAN_LABEL[p.urusan] } : null,
      tanggalUjiCoba: p?.trialDate ?? null,
      tanggalPenerapan: p?.implementationDate ?? null,
      tujuanPembangunanBerkelanjutan: (p?.sdgs ?? []).map((n) => ({ nomor: n, nama: SDG_LABEL[n] ?? "" })),
      rancangBangun: { permasalahan: idea.problem, gagasan: idea.solution, layananSasaran: idea.targetService },
      tujuan: p?.objectives ?? null,
      kelompokSasaran: p?.targetGroups ?? null,
      manfaat: idea.benefit,
      anggaran: p?.budgetSource
        ? { jumlahRupiah: p.budgetAmount, sumber: { kode: p.budgetSource, label: BUDGET_SOURCE_LABEL[p.budgetSource] } }
        : null,
      dasarHukum: p?.legalBasisNumber ? { nomor: p.legalBasisNumber, tanggal: p.legalBasisDate } : null,
      video: p?.videoUrl ?? null,
    },
    indikator: (p?.indicators ?? []).map((i) => ({
      kunci: i.key,
      nama: i.name,
      satuan: i.unit,
      sebelum: i.before,
      sesudah: i.after,
    })),
    bukti: [
      ...orderEvidence(input.evidence).map(({ n, evidence: e }) => ({
        nomor: n,
        id: e.id,
        jenis: { kode: e.kind as string, label: EVIDENCE_KIND_LABEL[e.kind] as string },
        judul: e.title,
        indikator: e.indicatorKey ? { kunci: e.indicatorKey, nama: indicatorName.get(e.indicatorKey) ?? null } : null,
        verifikasi: null as { kompetisi: string; babak: string; butir: string } | null,
        tautan: e.url,
        berkas: e.file
          ? { path: evidencePath(n, e.file.fileName), jenisIsi: e.file.contentType, ukuran: e.file.size }
          : null,
      })),
      ...input.fieldPhotos.map((f, i) => {
        const n = input.evidence.length + i + 1;
        return {
          nomor: n,
          id: f.id,
          jenis: { ...FIELD_PHOTO_KIND } as { kode: string; label: string },
          judul: f.itemLabel,
          indikator: null,
          verifikasi: { kompetisi: f.campaignTitle, babak: f.roundName, butir: f.itemLabel },
          tautan: null,
          berkas: { path: evidencePath(n, f.fileName), jenisIsi: f.contentType, ukuran: f.size },
        };
      }),
    ],
    tim: team,
    penilaian: {
      status: { kode: idea.status, label: STATUS_LABEL[idea.status] },
      kampanye: idea.campaign.title,
      skor: idea.reviewScore,
      catatanKeputusan: ["approved", "implemented", "rejected", "shortlisted"].includes(idea.status)
        ? idea.decisionReason
        : null,
      diputuskan: input.decidedAt === null ? null : new Date(input.decidedAt).toISOString(),
    },
    kompetisi: input.competitions.map((c) => ({
      kompetisi: c.campaignTitle,
      babak: c.rounds.map((r) => ({
        urutan: r.position,
        nama: r.name,
        bobotPersen: r.weight,
        hasil: { kode: r.outcome, label: OUTCOME_LABEL[r.outcome] },
        skor: r.score,
        peringkat: r.rank,
      })),
      nilaiAkhir: c.decided ? (c.final?.combined ?? null) : null,
      peringkatAkhir: c.decided ? (c.final?.rank ?? null) : null,
      jumlahPeserta: c.entrants,
    })),
    /** the dates as a letter writes them, for the PDF */
    tanggalTertulis: {
      ujiCoba: day(p?.trialDate ?? null),
      penerapan: day(p?.implementationDate ?? null),
      dasarHukum: day(p?.legalBasisDate ?? null),
      diputuskan: input.decidedAt === null ? null : tanggalIndonesia(input.decidedAt, timeZone),
    },
  };
}

export type DossierData = ReturnType<typeof buildDossierData>;

/** `Rp 25.000.000`: the Indonesian grouping. */
export const rupiah = (amount: number) => `Rp ${amount.toLocaleString("id-ID")}`;

/** `12,5`: decimal comma. */
export const angka = (n: number) => n.toLocaleString("id-ID", { maximumFractionDigits: 2 });
