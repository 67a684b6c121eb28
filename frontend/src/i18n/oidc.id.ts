/**
 * Bahasa Indonesia for signing in with the agency's own identity provider (OpenID Connect): the
 * button and the return page of the sign-in, the admin's provider page, and their problem codes.
 * Spread into `id.ts`; `oidc.en.ts` must have the same keys.
 */
export const oidcId = {
  "oidc.signInWith": "Masuk dengan {provider}",
  "oidc.starting": "Membuka {provider}…",
  "oidc.agencyLead": "Masuk ke Gagas {agency}.",
  "oidc.passwordsOff":
    "{agency} memakai {provider} untuk masuk; kata sandi Gagas tidak dipakai lagi. Tekan tombol di bawah, lalu masuk di halaman {provider}.",
  "oidc.or": "atau dengan NIP/email dan kata sandi",
  "oidc.loadingAgency": "Memuat cara masuk instansi…",
  "oidc.otherAgency": "Bukan instansi Anda? Masuk dengan kata sandi",
  "oidc.returnTitle": "Menyelesaikan proses masuk",
  "oidc.finishing": "Memeriksa jawaban penyedia identitas…",
  "oidc.failedTitle": "Belum berhasil masuk",
  "oidc.backToSignIn": "Kembali ke halaman masuk",
  "oidc.noState": "Halaman ini dibuka tanpa jawaban dari penyedia identitas. Mulai dari halaman masuk.",

  "admin.oidc": "Masuk lewat SSO instansi",
  "admin.oidcLead": "Pasang penyedia identitas (OpenID Connect) instansi dan atur apakah kata sandi masih dipakai.",
  "oidcAdmin.title": "Masuk lewat SSO instansi",
  "oidcAdmin.lead":
    "ASN masuk dengan akun penyedia identitas instansi (OpenID Connect). Akun Gagas dicocokkan lewat NIP; akun baru tidak pernah dibuat otomatis.",
  "oidcAdmin.loading": "Memuat pengaturan penyedia identitas…",
  "oidcAdmin.notConfigured": "Belum ada penyedia identitas. Semua orang masuk dengan kata sandi.",
  "oidcAdmin.registerTitle": "Daftarkan Gagas di penyedia identitas",
  "oidcAdmin.redirectUri": "Redirect URI",
  "oidcAdmin.signInUrl": "Halaman masuk instansi",
  "oidcAdmin.signInUrlHint": "Bagikan tautan ini: halaman masuk yang menampilkan tombol penyedia identitas Anda.",
  "oidcAdmin.displayName": "Nama penyedia",
  "oidcAdmin.displayNameHint": "Tertulis pada tombol: “Masuk dengan …”. Contoh: SSO Pemkot Binjai.",
  "oidcAdmin.issuer": "Issuer",
  "oidcAdmin.issuerHint":
    "Alamat https penyedia; Gagas membaca /.well-known/openid-configuration darinya setiap kali orang masuk.",
  "oidcAdmin.clientId": "Client ID",
  "oidcAdmin.clientSecret": "Client secret",
  "oidcAdmin.clientSecretHint": "Disimpan terenkripsi dan tidak pernah ditampilkan lagi.",
  "oidcAdmin.clientSecretKept": "Sudah tersimpan. Kosongkan agar tetap; isi untuk menggantinya.",
  "oidcAdmin.removeSecret": "Hapus client secret (klien publik, hanya PKCE)",
  "oidcAdmin.noSecretKey":
    "Server Gagas belum punya kunci OIDC_SECRET_KEY, jadi client secret belum dapat disimpan. Minta operator memasangnya.",
  "oidcAdmin.scope": "Scope",
  "oidcAdmin.scopeHint": "Dipisah spasi, harus memuat openid.",
  "oidcAdmin.nipClaim": "Klaim NIP",
  "oidcAdmin.nipClaimHint": "Nama klaim pada ID token (atau UserInfo) yang berisi NIP 18 digit, misalnya nip.",
  "oidcAdmin.passwordSignIn": "Izinkan juga masuk dengan kata sandi Gagas",
  "oidcAdmin.passwordSignInHint":
    "Matikan bila semua ASN instansi sudah punya akun di penyedia identitas: masuk dengan kata sandi lalu ditolak, dan halaman masuk instansi hanya menampilkan tombol penyedia.",
  "oidcAdmin.save": "Simpan penyedia identitas",
  "oidcAdmin.saving": "Memeriksa dan menyimpan…",
  "oidcAdmin.saved": "Tersimpan. Penyedia identitas menjawab dengan benar.",

  "field.oidc.issuer_invalid": "Tulis alamat lengkap, misalnya https://sso.instansi.go.id.",
  "field.oidc.issuer_not_https": "Issuer harus memakai https.",
  "field.oidc.discovery_failed":
    "Penyedia identitas di alamat ini tidak menjawab /.well-known/openid-configuration dengan benar.",
  "field.oidc.scope_invalid": "Tulis scope dipisah spasi, dengan openid di antaranya.",
  "field.oidc.secret_key_missing": "Server belum punya kunci OIDC_SECRET_KEY untuk mengenkripsi client secret.",

  "code.auth.password_sign_in_disabled":
    "Instansi Anda tidak lagi memakai kata sandi untuk masuk. Gunakan tombol “Masuk dengan …” penyedia identitas instansi Anda.",
  "code.oidc.state_unknown":
    "Proses masuk ini tidak dikenal di peramban ini, sudah kedaluwarsa, atau sudah dipakai. Mulai lagi dari halaman masuk.",
  "code.oidc.signature_invalid":
    "Tanda tangan token dari penyedia identitas tidak sah, jadi Anda tidak dimasukkan. Laporkan ke admin instansi.",
  "code.oidc.audience_mismatch":
    "Token dari penyedia identitas ditujukan untuk aplikasi lain, jadi Anda tidak dimasukkan. Laporkan ke admin instansi.",
  "code.oidc.id_token_invalid":
    "Jawaban penyedia identitas tidak lolos pemeriksaan, jadi Anda tidak dimasukkan. Coba lagi; bila terulang, laporkan ke admin instansi.",
  "code.oidc.nip_claim_missing":
    "Penyedia identitas tidak mengirimkan NIP Anda, jadi akun Gagas Anda tidak dapat dikenali. Hubungi admin instansi.",
  "code.oidc.no_matching_account":
    "Tidak ada akun Gagas aktif dengan NIP Anda di instansi ini. Akun tidak dibuat otomatis: minta admin kepegawaian membuatnya.",
  "code.oidc.provider_denied": "Penyedia identitas tidak memasukkan Anda (dibatalkan atau ditolak).",
  "code.oidc.provider_error":
    "Penyedia identitas instansi tidak dapat dihubungi atau menjawab dengan salah. Coba lagi nanti.",
  "code.oidc.code_rejected":
    "Penyedia identitas menolak kode masuk (mungkin sudah dipakai). Mulai lagi dari halaman masuk.",
  "code.oidc.callback_invalid": "Jawaban penyedia identitas tidak lengkap. Mulai lagi dari halaman masuk.",
  "code.oidc.not_configured": "Instansi ini belum memasang penyedia identitas.",
  "code.oidc.secret_unreadable":
    "Client secret penyedia identitas tidak dapat dibuka di server ini. Admin instansi perlu memasukkannya lagi.",
} as const;
