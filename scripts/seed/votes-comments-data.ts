/**
 * Demo support and discussion on the demo ideas (ideas-data.ts), in Bahasa Indonesia. Ideas are
 * named by title, people by NIP (organisation-data.ts). Each person stays within the campaign's
 * vote budget (5) and nobody votes for an idea they (co-)author; KIPP 2026 committee members do
 * not vote in it. Mentions use the handle `@[Name]`, as the API stores them.
 */
export type SeedComment = {
  author: string;
  body: string;
  replies?: SeedComment[];
  /** reported by these people, with their reason */
  reports?: { by: string; reason: string }[];
  /** hidden by the agency admin with this reason */
  hidden?: { by: string; reason: string };
  /** deleted by its author (a tombstone) */
  deleted?: boolean;
};

export type SeedDiscussion = { votes: Record<string, string[]>; comments: Record<string, SeedComment[]> };

export const DISCUSSIONS: Record<string, SeedDiscussion> = {
  binjai: {
    votes: {
      "Antrean daring perekaman KTP elektronik": [
        "198203152006041002",
        "198507222010012003",
        "197011041995031001",
        "199312052019031004",
        "198806112011012002",
        "199002282014021003",
      ],
      "Tanda tangan elektronik untuk izin usaha mikro": [
        "198203152006041002",
        "198507222010012003",
        "199104172015032001",
        "199312052019031004",
      ],
      "Posyandu digital pemantauan gizi balita": [
        "198507222010012003",
        "199104172015032001",
        "197011041995031001",
        "199002282014021003",
      ],
      "Layanan konsultasi kepegawaian lewat chatbot": ["198203152006041002", "198806112011012002"],
      "Peta digital lokasi lampu jalan padam": [
        "198203152006041002",
        "199104172015032001",
        "198806112011012002",
        "197805142003122004",
        "198009302005011005",
      ],
      // not Muhammad Rizki Damanik: his co-author invitation waits, and accepting needs no vote of his here
      "Surat keterangan domisili tanpa tatap muka": [
        "198009302005011005",
        "198806112011012002",
        "198507222010012003",
        "197011041995031001",
      ],
    },
    comments: {
      "Peta digital lokasi lampu jalan padam": [
        {
          author: "199104172015032001",
          body: "Ide bagus. Apakah warga bisa melapor tanpa membuat akun? Banyak warga enggan mendaftar aplikasi baru.",
          replies: [
            {
              author: "199312052019031004",
              body: "Bisa, cukup nomor WhatsApp untuk konfirmasi. Data titik lampu kita ambil dari pemetaan @[Rahmat Hidayat Siregar] di Diskominfo.",
            },
            {
              author: "198203152006041002",
              body: "Siap. Sebagian titik lampu dari Dinas Perhubungan sudah kami petakan, sisanya menyusul bulan ini.",
            },
          ],
        },
        {
          author: "198806112011012002",
          body: "Mohon ditambahkan status perbaikan, supaya pelapor tahu laporannya sudah ditindaklanjuti.",
        },
        {
          author: "199002282014021003",
          body: "Percuma saja, laporan warga tidak pernah ditindaklanjuti. Pegawai dinas itu memang malas semua.",
          reports: [
            { by: "199104172015032001", reason: "Menyudutkan pegawai satu dinas, bukan membahas ide." },
            { by: "198806112011012002", reason: "Tidak sopan." },
          ],
        },
      ],
      "Surat keterangan domisili tanpa tatap muka": [
        {
          author: "198507222010012003",
          body: "Bagaimana verifikasi alamat dilakukan tanpa tatap muka? Perlu koordinasi dengan kelurahan dan RT.",
          replies: [
            {
              author: "199104172015032001",
              body: "Verifikasi lewat data kependudukan dan konfirmasi RT secara daring; @[Andi Pratama Ginting] sedang menyiapkan formulirnya.",
            },
          ],
        },
        {
          author: "197011041995031001",
          body: "Layak diujicobakan di dua kelurahan dulu sebelum diperluas ke seluruh kota.",
        },
      ],
      "Posyandu digital pemantauan gizi balita": [
        {
          author: "199104172015032001",
          body: "Apakah data timbangan bisa langsung masuk ke laporan bulanan puskesmas?",
          replies: [
            {
              author: "198806112011012002",
              body: "Ya, rekap bulanan dibuat otomatis dari data posyandu sehingga kader tidak menulis dua kali.",
            },
          ],
        },
        {
          author: "199002282014021003",
          body: "Jual paket data murah untuk kader posyandu, hubungi nomor di profil saya.",
          reports: [{ by: "198806112011012002", reason: "Iklan, tidak berkaitan dengan ide." }],
          hidden: { by: "198507222010012003", reason: "Iklan; tidak berkaitan dengan ide yang dibahas." },
        },
      ],
      "Antrean daring perekaman KTP elektronik": [
        {
          author: "198806112011012002",
          body: "Sudah saya coba minggu lalu untuk perekaman anak saya, antreannya jauh lebih tertib.",
        },
        {
          author: "199312052019031004",
          body: "Maaf, salah kirim ke ide ini.",
          deleted: true,
        },
      ],
    },
  },
  andir: {
    votes: {
      "Layanan adminduk keliling ke RW": [
        "198601092010012001",
        "197206181998031002",
        "199405272019031003",
        "198912302015022001",
      ],
      "Papan informasi layanan kelurahan berbasis QR": [
        "199208142017032002",
        "198912302015022001",
        "197206181998031002",
      ],
      "Bank sampah digital tingkat RW": [
        "199208142017032002",
        "199405272019031003",
        "198111252006042003",
        "198304082008011004",
        "198601092010012001",
      ],
    },
    comments: {
      "Bank sampah digital tingkat RW": [
        {
          author: "199208142017032002",
          body: "Sangat cocok untuk RW di Ciroyom yang volume sampahnya tinggi.",
          replies: [
            {
              author: "199405272019031003",
              body: "Setuju, kelurahan kami siap jadi percontohan. @[Ai Rohmawati] boleh kami hubungi untuk teknisnya?",
            },
          ],
        },
        {
          author: "198601092010012001",
          body: "Pastikan pencatatan tabungan sampah warga bisa diaudit oleh pengurus RW.",
        },
      ],
    },
  },
  lhokseumawe: {
    votes: {
      "Sertifikat elektronik untuk surat dinas antar OPD": [
        "198410102009041001",
        "196905201994031002",
        "199109192015031002",
        "198702212011012004",
      ],
      "Verifikasi berkas kependudukan tanpa fotokopi": ["199506162020122001", "198702212011012004"],
      "Sistem peringatan dini demam berdarah berbasis laporan kader": [
        "199506162020122001",
        "199109192015031002",
        "198410102009041001",
        "197903032005022001",
      ],
    },
    comments: {
      "Sistem peringatan dini demam berdarah berbasis laporan kader": [
        {
          author: "199506162020122001",
          body: "Laporan kader bisa dikirim lewat formulir sederhana; Diskominfo bisa membantu servernya.",
          replies: [{ author: "198702212011012004", body: "Terima kasih, @[Nurul Aini]. Kita bahas minggu depan." }],
        },
      ],
    },
  },
  pangkalpinang: {
    votes: {
      "Antrean daring layanan kependudukan Pangkalpinang": [
        "198311112008012002",
        "197108081997031003",
        "199611032020121001",
        "198901152014021001",
      ],
      "Dasbor stok obat puskesmas": ["199207242016032003", "199611032020121001", "198311112008012002"],
      "Perizinan reklame daring dengan peta titik": [
        "199611032020121001",
        "199207242016032003",
        "197108081997031003",
        "198408302010012001",
        "198005252006041002",
      ],
    },
    comments: {
      "Perizinan reklame daring dengan peta titik": [
        {
          author: "199611032020121001",
          body: "Peta titik reklame juga membantu penertiban reklame liar.",
          replies: [
            {
              author: "198901152014021001",
              body: "Betul, @[Rizal Firmansyah]. Datanya akan kami bagikan juga ke Satpol PP.",
            },
          ],
        },
      ],
    },
  },
};
