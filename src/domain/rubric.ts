/**
 * Review rubrics. The default follows the national KIPP (Kompetisi Inovasi Pelayanan Publik)
 * criteria plus the urgency of the problem; weights are percentages that add up to 100.
 */
export type Criterion = {
  key: string;
  labelId: string;
  labelEn: string;
  descriptionId: string;
  descriptionEn: string;
  weight: number;
  scaleMax: number;
};

export const DEFAULT_RUBRIC: readonly Criterion[] = [
  {
    key: "urgensi",
    labelId: "Urgensi masalah",
    labelEn: "Urgency of the problem",
    descriptionId: "Seberapa mendesak masalah layanan ini bagi masyarakat dan instansi.",
    descriptionEn: "How pressing the service problem is for citizens and the agency.",
    weight: 15,
    scaleMax: 5,
  },
  {
    key: "kebaruan",
    labelId: "Kebaruan",
    labelEn: "Novelty",
    descriptionId: "Gagasan baru atau modifikasi yang berbeda dari cara sebelumnya di instansi ini.",
    descriptionEn: "A new approach, or a meaningful change from how the agency worked before.",
    weight: 20,
    scaleMax: 5,
  },
  {
    key: "efektivitas",
    labelId: "Efektivitas",
    labelEn: "Effectiveness",
    descriptionId: "Hasil yang terukur: waktu layanan, biaya, jumlah penerima manfaat.",
    descriptionEn: "Measurable results: service time, cost, number of people served.",
    weight: 20,
    scaleMax: 5,
  },
  {
    key: "kemanfaatan",
    labelId: "Kemanfaatan",
    labelEn: "Benefit",
    descriptionId: "Manfaat nyata bagi masyarakat, terutama kelompok rentan.",
    descriptionEn: "Real benefit to citizens, especially vulnerable groups.",
    weight: 20,
    scaleMax: 5,
  },
  {
    key: "replikasi",
    labelId: "Dapat direplikasi",
    labelEn: "Transferable",
    descriptionId: "Dapat diterapkan oleh unit atau daerah lain dengan penyesuaian kecil.",
    descriptionEn: "Other units or regions can adopt it with small adjustments.",
    weight: 15,
    scaleMax: 5,
  },
  {
    key: "keberlanjutan",
    labelId: "Keberlanjutan",
    labelEn: "Sustainability",
    descriptionId: "Didukung anggaran, regulasi, dan SDM agar terus berjalan.",
    descriptionEn: "Backed by budget, regulation and people so that it keeps running.",
    weight: 10,
    scaleMax: 5,
  },
];

export type RubricProblem = { index: number | null; code: string; message: string };

/** A rubric needs 1–12 criteria with distinct keys and weights adding up to 100. */
export function checkRubric(criteria: readonly Pick<Criterion, "key" | "weight">[]): RubricProblem[] {
  const problems: RubricProblem[] = [];
  if (criteria.length === 0 || criteria.length > 12) {
    problems.push({ index: null, code: "rubric.size", message: "A rubric has between 1 and 12 criteria" });
  }
  const seen = new Set<string>();
  criteria.forEach((c, index) => {
    if (seen.has(c.key))
      problems.push({ index, code: "rubric.duplicate_key", message: `Key "${c.key}" is used twice` });
    seen.add(c.key);
  });
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (total !== 100)
    problems.push({ index: null, code: "rubric.weights_total", message: `Weights add up to ${total}, not 100` });
  return problems;
}
