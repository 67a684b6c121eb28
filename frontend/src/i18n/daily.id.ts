/** Bahasa Indonesia for daily use on a phone: sharing, CSV for Excel, the import template and pages read offline. */
export const dailyId = {
  "share.button": "Bagikan",
  "share.buttonLabel": "Bagikan “{title}”",
  "share.title": "Bagikan",
  "share.text": "Kirim tautan ini ke rekan lewat WhatsApp atau aplikasi lain.",
  "share.link": "Tautan",
  "share.copy": "Salin tautan",
  "share.copied": "Tautan disalin. Tempelkan di pesan Anda.",
  "share.copyFailed": "Tautan tidak dapat disalin otomatis. Pilih tautan di atas lalu salin.",
  "share.whatsapp": "Kirim lewat WhatsApp",
  "share.ideaText": "Ide “{title}” di Gagas — dukung dan diskusikan:",
  "share.awardText": "Penghargaan “{title}” di Gagas:",
  "share.hallText": "Galeri penghargaan inovasi {agency} di Gagas:",
  "csv.excelId": "{label} untuk Excel (Indonesia)",
  "csv.excelIdHint": "Berkas untuk Excel dengan pengaturan Indonesia: pemisah titik koma dan koma desimal.",

  "import.template": "Templat untuk Excel (Indonesia)",
  "import.templateComma": "Templat CSV (pemisah koma)",
  "import.templateHelp":
    "Isi satu baris per pegawai, simpan sebagai CSV atau Excel (.xlsx), lalu unggah di sini. Kolom: nip (18 digit, format kolom sebagai teks), nama, email, kode_unit (kode unit seperti di menu Unit), jabatan, peran (pegawai, penilai, pimpinan, admin; lebih dari satu dipisah |; kosong berarti pegawai).",
  "import.readingXlsx": "Membaca berkas Excel…",
  "import.notXlsx":
    "Berkas ini tidak dapat dibaca sebagai lembar kerja Excel (.xlsx). Simpan ulang dari Excel, atau unggah sebagai CSV.",
  "offline.savedCopy": "Anda offline. Ini salinan yang disimpan di perangkat ini,",
  "offline.savedAgo": "disimpan {ago}.",
  "offline.voteNotSent": "Dukungan Anda belum terkirim karena Anda sedang offline. Tekan lagi saat koneksi kembali.",
  "offline.followNotSent": "Belum terkirim karena Anda sedang offline. Coba lagi saat koneksi kembali.",
  "offline.commentNotSent":
    "Komentar Anda belum terkirim karena Anda sedang offline. Teksnya tetap di kotak komentar; kirim lagi saat koneksi kembali.",
} as const;
