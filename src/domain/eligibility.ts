/**
 * Eligibility gates of a competition (issue 20.4), after KIPP: an innovation must have run long
 * enough (two years, one for a replication), each unit enters at most so many per group, and an
 * innovation is entered at most once a year. Every gate answers with its reason in Bahasa
 * Indonesia, so an entrant learns why before anything is written.
 */
export const ENTRY_GROUPS = ["umum", "replikasi", "khusus"] as const;
export type EntryGroup = (typeof ENTRY_GROUPS)[number];

export const GROUP_LABEL: Record<EntryGroup, string> = { umum: "umum", replikasi: "replikasi", khusus: "khusus" };

export type Gates = {
  /** whole years an innovation must have run by the day of entry, per group */
  minYears: Record<EntryGroup, number>;
  /** entries one unit (OPD) may make per group; null: no limit */
  quotaPerUnit: Record<EntryGroup, number | null>;
  /** at most one entry per innovation per calendar year (the agency's), across competitions */
  onePerYear: boolean;
};

/** KIPP's figures: two years (one for a replication), 10 general and 5 replication entries per agency. */
export const KIPP_GATES: Gates = {
  minYears: { umum: 2, replikasi: 1, khusus: 2 },
  quotaPerUnit: { umum: 10, replikasi: 5, khusus: null },
  onePerYear: true,
};

/** Gates that let everything through: a competition whose admin set none. */
export const OPEN_GATES: Gates = {
  minYears: { umum: 0, replikasi: 0, khusus: 0 },
  quotaPerUnit: { umum: null, replikasi: null, khusus: null },
  onePerYear: false,
};

export const GATE_KEYS = ["status", "replication", "min_years", "quota", "one_per_year"] as const;
export type GateKey = (typeof GATE_KEYS)[number];
export type GateVerdict = { gate: GateKey; ok: boolean; reason: string };

/**
 * Whole years from `since` to `today` (both `YYYY-MM-DD`, the agency's calendar).
 * @example fullYearsBetween("2024-03-01", "2026-02-28") // 1
 */
export function fullYearsBetween(since: string, today: string): number {
  const [y1, m1, d1] = since.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = today.split("-").map(Number) as [number, number, number];
  const years = y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
  return Math.max(years, years < 0 ? -1 : 0);
}

export type EntryFacts = {
  group: EntryGroup;
  /** the day the innovation started running, `YYYY-MM-DD` */
  operatingSince: string;
  /** today on the agency's calendar, `YYYY-MM-DD` */
  today: string;
  /** the idea is approved or implemented: only a decided innovation is entered */
  decided: boolean;
  /** the idea replicates another innovation */
  isReplication: boolean;
  /** entries the idea's unit already has in this competition's group */
  unitEntriesInGroup: number;
  /** the idea already has an entry this year (this competition or another) */
  enteredThisYear: boolean;
};

/**
 * Every gate's verdict for one would-be entry, in a fixed order; the entry may go in when all pass.
 * @example checkGates(KIPP_GATES, { group: "umum", operatingSince: "2025-06-01", today: "2026-03-01", … })
 * // [… { gate: "min_years", ok: false, reason: "Inovasi kelompok umum harus sudah berjalan minimal 2 tahun; …" } …]
 */
export function checkGates(gates: Gates, f: EntryFacts): GateVerdict[] {
  const years = fullYearsBetween(f.operatingSince, f.today);
  const need = gates.minYears[f.group];
  const quota = gates.quotaPerUnit[f.group];
  const group = GROUP_LABEL[f.group];
  return [
    {
      gate: "status",
      ok: f.decided,
      reason: f.decided
        ? "Ide sudah disetujui atau terlaksana."
        : "Hanya ide yang sudah disetujui atau terlaksana yang dapat didaftarkan.",
    },
    {
      gate: "replication",
      ok: f.group !== "replikasi" || f.isReplication,
      reason:
        f.group !== "replikasi" || f.isReplication
          ? "Kelompok sesuai dengan ide."
          : "Kelompok replikasi hanya untuk ide yang mereplikasi inovasi lain.",
    },
    {
      gate: "min_years",
      ok: f.operatingSince <= f.today && years >= need,
      reason:
        f.operatingSince > f.today
          ? "Tanggal mulai berjalan tidak boleh setelah hari ini."
          : years >= need
            ? `Inovasi sudah berjalan ${years} tahun (minimal ${need} tahun).`
            : `Inovasi kelompok ${group} harus sudah berjalan minimal ${need} tahun; inovasi ini baru berjalan ${years} tahun.`,
    },
    {
      gate: "quota",
      ok: quota === null || f.unitEntriesInGroup < quota,
      reason:
        quota === null
          ? `Kelompok ${group} tanpa kuota.`
          : f.unitEntriesInGroup < quota
            ? `Kuota unit untuk kelompok ${group}: ${f.unitEntriesInGroup} dari ${quota} terpakai.`
            : `Kuota unit untuk kelompok ${group} sudah penuh (${quota} inovasi).`,
    },
    {
      gate: "one_per_year",
      ok: !gates.onePerYear || !f.enteredThisYear,
      reason:
        gates.onePerYear && f.enteredThisYear
          ? "Inovasi ini sudah didaftarkan ke kompetisi tahun ini; satu inovasi hanya sekali setahun."
          : "Belum didaftarkan tahun ini.",
    },
  ];
}
