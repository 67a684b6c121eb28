/**
 * Demo campaigns and ideas of the pilot agencies, in Bahasa Indonesia, in every workflow status.
 * People are named by NIP (see organisation-data.ts); times are days before the first seed run.
 */
export type SeedStatus =
  | "draft"
  | "submitted"
  | "in_review"
  | "shortlisted"
  | "approved"
  | "implemented"
  | "rejected"
  | "withdrawn"
  | "merged";

export type SeedIdea = {
  title: string;
  campaign: "kotak" | "kipp" | "digital";
  author: string;
  status: SeedStatus;
  /** days ago it was created; later steps follow a few days apart */
  daysAgo: number;
  category: string;
  targetService: string;
  problem: string;
  solution: string;
  benefit: string;
  reason?: string;
  mergedInto?: string;
  /** title of an implemented idea of another agency it replicates */
  replicates?: string;
};

export const CATEGORIES = [
  "Pelayanan Publik",
  "Digitalisasi",
  "Kesehatan",
  "Kependudukan",
  "Perizinan",
  "Efisiensi Kerja",
];

/** Per agency: KIPP 2026 is in review; Inovasi Digital 2027 takes submissions and votes now. */
export const CAMPAIGNS = {
  kipp: {
    title: "Kompetisi Inovasi Pelayanan Publik 2026",
    description:
      "Kompetisi inovasi tingkat kota mengikuti kriteria KIPP KemenPAN-RB: kebaruan, efektivitas, kemanfaatan, dapat direplikasi dan keberlanjutan. Ide terbaik diusulkan ke tingkat provinsi.",
    // days relative to the first seed run: submission, voting, review, announcement
    dates: {
      submissionStart: -75,
      submissionEnd: -40,
      votingStart: -50,
      votingEnd: -20,
      reviewStart: -20,
      reviewEnd: 10,
      announcementAt: 20,
    },
    voteBudget: 5,
    blindReview: true,
  },
  digital: {
    title: "Gerakan Inovasi Digital Pelayanan 2027",
    description:
      "Ajukan ide digitalisasi layanan yang paling dirasakan warga: antrean, perizinan, data kependudukan, kesehatan. Dukung ide rekan Anda selama masa pemungutan suara.",
    dates: {
      submissionStart: -10,
      submissionEnd: 25,
      votingStart: -5,
      votingEnd: 40,
      reviewStart: 40,
      reviewEnd: 60,
      announcementAt: 70,
    },
    voteBudget: 5,
    blindReview: false,
  },
} as const;

