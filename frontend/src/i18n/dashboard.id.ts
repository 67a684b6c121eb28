/**
 * Bahasa Indonesia for the dashboard: figures, charts and their text alternatives.
 * Spread into `id.ts`; `dashboard.en.ts` must have the same keys.
 */
export const dashboardId = {
  "nav.dashboard": "Dasbor",

  "dashboard.title": "Dasbor inovasi",
  "dashboard.lead":
    "Seberapa tumbuh budaya inovasi di instansi Anda: partisipasi ASN, alur ide, dan inovasi yang ditiru.",
  "dashboard.loading": "Memuat dasbor…",
  "dashboard.forbidden": "Dasbor hanya untuk pimpinan dan admin instansi.",
  "dashboard.downloadsTitle": "Unduh data (CSV)",
  "dashboard.downloadsLead":
    "Untuk diolah di Excel atau LibreOffice. Dukungan hanya per unit kerja, tanpa nama pendukung.",
  "dashboard.downloadsCampaign":
    "Ide dan dukungan kampanye yang dipilih; penghargaan dan poin seluruh instansi. Dukungan tanpa nama pendukung.",
  "dashboard.downloadIdeas": "Daftar ide",
  "dashboard.downloadVotes": "Dukungan per unit",
  "dashboard.downloadAwards": "Penghargaan dan piagam",
  "dashboard.downloadLedger": "Buku poin",
  "dashboard.scope": "Cakupan",
  "dashboard.wholeAgency": "Seluruh instansi",
  "dashboard.asnTotal": "ASN aktif",
  "dashboard.participation": "Partisipasi",
  "dashboard.participationNote": "{any} dari {asn} ASN mengajukan, mendukung atau berkomentar",
  "dashboard.submitted": "Ide diajukan",
  "dashboard.daysToDecision": "Rata-rata waktu keputusan",
  "dashboard.days": "{days} hari",
  "dashboard.noDecisions": "Belum ada keputusan",
  "dashboard.funnelTitle": "Alur ide",
  "dashboard.funnelLead": "Berapa ide yang pernah mencapai setiap tahap, dan persentasenya dari ide yang diajukan.",
  "dashboard.monthsTitle": "Ide diajukan per bulan (12 bulan terakhir)",
  "dashboard.categoriesTitle": "Ide per kategori",
  "dashboard.unitsTitle": "Ide per unit kerja",
  "dashboard.noCategory": "Tanpa kategori",
  "dashboard.participationTitle": "Partisipasi per unit kerja",
  "dashboard.participationLead": "Bagian ASN di setiap unit yang mengajukan, mendukung atau mengomentari ide.",
  "dashboard.shareOf": "{share} · {any} dari {asn}",
  "dashboard.replicatedTitle": "Inovasi paling banyak direplikasi",
  "dashboard.replicatedEmpty": "Belum ada inovasi instansi ini yang direplikasi instansi lain.",
  "dashboard.replicatedBy": "direplikasi {count} kali",

  "funnel.submitted": "Diajukan",
  "funnel.in_review": "Dinilai",
  "funnel.shortlisted": "Masuk nominasi",
  "funnel.approved": "Disetujui",
  "funnel.implemented": "Diterapkan",
  "funnel.rejected": "Ditolak",

  "chart.showData": "Lihat datanya dalam tabel",
  "chart.empty": "belum ada data",
  "chart.step": "Tahap",
  "chart.ideas": "Ide",
  "chart.month": "Bulan",
  "chart.name": "Nama",
  "chart.unit": "Unit kerja",
  "chart.participation": "Partisipasi",
} as const;
