/**
 * The innovation profile an approved idea grows into, in the shape of Kemendagri's regional
 * innovation profile (IID, Permendagri 104/2018) and KemenPAN-RB's KIPP proposal: stage, type,
 * form, government affairs area, SDGs, objectives, budget, legal basis, video, and before/after
 * indicators, each backed by typed evidence. Who may change it and when, and the checks that span
 * fields (the shapes are the API schema's job); messages are in Bahasa Indonesia because they are
 * what the team reads next to the field.
 */
import type { Capacity, IdeaStatus } from "./idea-status";

export const INNOVATION_STAGES = ["inisiatif", "uji_coba", "penerapan"] as const;
export type InnovationStage = (typeof INNOVATION_STAGES)[number];
export const STAGE_LABEL: Record<InnovationStage, string> = {
  inisiatif: "Inisiatif",
  uji_coba: "Uji coba",
  penerapan: "Penerapan",
};

export const INNOVATION_TYPES = ["digital", "non_digital"] as const;
export type InnovationType = (typeof INNOVATION_TYPES)[number];
export const TYPE_LABEL: Record<InnovationType, string> = { digital: "Digital", non_digital: "Non-digital" };

export const INNOVATION_FORMS = ["pelayanan_publik", "tata_kelola", "lainnya"] as const;
export type InnovationForm = (typeof INNOVATION_FORMS)[number];
export const FORM_LABEL: Record<InnovationForm, string> = {
  pelayanan_publik: "Inovasi pelayanan publik",
  tata_kelola: "Inovasi tata kelola pemerintahan daerah",
  lainnya: "Inovasi urusan pemerintahan lainnya",
};

/**
 * The government affairs (urusan pemerintahan) of a region, UU 23/2014 art. 12 and 14: mandatory
 * basic services, mandatory non-basic ones, optional ones, then the supporting functions (art. 25
 * PP 18/2016) most governance innovations fall under.
 */
export const URUSAN_LABEL = {
  pendidikan: "Pendidikan",
  kesehatan: "Kesehatan",
  pekerjaan_umum: "Pekerjaan umum dan penataan ruang",
  perumahan: "Perumahan rakyat dan kawasan permukiman",
  trantibum: "Ketenteraman, ketertiban umum, dan pelindungan masyarakat",
  sosial: "Sosial",
  tenaga_kerja: "Tenaga kerja",
  perempuan_anak: "Pemberdayaan perempuan dan pelindungan anak",
  pangan: "Pangan",
  pertanahan: "Pertanahan",
  lingkungan_hidup: "Lingkungan hidup",
  adminduk: "Administrasi kependudukan dan pencatatan sipil",
  pemberdayaan_desa: "Pemberdayaan masyarakat dan desa",
  pengendalian_penduduk: "Pengendalian penduduk dan keluarga berencana",
  perhubungan: "Perhubungan",
  kominfo: "Komunikasi dan informatika",
  koperasi_ukm: "Koperasi, usaha kecil, dan menengah",
  penanaman_modal: "Penanaman modal",
  kepemudaan_olahraga: "Kepemudaan dan olahraga",
  statistik: "Statistik",
  persandian: "Persandian",
  kebudayaan: "Kebudayaan",
  perpustakaan: "Perpustakaan",
  kearsipan: "Kearsipan",
  kelautan_perikanan: "Kelautan dan perikanan",
  pariwisata: "Pariwisata",
  pertanian: "Pertanian",
  kehutanan: "Kehutanan",
  esdm: "Energi dan sumber daya mineral",
  perdagangan: "Perdagangan",
  perindustrian: "Perindustrian",
  transmigrasi: "Transmigrasi",
  perencanaan: "Perencanaan",
  keuangan: "Keuangan",
  kepegawaian: "Kepegawaian",
  pendidikan_pelatihan: "Pendidikan dan pelatihan",
  litbang: "Penelitian dan pengembangan",
  pengawasan: "Pengawasan",
  kesekretariatan: "Kesekretariatan dan tata pemerintahan",
} as const;
export type Urusan = keyof typeof URUSAN_LABEL;
export const URUSAN = Object.keys(URUSAN_LABEL) as [Urusan, ...Urusan[]];