export const IDEAS: Record<string, SeedIdea[]> = {
  binjai: [
    {
      title: "Antrean daring perekaman KTP elektronik",
      campaign: "kipp",
      author: "199104172015032001",
      status: "implemented",
      daysAgo: 70,
      category: "Kependudukan",
      targetService: "Perekaman KTP elektronik di Disdukcapil",
      problem:
        "Warga mengantre sejak subuh di kantor Disdukcapil untuk perekaman KTP elektronik. Kuota harian habis sebelum pukul sembilan dan banyak yang pulang tanpa dilayani, termasuk lansia dan warga dari kelurahan jauh.",
      solution:
        "Sistem antrean daring lewat WhatsApp dan situs web: warga memilih jam layanan, menerima nomor antrean dan pengingat sehari sebelumnya. Petugas melihat daftar hadir per jam sehingga alat perekaman dipakai merata sepanjang hari.",
      benefit:
        "Waktu tunggu turun dari rata-rata 4 jam menjadi 20 menit; warga tidak perlu cuti kerja; pemakaian alat perekaman naik 30 persen.",
    },
    {
      title: "Tanda tangan elektronik untuk izin usaha mikro",
      campaign: "kipp",
      author: "199002282014021003",
      status: "shortlisted",
      daysAgo: 68,
      category: "Perizinan",
      targetService: "Perizinan berusaha UMKM di DPMPTSP",
      problem:
        "Izin usaha mikro yang sudah disetujui masih harus menunggu tanda tangan basah kepala dinas. Saat pimpinan dinas luar, berkas menumpuk hingga seminggu dan pelaku usaha bolak-balik ke kantor.",
      solution:
        "Menerapkan tanda tangan elektronik tersertifikasi BSrE pada surat izin, dengan alur persetujuan berjenjang di aplikasi dan kode QR untuk verifikasi keaslian oleh bank atau mitra.",
      benefit:
        "Izin terbit di hari yang sama; pelaku usaha tidak perlu datang lagi; dokumen dapat diverifikasi kapan saja.",
    },
    {
      title: "Posyandu digital pemantauan gizi balita",
      campaign: "kipp",
      author: "198806112011012002",
      status: "in_review",
      daysAgo: 66,
      category: "Kesehatan",
      targetService: "Pemantauan tumbuh kembang balita di Posyandu",
      problem:
        "Kader posyandu mencatat berat dan tinggi badan balita di buku tulis. Data terlambat sampai ke puskesmas sehingga balita berisiko stunting baru terdeteksi berbulan-bulan kemudian.",
      solution:
        "Aplikasi sederhana di ponsel kader untuk mencatat penimbangan, langsung menghitung status gizi dan mengirim peringatan ke bidan desa bila grafik pertumbuhan menurun dua bulan berturut-turut.",
      benefit:
        "Deteksi dini balita berisiko stunting; laporan bulanan puskesmas tersusun otomatis; kader tidak perlu menyalin ulang data.",
    },
    {
      title: "Layanan konsultasi kepegawaian lewat chatbot",
      campaign: "kipp",
      author: "199312052019031004",
      status: "rejected",
      daysAgo: 64,
      category: "Efisiensi Kerja",
      targetService: "Konsultasi kenaikan pangkat dan cuti di BKPSDM",
      problem:
        "Pertanyaan yang sama tentang syarat kenaikan pangkat dan cuti dijawab berulang kali oleh staf BKPSDM melalui telepon dan WhatsApp pribadi.",
      solution:
        "Chatbot yang menjawab pertanyaan umum dari basis pengetahuan peraturan kepegawaian dan meneruskan pertanyaan khusus ke petugas.",
      benefit: "Staf BKPSDM fokus pada berkas; ASN mendapat jawaban kapan saja.",
      reason:
        "Belum ada data jumlah pertanyaan dan waktu jawab sebelum inovasi, dan sudah ada layanan serupa dari BKN. Silakan ajukan kembali dengan data dasar.",
    },
    {
      title: "Antrean online Disdukcapil lewat WhatsApp",
      campaign: "kipp",
      author: "198203152006041002",
      status: "merged",
      daysAgo: 63,
      category: "Kependudukan",
      targetService: "Layanan Disdukcapil",
      problem:
        "Antrean panjang di Disdukcapil setiap pagi membuat warga menunggu berjam-jam untuk layanan KTP dan KK yang sebenarnya singkat.",
      solution:
        "Pendaftaran antrean melalui WhatsApp resmi dengan pilihan jam kedatangan dan notifikasi saat giliran hampir tiba.",
      benefit: "Warga datang tepat waktu dan ruang tunggu tidak padat.",
      mergedInto: "Antrean daring perekaman KTP elektronik",
      reason: "Gagasan yang sama dengan ide antrean daring perekaman KTP elektronik; dukungan digabungkan.",
    },
    {
      title: "Peta digital lokasi lampu jalan padam",
      campaign: "digital",
      author: "199312052019031004",
      status: "submitted",
      daysAgo: 8,
      category: "Pelayanan Publik",
      targetService: "Pemeliharaan penerangan jalan umum",
      problem:
        "Laporan lampu jalan padam datang lewat telepon tanpa lokasi yang jelas sehingga petugas sering salah titik dan perbaikan memakan waktu lebih dari seminggu.",
      solution:
        "Formulir laporan di ponsel dengan foto dan titik lokasi otomatis, ditampilkan di peta untuk tim pemeliharaan beserta status perbaikannya.",
      benefit: "Perbaikan lebih cepat dan warga bisa memantau status laporannya.",
    },
    {
      title: "Surat keterangan domisili tanpa tatap muka",
      campaign: "digital",
      author: "199104172015032001",
      status: "submitted",
      daysAgo: 6,
      category: "Kependudukan",
      targetService: "Surat keterangan domisili di kelurahan",
      problem:
        "Warga harus datang ke kelurahan dua kali hanya untuk surat keterangan domisili: sekali mengajukan dan sekali mengambil surat yang sudah ditandatangani.",
      solution:
        "Pengajuan dari ponsel dengan data NIK yang diverifikasi ke Disdukcapil, surat terbit dengan tanda tangan elektronik dan dikirim sebagai PDF.",
      benefit: "Warga cukup satu kali mengisi formulir dari rumah; petugas kelurahan menghemat waktu pelayanan.",
    },
    {
      title: "Pengingat jadwal imunisasi lewat SMS",
      campaign: "kotak",
      author: "198806112011012002",
      status: "withdrawn",
      daysAgo: 30,
      category: "Kesehatan",
      targetService: "Imunisasi dasar di puskesmas",
      problem:
        "Banyak orang tua lupa jadwal imunisasi lanjutan sehingga cakupan imunisasi dasar lengkap di Binjai Timur di bawah target.",
      solution:
        "Pengingat otomatis melalui SMS tiga hari sebelum jadwal imunisasi berdasarkan data register kohort bayi.",
      benefit: "Cakupan imunisasi dasar lengkap naik dan kader tidak perlu menghubungi satu per satu.",
      reason: "Sudah tercakup dalam aplikasi posyandu digital yang sedang dinilai; saya bergabung ke tim tersebut.",
    },
    {
      title: "Ruang laktasi dan bermain anak di mal pelayanan publik",
      campaign: "kotak",
      author: "199002282014021003",
      status: "draft",
      daysAgo: 2,
      category: "Pelayanan Publik",
      targetService: "Mal Pelayanan Publik Kota Binjai",
      problem: "Ibu yang membawa bayi ke mal pelayanan publik tidak punya tempat menyusui yang layak.",
      solution: "",
      benefit: "",
    },
  ],
  andir: [
    {
      title: "Layanan adminduk keliling ke RW",
      campaign: "kipp",
      author: "199208142017032002",
      status: "approved",
      daysAgo: 69,
      category: "Kependudukan",
      targetService: "Pembuatan KK, akta kelahiran dan pindah datang",
      problem:
        "Warga lansia dan penyandang disabilitas di Andir kesulitan datang ke kantor kecamatan untuk mengurus dokumen kependudukan.",
      solution:
        "Petugas kecamatan dan kelurahan datang terjadwal ke balai RW dengan perangkat perekaman keliling, bekerja sama dengan Disdukcapil Kota Bandung.",
      benefit:
        "Dokumen kependudukan kelompok rentan tuntas tanpa warga harus bepergian; jadwal diumumkan melalui grup RW.",
    },
    {
      title: "Papan informasi layanan kelurahan berbasis QR",
      campaign: "kipp",
      author: "199405272019031003",
      status: "in_review",
      daysAgo: 65,
      category: "Pelayanan Publik",
      targetService: "Informasi persyaratan layanan kelurahan",
      problem:
        "Warga sering bolak-balik karena persyaratan layanan di kelurahan tidak jelas dan papan informasi jarang diperbarui.",
      solution:
        "Kode QR di setiap loket yang membuka daftar persyaratan terbaru, contoh formulir dan perkiraan waktu layanan.",
      benefit: "Warga datang dengan berkas lengkap; petugas tidak perlu menjelaskan berulang kali.",
    },
    {
      title: "Bank sampah digital tingkat RW",
      campaign: "digital",
      author: "198912302015022001",
      status: "submitted",
      daysAgo: 7,
      category: "Digitalisasi",
      targetService: "Pengelolaan sampah rumah tangga",
      problem:
        "Pencatatan tabungan bank sampah masih manual sehingga nasabah tidak tahu saldo dan pengurus kewalahan saat rekap bulanan.",
      solution:
        "Aplikasi pencatatan setoran sampah dengan saldo yang bisa dilihat nasabah dan rekap otomatis untuk pengurus.",
      benefit: "Partisipasi warga memilah sampah meningkat dan pengurus menghemat waktu rekap.",
    },
  ],
  lhokseumawe: [
    {
      title: "Sertifikat elektronik untuk surat dinas antar OPD",
      campaign: "kipp",
      author: "199506162020122001",
      status: "shortlisted",
      daysAgo: 67,
      category: "Digitalisasi",
      targetService: "Persuratan dinas antar perangkat daerah",
      problem: "Surat dinas antar OPD masih dicetak dan diantar kurir, sering tercecer dan sulit dilacak.",
      solution:
        "Naskah dinas elektronik dengan sertifikat elektronik dari Balai Sertifikasi Elektronik dan penomoran otomatis.",
      benefit: "Surat sampai dalam hitungan menit, hemat kertas, dan arsip tersimpan rapi.",
    },
    {
      title: "Verifikasi berkas kependudukan tanpa fotokopi",
      campaign: "kipp",
      author: "199109192015031002",
      status: "rejected",
      daysAgo: 66,
      category: "Kependudukan",
      targetService: "Layanan Disdukcapil",
      problem:
        "Warga diminta membawa fotokopi KK dan KTP untuk setiap layanan meskipun datanya sudah ada di basis data kependudukan.",
      solution: "Petugas memverifikasi langsung ke basis data dengan NIK tanpa meminta fotokopi.",
      benefit: "Warga tidak perlu fotokopi dan berkas kertas berkurang.",
      reason:
        "Sudah menjadi kebijakan nasional Dukcapil; usulan tidak memenuhi unsur kebaruan. Terima kasih atas partisipasinya.",
    },
    {
      title: "Sistem peringatan dini demam berdarah berbasis laporan kader",
      campaign: "digital",
      author: "198702212011012004",
      status: "submitted",
      daysAgo: 5,
      category: "Kesehatan",
      targetService: "Pengendalian demam berdarah dengue",
      problem:
        "Kasus DBD baru diketahui setelah pasien dirawat, terlambat untuk fogging fokus dan pemberantasan sarang nyamuk.",
      solution:
        "Kader jumantik melaporkan angka bebas jentik dan kasus demam melalui ponsel; dasbor menandai gampong dengan risiko tinggi.",
      benefit: "Tindakan pencegahan lebih cepat dan terarah.",
    },
  ],
  pangkalpinang: [
    {
      title: "Antrean daring layanan kependudukan Pangkalpinang",
      campaign: "kipp",
      author: "199207242016032003",
      status: "implemented",
      daysAgo: 71,
      category: "Kependudukan",
      targetService: "Layanan Disdukcapil Kota Pangkalpinang",
      problem: "Antrean menumpuk di kantor Disdukcapil setiap Senin dan warga dari pulau seberang harus menginap.",
      solution:
        "Mereplikasi antrean daring Kota Binjai: pemesanan jam layanan dari ponsel, pengingat dan kuota per jam, disesuaikan dengan jadwal kapal.",
      benefit: "Waktu tunggu turun drastis dan warga pulau bisa merencanakan perjalanan.",
      replicates: "Antrean daring perekaman KTP elektronik",
    },
    {
      title: "Dasbor stok obat puskesmas",
      campaign: "kipp",
      author: "198901152014021001",
      status: "in_review",
      daysAgo: 64,
      category: "Kesehatan",
      targetService: "Pengelolaan obat di puskesmas",
      problem:
        "Puskesmas sering kehabisan obat esensial karena permintaan ke instalasi farmasi baru dikirim setelah stok habis.",
      solution:
        "Dasbor stok obat dari laporan harian puskesmas dengan peringatan saat stok di bawah kebutuhan dua minggu.",
      benefit: "Kekosongan obat berkurang dan distribusi lebih merata.",
    },
    {
      title: "Perizinan reklame daring dengan peta titik",
      campaign: "digital",
      author: "198901152014021001",
      status: "submitted",
      daysAgo: 4,
      category: "Perizinan",
      targetService: "Izin penyelenggaraan reklame",
      problem:
        "Pemohon izin reklame tidak tahu titik mana yang boleh dipasang sehingga permohonan sering ditolak setelah survei.",
      solution: "Peta titik reklame yang tersedia dan pengajuan izin daring langsung dari titik yang dipilih.",
      benefit: "Penolakan berkurang dan pendapatan daerah dari reklame meningkat.",
    },
  ],
};
