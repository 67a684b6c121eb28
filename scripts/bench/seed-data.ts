/**
 * The words the synthetic agency of the bench is made of: units (OPD), names, and the pieces
 * idea texts are assembled from. Indonesian, like the real data; no `;` anywhere (the seed file is
 * split on it).
 */

/** 48 units: the big OPD first (they get the most ASN), UPT under their dinas. */
export const BENCH_UNITS: { code: string; name: string; parent?: string }[] = [
  { code: "DISDIK", name: "Dinas Pendidikan" },
  { code: "DINKES", name: "Dinas Kesehatan" },
  { code: "RSUD", name: "Rumah Sakit Umum Daerah" },
  { code: "SETDA", name: "Sekretariat Daerah" },
  { code: "DISHUB", name: "Dinas Perhubungan" },
  { code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang" },
  { code: "DLH", name: "Dinas Lingkungan Hidup" },
  { code: "DUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil" },
  { code: "DPMPTSP", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu" },
  { code: "DINSOS", name: "Dinas Sosial" },
  { code: "KOMINFO", name: "Dinas Komunikasi dan Informatika" },
  { code: "BAPPEDA", name: "Badan Perencanaan Pembangunan Daerah" },
  { code: "BKPSDM", name: "Badan Kepegawaian dan Pengembangan SDM" },
  { code: "BPKAD", name: "Badan Pengelolaan Keuangan dan Aset Daerah" },
  { code: "BAPENDA", name: "Badan Pendapatan Daerah" },
  { code: "INSPEKTORAT", name: "Inspektorat" },
  { code: "SATPOLPP", name: "Satuan Polisi Pamong Praja" },
  { code: "BPBD", name: "Badan Penanggulangan Bencana Daerah" },
  { code: "DISNAKER", name: "Dinas Tenaga Kerja" },
  { code: "DISPERINDAG", name: "Dinas Perindustrian dan Perdagangan" },
  { code: "DKPP", name: "Dinas Ketahanan Pangan dan Pertanian" },
  { code: "DISPORA", name: "Dinas Kepemudaan dan Olahraga" },
  { code: "DISPARBUD", name: "Dinas Pariwisata dan Kebudayaan" },
  { code: "DISPUSIP", name: "Dinas Perpustakaan dan Kearsipan" },
  { code: "DP3A", name: "Dinas Pemberdayaan Perempuan dan Perlindungan Anak" },
  { code: "DPPKB", name: "Dinas Pengendalian Penduduk dan Keluarga Berencana" },
  { code: "DISKOPUKM", name: "Dinas Koperasi dan UKM" },
  { code: "DPRKP", name: "Dinas Perumahan dan Kawasan Permukiman" },
  { code: "KESBANGPOL", name: "Badan Kesatuan Bangsa dan Politik" },
  { code: "SETWAN", name: "Sekretariat DPRD" },
  { code: "KEC-UTARA", name: "Kecamatan Kota Utara" },
  { code: "KEC-SELATAN", name: "Kecamatan Kota Selatan" },
  { code: "KEC-TIMUR", name: "Kecamatan Kota Timur" },
  { code: "KEC-BARAT", name: "Kecamatan Kota Barat" },
  { code: "KEC-TENGAH", name: "Kecamatan Kota Tengah" },
  { code: "PKM-01", name: "UPT Puskesmas Kota Utara", parent: "DINKES" },
  { code: "PKM-02", name: "UPT Puskesmas Kota Selatan", parent: "DINKES" },
  { code: "PKM-03", name: "UPT Puskesmas Kota Timur", parent: "DINKES" },
  { code: "PKM-04", name: "UPT Puskesmas Kota Barat", parent: "DINKES" },
  { code: "PKM-05", name: "UPT Puskesmas Kota Tengah", parent: "DINKES" },
  { code: "SMPN-01", name: "UPT SMP Negeri 1", parent: "DISDIK" },
  { code: "SMPN-02", name: "UPT SMP Negeri 2", parent: "DISDIK" },
  { code: "SMPN-03", name: "UPT SMP Negeri 3", parent: "DISDIK" },
  { code: "SDN-01", name: "UPT SD Negeri 1", parent: "DISDIK" },
  { code: "SDN-02", name: "UPT SD Negeri 2", parent: "DISDIK" },
  { code: "UPT-PARKIR", name: "UPT Perparkiran", parent: "DISHUB" },
  { code: "UPT-SAMPAH", name: "UPT Pengelolaan Sampah", parent: "DLH" },
  { code: "UPT-SAMSAT", name: "UPT Pelayanan Pajak Daerah", parent: "BAPENDA" },
];

export const FIRST_NAMES = [
  "Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gilang", "Hendra", "Indah", "Joko", "Kartika", "Lestari",
  "Made", "Nurul", "Oktaviani", "Putri", "Rahmat", "Siti", "Teguh", "Umi", "Vina", "Wahyu", "Yusuf", "Zainal",
  "Andi", "Bayu", "Dian", "Fajar", "Hasanah", "Irwan", "Lukman", "Maya", "Nanda", "Rina", "Sri", "Taufik",
];

export const LAST_NAMES = [
  "Siregar", "Nasution", "Lubis", "Harahap", "Saragih", "Pratama", "Wibowo", "Santoso", "Hidayat", "Kurniawan",
  "Setiawan", "Rahayu", "Susanti", "Wijaya", "Putra", "Hasibuan", "Simanjuntak", "Purba", "Ginting", "Tarigan",
  "Sembiring", "Damanik", "Rangkuti", "Daulay", "Batubara", "Pohan", "Ritonga", "Tanjung", "Sinaga", "Panjaitan",
];

export const POSITIONS = [
  "Pranata Komputer Ahli Pertama", "Analis Kebijakan Ahli Muda", "Perawat Ahli Pertama", "Guru Ahli Pertama",
  "Bidan Terampil", "Pengelola Layanan Operasional", "Penata Kelola Sistem dan Teknologi Informasi",
  "Analis Sumber Daya Manusia Aparatur", "Arsiparis Ahli Pertama", "Pengadministrasi Perkantoran",
];

export const CATEGORIES = ["Pelayanan Publik", "Digitalisasi", "Efisiensi Kerja", "Lainnya"];

export const IDEA_ACTIONS = [
  "Digitalisasi", "Penyederhanaan", "Percepatan", "Integrasi", "Otomasi", "Transparansi", "Pemantauan",
  "Jemput Bola", "Standarisasi", "Penjadwalan Daring", "Pelacakan", "Dasbor",
];

export const IDEA_OBJECTS = [
  "antrean pasien", "perizinan usaha", "arsip kepegawaian", "pengaduan warga", "data kependudukan",
  "jadwal posyandu", "pembayaran retribusi", "absensi pegawai", "rekam medis", "bantuan sosial",
  "surat keterangan", "pelaporan keuangan", "pemeliharaan jalan", "pengangkutan sampah", "stok obat",
  "parkir tepi jalan", "pajak daerah", "izin mendirikan bangunan", "layanan akta kelahiran", "beasiswa siswa",
];

export const IDEA_PLACES = [
  "di Puskesmas", "di kecamatan", "di kelurahan", "lewat WhatsApp", "dengan kode QR", "melalui aplikasi",
  "di sekolah", "di RSUD", "di Mal Pelayanan Publik", "untuk warga lansia", "tanpa kertas", "dalam satu hari",
];

export const PROBLEMS = [
  "warga harus datang berkali-kali dan menunggu berjam-jam",
  "data dicatat manual di buku dan sering hilang",
  "petugas tidak tahu status berkas tanpa menelepon bagian lain",
  "laporan bulanan disusun ulang dari nol setiap kali",
  "warga tidak mendapat kabar apakah permohonannya diproses",
  "biaya cetak dan kirim berkas terus naik",
];

export const SOLUTIONS = [
  "formulir daring dengan nomor antrean otomatis",
  "satu basis data bersama yang diperbarui petugas loket",
  "notifikasi pesan singkat di setiap tahap",
  "dasbor harian untuk kepala unit",
  "tanda tangan elektronik dan arsip digital",
  "jadwal layanan keliling yang diumumkan seminggu sebelumnya",
];

export const BENEFITS = [
  "waktu layanan turun dari tiga hari menjadi satu hari",
  "kunjungan ulang warga berkurang separuh",
  "biaya kertas berkurang sekitar empat puluh persen",
  "pimpinan bisa memantau kinerja setiap minggu",
  "keluhan warga terjawab kurang dari dua puluh empat jam",
];