/** The 17 Sustainable Development Goals by their Indonesian names (Tujuan Pembangunan Berkelanjutan). */
export const SDG_LABEL: Record<number, string> = {
  1: "Tanpa kemiskinan",
  2: "Tanpa kelaparan",
  3: "Kehidupan sehat dan sejahtera",
  4: "Pendidikan berkualitas",
  5: "Kesetaraan gender",
  6: "Air bersih dan sanitasi layak",
  7: "Energi bersih dan terjangkau",
  8: "Pekerjaan layak dan pertumbuhan ekonomi",
  9: "Industri, inovasi dan infrastruktur",
  10: "Berkurangnya kesenjangan",
  11: "Kota dan permukiman yang berkelanjutan",
  12: "Konsumsi dan produksi yang bertanggung jawab",
  13: "Penanganan perubahan iklim",
  14: "Ekosistem lautan",
  15: "Ekosistem daratan",
  16: "Perdamaian, keadilan dan kelembagaan yang tangguh",
  17: "Kemitraan untuk mencapai tujuan",
};

export const BUDGET_SOURCES = ["apbd", "apbn", "lainnya"] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];
export const BUDGET_SOURCE_LABEL: Record<BudgetSource, string> = { apbd: "APBD", apbn: "APBN", lainnya: "Lainnya" };

