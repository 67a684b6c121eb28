import { offlineId } from "./offline.id.ts";

/**
 * Bahasa Indonesia of the frame every page sits in (header, menu, footer, offline notices, loading
 * and problem lines, the problem codes any call can answer with). It ships with the first download;
 * the pages' own strings (`pages.id.ts`) arrive with the first page. Keys used by the frame must
 * live here: test/e2e/i18n-shell.test.ts checks it.
 */
export const shellId = {
  "app.name": "Gagas",
  "app.tagline": "Platform ide inovasi ASN",

  "a11y.skipToContent": "Langsung ke konten utama",
  "a11y.mainNav": "Navigasi utama",
  "a11y.language": "Bahasa",
  "a11y.home": "Gagas — beranda",

  "nav.home": "Beranda",
  "nav.about": "Tentang",
  "agencySettings.emblemAlt": "Lambang {name}",
  "nav.menu": "Menu",
  "notifications.bell": "Notifikasi",
  "notifications.unreadSuffix": "belum dibaca",
  "notifications.announceNew": "{count} notifikasi baru, {total} belum dibaca.",
  "notifications.announceOne": "1 notifikasi baru, {total} belum dibaca.",

  "nav.signIn": "Masuk",
  "account.profileLink": "Profil {name}",
  "account.signOut": "Keluar",
  "account.signingOut": "Sedang keluar…",
  "account.signOutEverywhere": "Keluar dari semua perangkat",

  "form.errorSummary": "Ada yang perlu diperbaiki",
  "form.errorPrefix": "Galat:",
  "form.invalidField": "Isian ini belum benar.",
  "form.showPassword": "Tampilkan kata sandi",

  "signIn.title": "Masuk ke Gagas",
  "signIn.lead": "Gunakan NIP atau email dinas dan kata sandi Anda.",
  "signIn.identifier": "NIP atau email",
  "signIn.identifierHint": "NIP 18 digit atau alamat email dinas Anda.",
  "signIn.password": "Kata sandi",
  "signIn.submit": "Masuk",
  "signIn.submitting": "Sedang masuk…",
  "signIn.help": "Belum punya akun? Hubungi admin kepegawaian di instansi Anda.",
  "signIn.identifierRequired": "Isi NIP atau email Anda.",
  "signIn.passwordRequired": "Isi kata sandi Anda.",
  "signIn.invalidCredentials": "NIP/email atau kata sandi salah. Periksa kembali, lalu coba lagi.",
  "signIn.throttled": "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit.",
  "signIn.throttledMinute": "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 1 menit.",
  "signIn.signedOut": "Anda telah keluar. Sampai jumpa lagi!",
  "signIn.signedOutEverywhere": "Anda telah keluar dari semua perangkat.",

  "profile.title": "Profil saya",
  "profile.details": "Data diri",
  "profile.nip": "NIP",
  "profile.email": "Email",
  "profile.position": "Jabatan",
  "profile.unit": "Unit kerja",
  "profile.agency": "Instansi",
  "profile.roles": "Peran",
  "profile.createdAt": "Akun dibuat",
  "profile.lastLogin": "Terakhir masuk",
  "profile.neverSignedIn": "Belum pernah",
  "profile.datesLoading": "Memuat…",
  "profile.datesFailed": "Tidak dapat dimuat. Muat ulang halaman untuk mencoba lagi.",
  "profile.detailsNote": "Data ini dikelola oleh admin instansi Anda. Hubungi mereka bila ada yang keliru.",
  "profile.sessionsTitle": "Keluar dari Gagas",
  "profile.sessionsText":
    "Keluar dari semua perangkat mengakhiri sesi Anda di ponsel dan komputer lain, misalnya bila perangkat Anda hilang.",

  "role.asn": "ASN",
  "role.reviewer": "Penilai",
  "role.leader": "Pimpinan",
  "role.admin": "Admin instansi",
  "role.superadmin": "Admin platform",
  "role.guest": "Penilai eksternal",

  "password.title": "Ganti kata sandi",
  "password.mustChangeTitle": "Buat kata sandi baru",
  "password.mustChangeLead":
    "Kata sandi Anda diatur ulang oleh admin. Buat kata sandi baru yang hanya Anda ketahui sebelum melanjutkan.",
  "password.current": "Kata sandi saat ini",
  "password.new": "Kata sandi baru",
  "password.newHint": "8–128 karakter. Frasa beberapa kata mudah diingat dan sulit ditebak.",
  "password.confirm": "Ulangi kata sandi baru",
  "password.submit": "Simpan kata sandi",
  "password.saving": "Menyimpan…",
  "password.changed": "Kata sandi berhasil diganti. Sesi Anda di perangkat lain telah diakhiri.",
  "password.currentRequired": "Isi kata sandi Anda saat ini.",
  "password.incorrect": "Kata sandi saat ini salah.",
  "password.tooShort": "Kata sandi baru minimal 8 karakter.",
  "password.tooLong": "Kata sandi baru maksimal 128 karakter.",
  "password.tooCommon": "Kata sandi ini terlalu umum atau mudah ditebak. Pilih yang lain.",
  "password.confirmRequired": "Ulangi kata sandi baru Anda.",
  "password.mismatch": "Kedua kata sandi baru tidak sama.",

  "language.id": "ID",
  "language.idName": "Bahasa Indonesia",
  "language.en": "EN",
  "language.enName": "English",

  "footer.tagline": "Gagas — platform ide inovasi ASN",
  "footer.apiDocs": "Dokumentasi API",
  "footer.version": "Versi {version}",

  "loading.label": "Memuat…",
  "action.retry": "Coba lagi",
  "action.reload": "Muat ulang halaman",

  "home.title": "Ide Anda, layanan yang lebih baik",
  "home.lead":
    "Gagas adalah tempat ASN mengajukan ide inovasi, mendiskusikannya bersama rekan, dan mendapat apresiasi atas ide yang berdampak bagi layanan publik.",
  "home.stepsTitle": "Cara kerjanya",
  "home.step1.title": "Ajukan ide",
  "home.step1.text": "Tuliskan masalah yang Anda temui dan gagasan untuk memperbaikinya.",
  "home.step2.title": "Dukung & diskusikan",
  "home.step2.text": "Rekan ASN memberi dukungan dan masukan agar ide makin matang.",
  "home.step3.title": "Dinilai & diapresiasi",
  "home.step3.text": "Penilai mengkaji ide terbaik, dan pengusulnya mendapat penghargaan.",
  "home.statusTitle": "Status layanan",

  "status.loading": "Memeriksa layanan…",
  "status.ok": "Layanan berjalan normal.",
  "status.degraded": "Layanan sedang terganggu; sebagian fitur mungkin belum bisa dipakai.",

  "about.title": "Tentang Gagas",
  "about.p1":
    "Gagas mendukung Kompetisi Inovasi Pelayanan Publik (KIPP): setiap ASN dapat menyumbang ide, tidak hanya tim inovasi di instansinya.",
  "about.p2":
    "Di era ASN digital, inovasi lahir dari mereka yang melayani masyarakat setiap hari. Gagas membantu ide-ide itu terlihat, dibahas secara terbuka, dan dinilai secara adil.",
  "about.p3": "Gagas tersedia dalam Bahasa Indonesia dan Inggris, dan dirancang agar nyaman dipakai dari ponsel.",

  "notFound.title": "Halaman tidak ditemukan",
  "notFound.text": "Alamat yang Anda buka tidak ada atau sudah dipindahkan.",
  "notFound.back": "Kembali ke beranda",

  "problem.title": "Terjadi kendala",
  "problem.reference": "Kode rujukan: {requestId}",
  "problem.generic": "Permintaan tidak dapat diproses. Silakan coba lagi nanti.",
  // Problem `code`s from the API (and `network.unreachable`, `client.unexpected` made here).
  "code.network.unreachable": "Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.",
  "code.not_found": "Data yang Anda cari tidak ditemukan.",
  "code.forbidden": "Anda tidak memiliki izin untuk melakukan ini.",
  "code.validation_failed": "Beberapa isian belum benar. Periksa kembali lalu kirim ulang.",
  "code.request.malformed_json": "Permintaan tidak dapat dibaca oleh server.",
  "code.request.too_large": "Data yang dikirim terlalu besar.",
  "code.request.unsupported_media_type": "Jenis data yang dikirim tidak didukung.",
  "code.http.method_not_allowed": "Tindakan ini tidak didukung di alamat tersebut.",
  "code.internal": "Terjadi kesalahan di sisi kami. Silakan coba lagi nanti.",
  "code.auth.required": "Silakan masuk terlebih dahulu.",
  "code.auth.invalid_credentials": "NIP/email atau kata sandi salah.",
  "code.auth.throttled": "Terlalu banyak percobaan masuk. Tunggu sebentar lalu coba lagi.",
  "code.auth.password_change_required": "Ganti kata sandi Anda terlebih dahulu sebelum melanjutkan.",
  "code.csrf.cross_origin":
    "Permintaan ditolak karena tidak berasal dari situs ini. Muat ulang halaman lalu coba lagi.",
  "code.client.unexpected": "Halaman ini mengalami galat. Muat ulang untuk mencoba lagi.",
  ...offlineId,
} as const;
