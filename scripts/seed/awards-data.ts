/**
 * One announced award per pilot agency, signed by its leader, for the idea that went furthest in
 * the agency's KIPP 2026 (see ideas-data.ts). People are named by NIP, units by code, ideas by title.
 */
export type SeedAward = {
  agency: string;
  title: string;
  citation: string;
  periodLabel: string;
  bonusPoints: number;
  /** the idea whose author (and team) receives it, and which it links */
  idea: string;
  /** units that receive it too (a certificate, no points) */
  units?: string[];
  /** days before the seed's first run it was announced (after the idea's last step) */
  daysAgo: number;
};

export const AWARDS: SeedAward[] = [
  {
    agency: "binjai",
    title: "Inovator Terbaik KIPP 2026",
    citation:
      "Atas inovasi antrean daring perekaman KTP elektronik yang memangkas waktu tunggu warga dari rata-rata empat jam menjadi dua puluh menit, dan kini direplikasi oleh Kota Pangkalpinang.",
    periodLabel: "2026",
    bonusPoints: 200,
    idea: "Antrean daring perekaman KTP elektronik",
    units: ["DUKCAPIL"],
    daysAgo: 2,
  },
  {
    agency: "andir",
    title: "Penggagas Pelayanan Terbaik Kecamatan Andir 2026",
    citation:
      "Atas gagasan layanan administrasi kependudukan keliling ke RW yang mendekatkan pelayanan kepada warga lanjut usia dan penyandang disabilitas.",
    periodLabel: "2026",
    bonusPoints: 150,
    idea: "Layanan adminduk keliling ke RW",
    daysAgo: 2,
  },
  {
    agency: "lhokseumawe",
    title: "Inovator Digital Pemerintahan 2026",
    citation:
      "Atas gagasan sertifikat elektronik untuk surat dinas antar OPD yang mempercepat persuratan dan menghemat kertas di lingkungan Pemerintah Kota Lhokseumawe.",
    periodLabel: "2026",
    bonusPoints: 100,
    idea: "Sertifikat elektronik untuk surat dinas antar OPD",
    daysAgo: 2,
  },
  {
    agency: "pangkalpinang",
    title: "Inovator Replikasi Terbaik 2026",
    citation:
      "Atas keberhasilan mereplikasi antrean daring layanan kependudukan dan menyesuaikannya dengan jadwal kapal, sehingga warga pulau dapat merencanakan perjalanan ke kantor Disdukcapil.",
    periodLabel: "2026",
    bonusPoints: 200,
    idea: "Antrean daring layanan kependudukan Pangkalpinang",
    daysAgo: 2,
  },
];
