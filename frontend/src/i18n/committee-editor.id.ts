/**
 * Bahasa Indonesia for the committee in the campaign editor (appointing, conflicts, reassigning
 * open reviews) and the vote-burst flag shown to the chair and the admin.
 * Spread into `id.ts`; `committee-editor.en.ts` must have the same keys.
 */
export const committeeEditorId = {
  "committeeEditor.title": "Tim penilai",
  "committeeEditor.lead":
    "Tunjuk ketua (memimpin penilaian, memutuskan nominasi) dan penilai (menilai ide dengan rubrik). Cari dengan nama atau NIP, lalu simpan seluruh tim sekaligus.",
  "committeeEditor.perIdea": "Setiap ide dinilai oleh {count} penilai (atur di bagian Aturan di atas).",
  "committeeEditor.unitRuleOn":
    "Aturan konflik unit aktif: penilai tidak menilai ide dari unit kerjanya sendiri atau unit di atas/bawahnya.",
  "committeeEditor.unitRuleOff":
    "Aturan konflik unit tidak aktif: penilai boleh menilai ide dari unit kerjanya sendiri.",
  "committeeEditor.loading": "Memuat tim penilai…",
  "committeeEditor.empty": "Belum ada anggota. Cari orang di bawah untuk menunjuk ketua dan penilai.",
  "committeeEditor.membersLabel": "Anggota tim penilai",
  "committeeEditor.openWork": "{count} penilaian belum dikirim",
  "committeeEditor.makeChair": "Jadikan ketua",
  "committeeEditor.makeReviewer": "Jadikan penilai",
  "committeeEditor.makeChairLabel": "Jadikan {name} ketua",
  "committeeEditor.makeReviewerLabel": "Jadikan {name} penilai",
  "committeeEditor.remove": "Keluarkan",
  "committeeEditor.removeLabel": "Keluarkan {name} dari tim penilai",
  "committeeEditor.noChair": "Tim belum punya ketua. Tunjuk minimal satu ketua sebelum menyimpan.",
  "committeeEditor.fewReviewers":
    "Tim baru punya {count} penilai, sedangkan setiap ide membutuhkan {needed}. Ide akan kekurangan penilai.",
  "committeeEditor.leavingTitle": "Akan dikeluarkan saat disimpan",
  "committeeEditor.leavingWithWork":
    "Masih punya {count} penilaian yang belum dikirim: akan dialihkan ke penilai lain.",
  "committeeEditor.leavingNoWork": "Tidak punya penilaian terbuka.",
  "committeeEditor.undo": "Batalkan",
  "committeeEditor.undoLabel": "Batal mengeluarkan {name}",
  "committeeEditor.searchLabel": "Cari orang",
  "committeeEditor.searchHint": "Ketik minimal 2 huruf nama, atau awal NIP.",
  "committeeEditor.searching": "Mencari…",
  "committeeEditor.noneFound": "Tidak ada orang aktif yang cocok dengan «{q}».",
  "committeeEditor.found": "{count} orang ditemukan.",
  "committeeEditor.resultsLabel": "Hasil pencarian",
  "committeeEditor.nip": "NIP {nip}",
  "committeeEditor.alreadySeated": "Sudah ada di tim.",
  "committeeEditor.addReviewer": "Tambah sebagai penilai",
  "committeeEditor.addReviewerLabel": "Tambahkan {name} sebagai penilai",
  "committeeEditor.addChair": "Tambah sebagai ketua",
  "committeeEditor.addChairLabel": "Tambahkan {name} sebagai ketua",
  "committeeEditor.noRoleHint":
    "Belum berperan Penilai. Anggota tim penilai harus punya peran ini; memberikannya mengubah akun orang ini dan tercatat di log audit.",
  "committeeEditor.grant": "Beri peran Penilai lalu tambahkan",
  "committeeEditor.grantLabel": "Beri {name} peran Penilai lalu tambahkan sebagai penilai",
  "committeeEditor.granting": "Memberi peran…",
  "committeeEditor.conflictAuthored":
    "Pengusul atau anggota tim pada {count} ide kampanye ini: tidak akan pernah ditugaskan menilai ide tersebut.",
  "committeeEditor.conflictSameUnit":
    "Satu unit dengan pengusul {count} ide: tidak akan menilai ide tersebut (aturan konflik unit).",
  "committeeEditor.save": "Simpan tim penilai",
  "committeeEditor.saving": "Menyimpan…",
  "committeeEditor.saved": "Tim penilai tersimpan.",
  "committeeEditor.toBoard": "Buka papan komite",
  "committeeEditor.movedTitle": "{count} penilaian dialihkan (orang yang terdampak mendapat notifikasi):",
  "committeeEditor.moved": "«{title}»: dari {from} ke {to}",
  "committeeEditor.reassignTitle": "Alihkan penilaian yang belum dikirim?",
  "committeeEditor.reassignText":
    "{names} masih memiliki {count} penilaian yang belum dikirim. Penilaian itu akan dipindahkan ke penilai yang tersisa: beban dibagi merata, tidak pernah kepada pengusul atau anggota tim ide, dan aturan konflik unit dipatuhi. Draf mereka dihapus; penilaian yang sudah dikirim tetap dihitung. Semua yang terdampak mendapat notifikasi.",
  "committeeEditor.reassignConfirm": "Keluarkan dan alihkan",

  "code.committee.unknown_user": "Orang ini tidak ditemukan atau akunnya tidak aktif di instansi Anda.",
  "code.committee.not_a_reviewer": "Orang ini belum berperan Penilai. Beri peran Penilai terlebih dahulu.",
  "code.committee.duplicate_member": "Orang ini tercantum dua kali dalam tim.",
  "code.committee.chair_required": "Tunjuk minimal satu ketua tim penilai.",
  "code.committee.no_eligible_reviewer":
    "Tidak ada penilai tersisa yang boleh mengambil alih sebagian penilaian (semuanya pengusul, anggota tim, atau satu unit dengan ide itu). Tambahkan penilai lain tanpa konflik, lalu simpan lagi. Belum ada yang berubah.",

  "burst.flag": "Lonjakan dukungan",
  "burst.short": "{votes} dukungan dalam {minutes} menit, {fromUnit} dari unit pengusul",
  "burst.title": "Dukungan datang serentak",
  "burst.explain":
    "{votes} dukungan masuk dalam waktu kurang dari {minutes} menit ({start} sampai {end}), {fromUnit} di antaranya dari unit pengusul sendiri.",
  "burst.meaning":
    "Ini sering terjadi bila rekan satu kantor diajak mendukung bersama-sama. Bukan pelanggaran, tetapi jumlah dukungan ide ini mungkin tidak mencerminkan minat dari unit lain. Nilai rubrik tidak terpengaruh.",
  "burst.rule":
    "Gagas menandai ide bila ada minimal {minVotes} dukungan, {windowShare}% di antaranya masuk dalam {minutes} menit, dan {unitShare}% dari dukungan itu berasal dari unit pengusul.",
  "burst.onlyYou": "Hanya ketua tim penilai dan admin yang melihat tanda ini.",
  "burst.flagLabel":
    "Lonjakan dukungan pada {title}: {votes} dukungan dalam {minutes} menit, {fromUnit} dari unit pengusul",
} as const;
