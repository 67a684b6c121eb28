/**
 * Bahasa Indonesia for the public certificate verification page (`/verifikasi`) and the problem
 * codes of awards. Spread into `id.ts`; `verify.en.ts` must have the same keys.
 */
export const verifyId = {
  "verify.title": "Verifikasi Piagam dan Rekam Jejak",
  "verify.lead":
    "Periksa keaslian piagam penghargaan atau rekam jejak inovasi yang diterbitkan melalui Gagas. Kode verifikasi tercetak di samping kode QR; memindai kode QR membuka halaman ini.",
  "verify.code": "Kode verifikasi",
  "verify.codeHint":
    "Contoh: GGS-7K3M-Q9TX-4HNP-2WRZ-8CVD-5FJB-6YAE (piagam) atau GGR-… (rekam jejak). Huruf besar atau kecil, dengan atau tanpa tanda hubung.",
  "verify.codeRequired": "Isi kode verifikasi yang tercetak pada piagam.",
  "verify.submit": "Periksa piagam",
  "verify.another": "Periksa kode lain",
  "verify.checking": "Memeriksa piagam…",
  "verify.validTitle": "Piagam ini asli",
  "verify.validLead": "Piagam dengan kode {code} tercatat di Gagas.",
  "verify.recipient": "Diberikan kepada",
  "verify.award": "Penghargaan",
  "verify.period": "Periode",
  "verify.announced": "Ditetapkan",
  "verify.agency": "Instansi",
  "verify.invalidTitle": "Piagam tidak ditemukan",
  "verify.invalidText":
    "Tidak ada piagam dengan kode {code}. Periksa kembali setiap karakter kode. Jika kode sudah benar, piagam tersebut tidak diterbitkan melalui Gagas.",
  "verify.privacy":
    "Demi pelindungan data pribadi, verifikasi hanya menampilkan nama penerima, penghargaan dan instansinya.",

  "code.award.already_announced":
    "Instansi Anda sudah mengumumkan penghargaan dengan judul ini untuk periode yang sama.",
  "code.award.recipient_unknown": "Penerima harus ASN di instansi Anda.",
  "code.award.recipient_inactive": "Akun penerima ini sudah dinonaktifkan.",
  "code.award.unit_unknown": "Pilih unit kerja aktif di instansi Anda.",
  "code.award.idea_unknown": "Pilih ide instansi Anda yang sudah diajukan.",
  "code.award.self_award": "Pimpinan tidak dapat memberi penghargaan kepada dirinya sendiri.",
  "code.award.no_recipient": "Pilih setidaknya satu penerima: ASN, tim sebuah ide, atau unit kerja.",
  "code.award.too_many_recipients": "Satu penghargaan paling banyak untuk 50 orang.",
} as const;