/** The evidence slots, in the order of the national forms' supporting documents. */
export const EVIDENCE_KINDS = [
  "regulasi",
  "dokumen_anggaran",
  "sop",
  "liputan_media",
  "penanganan_pengaduan",
  "replikasi",
  "foto_video",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABEL: Record<EvidenceKind, string> = {
  regulasi: "Regulasi",
  dokumen_anggaran: "Dokumen anggaran",
  sop: "SOP",
  liputan_media: "Liputan media",
  penanganan_pengaduan: "Penanganan pengaduan",
  replikasi: "Replikasi",
  foto_video: "Foto/video",
};

export const MAX_INDICATORS = 10;

/** How long the profile's and its evidence's texts may be (`[min, max]`), for the route schemas and the editor. */
export const PROFILE_LIMITS = {
  objectives: [10, 2000],
  targetGroups: [3, 500],
  legalBasisNumber: [3, 200],
  indicatorName: [3, 200],
  indicatorUnit: [1, 40],
  evidenceTitle: [3, 200],
  /** a video's or an evidence's https:// link */
  url: 2000,
} as const;
/** Evidence items (files and links) per idea; files also count against the attachment size limit. */
export const MAX_EVIDENCE_PER_IDEA = 30;
/** Evidence files per idea: the attachment limit, so the dossier's ZIP stays what one request can carry. */
export const MAX_EVIDENCE_FILES_PER_IDEA = 10;

/** Statuses in which an idea has a profile: approved, and on after it is implemented. */
export const PROFILE_STATUSES = ["approved", "implemented"] as const satisfies readonly IdeaStatus[];

export type Indicator = { key: string; name: string; unit: string; before: number; after: number };

export type ProfileInput = {
  stage: InnovationStage;
  trialDate: string | null;
  implementationDate: string | null;
  type: InnovationType;
  form: InnovationForm;
  urusan: Urusan;
  sdgs: number[];
  objectives: string;
  targetGroups: string;
  budgetAmount: number | null;
  budgetSource: BudgetSource | null;
  legalBasisNumber: string | null;
  legalBasisDate: string | null;
  videoUrl: string | null;
  indicators: { key?: string | undefined; name: string; unit: string; before: number; after: number }[];
};

export type ProfileRefusal = "profile.not_permitted" | "profile.not_available" | "profile.locked";

/**
 * Who may change the profile and its evidence: the idea's team (accepted members) and the agency's
 * admins, while the idea is approved or implemented and the profile is not entered in a round.
 * @example planProfileChange({ status: "approved", capacities: ["author"], lockedAt: null }) // { ok: true }
 */
export function planProfileChange(input: {
  status: IdeaStatus;
  capacities: readonly Capacity[];
  lockedAt: number | null;
}): { ok: true } | { ok: false; code: ProfileRefusal } {
  if (!input.capacities.includes("author") && !input.capacities.includes("admin")) {
    return { ok: false, code: "profile.not_permitted" };
  }
  if (!(PROFILE_STATUSES as readonly IdeaStatus[]).includes(input.status)) {
    return { ok: false, code: "profile.not_available" };
  }
  if (input.lockedAt !== null) return { ok: false, code: "profile.locked" };
  return { ok: true };
}

/** Whether the viewer is offered the editor (the same rule, without the reason). */
export const mayEditProfile = (input: Parameters<typeof planProfileChange>[0]) => planProfileChange(input).ok;

export type ProfileFieldError = { path: string; message: string; code: string };

/**
 * The rules that span fields, each failure on the field a person corrects.
 * @param today the agency's date (`YYYY-MM-DD`): no date of the profile lies after it
 * @example checkProfile({ ...input, stage: "uji_coba", trialDate: null }, "2026-12-07")
 *   // [{ path: "trialDate", code: "profile.trial_date_required", message: "Isi tanggal uji coba …" }]
 */
export function checkProfile(input: ProfileInput, today: string): ProfileFieldError[] {
  const errors: ProfileFieldError[] = [];
  const fail = (path: string, code: string, message: string) => errors.push({ path, code, message });
  if (input.stage !== "inisiatif" && !input.trialDate) {
    fail("trialDate", "profile.trial_date_required", "Isi tanggal uji coba untuk inovasi yang sudah diuji coba.");
  }
  if (input.stage === "penerapan" && !input.implementationDate) {
    fail(
      "implementationDate",
      "profile.implementation_date_required",
      "Isi tanggal penerapan untuk inovasi yang sudah diterapkan.",
    );
  }
  for (const field of ["trialDate", "implementationDate", "legalBasisDate"] as const) {
    const value = input[field];
    if (value && value > today) fail(field, "profile.date_in_future", "Tanggal tidak boleh setelah hari ini.");
  }
  if (input.trialDate && input.implementationDate && input.implementationDate < input.trialDate) {
    fail("implementationDate", "profile.dates_order", "Tanggal penerapan tidak boleh sebelum tanggal uji coba.");
  }
  if (input.budgetAmount !== null && input.budgetSource === null) {
    fail("budgetSource", "profile.budget_source_required", "Pilih sumber anggaran.");
  }
  if (input.budgetSource !== null && input.budgetAmount === null) {
    fail("budgetAmount", "profile.budget_amount_required", "Isi besar anggaran (boleh 0).");
  }
  if (Boolean(input.legalBasisNumber) !== Boolean(input.legalBasisDate)) {
    fail(
      input.legalBasisNumber ? "legalBasisDate" : "legalBasisNumber",
      "profile.legal_basis_incomplete",
      "Isi nomor dan tanggal dasar hukum bersama-sama.",
    );
  }
  if (new Set(input.sdgs).size !== input.sdgs.length) {
    fail("sdgs", "profile.sdg_duplicate", "Setiap tujuan TPB/SDGs cukup dipilih sekali.");
  }
  const names = input.indicators.map((i) => i.name.trim().toLowerCase());
  input.indicators.forEach((indicator, n) => {
    if (names.indexOf(names[n]!) !== n) {
      fail(`indicators.${n}.name`, "profile.indicator_duplicate", "Nama indikator sudah dipakai di baris lain.");
    }
    if (indicator.key && input.indicators.findIndex((i) => i.key === indicator.key) !== n) {
      fail(`indicators.${n}.key`, "profile.indicator_duplicate", "Kunci indikator sudah dipakai di baris lain.");
    }
  });
  return errors;
}

/**
 * Gives every new indicator a key (kept ones keep theirs, so the evidence linked to them stays
 * linked) and trims the text.
 * @param newKey a fresh key for each indicator without one
 */
export function keyIndicators(indicators: ProfileInput["indicators"], newKey: () => string): Indicator[] {
  return indicators.map((i) => ({
    key: i.key ?? newKey(),
    name: i.name.trim(),
    unit: i.unit.trim(),
    before: i.before,
    after: i.after,
  }));
}

/** The indicators the new list drops that some evidence still names: they must stay or be unlinked first. */
export function droppedIndicatorsInUse(next: readonly Indicator[], evidenceKeys: readonly (string | null)[]): string[] {
  const kept = new Set(next.map((i) => i.key));
  return [...new Set(evidenceKeys.filter((k): k is string => k !== null && !kept.has(k)))];
}

/** `https://…` only: a video link is opened by others, so no `http:`, `javascript:` or `data:`. */
export function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}
