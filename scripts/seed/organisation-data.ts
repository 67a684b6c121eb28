/**
 * The pilot: four agencies with realistic OPDs and ASN in every role. NIPs follow the national
 * structure (birth date YYYYMMDD, appointment YYYYMM, gender 1|2, sequence 3 digits).
 */
export type SeedUnit = { code: string; name: string; parent?: string };
export type SeedUser = {
  nip: string;
  name: string;
  email: string;
  position: string;
  unit: string;
  roles: string[];
};
export type SeedAgency = { slug: string; name: string; region: string; units: SeedUnit[]; users: SeedUser[] };

export const DEMO_PASSWORD = "Gagas-Demo-2026";

/**
 * The KIPP committee as the seed seats it (ideas.ts, reviews.ts): the agency's first reviewer
 * chairs. Reviewers before the chair.
 */
export function kippCommittee(agency: SeedAgency): { chair: SeedUser; members: SeedUser[] } {
  const members = agency.users.filter((u) => u.roles.includes("reviewer"));
  const chair = members[0]!;
  return { chair, members: [...members.slice(1), chair] };
}

export const AGENCIES: SeedAgency[] = [
  {
    slug: "binjai",
    name: "Pemerintah Kota Binjai",
    region: "Sumatera Utara",
    units: [
      { code: "SETDA", name: "Sekretariat Daerah" },
      { code: "KOMINFO", name: "Dinas Komunikasi dan Informatika" },
      { code: "KOMINFO-APTIKA", name: "Bidang Aplikasi Informatika", parent: "KOMINFO" },
      { code: "DUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil" },
      { code: "DPMPTSP", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu" },
      { code: "DINKES", name: "Dinas Kesehatan" },
      { code: "DINKES-PKM-BT", name: "UPT Puskesmas Binjai Timur", parent: "DINKES" },
      { code: "BKPSDM", name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" },
      { code: "BAPPEDA", name: "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah" },
    ],
    users: [
      {
        nip: "198203152006041002",
        name: "Rahmat Hidayat Siregar",
        email: "rahmat.siregar@binjaikota.go.id",
        position: "Pranata Komputer Ahli Madya",
        unit: "KOMINFO",
        roles: ["asn", "superadmin"],
      },
      {
        nip: "198507222010012003",
        name: "Sri Wahyuni Lubis",
        email: "sri.lubis@binjaikota.go.id",
        position: "Analis SDM Aparatur",
        unit: "BKPSDM",
        roles: ["asn", "admin"],
      },
      {
        nip: "197011041995031001",
        name: "H. Irwansyah Nasution",
        email: "irwansyah.nasution@binjaikota.go.id",
        position: "Sekretaris Daerah",
        unit: "SETDA",
        roles: ["asn", "leader"],
      },
      {
        nip: "197805142003122004",
        name: "dr. Nurhayati Harahap",
        email: "nurhayati.harahap@binjaikota.go.id",
        position: "Kepala Bidang Litbang",
        unit: "BAPPEDA",
        roles: ["asn", "reviewer"],
      },
      {
        nip: "198009302005011005",
        name: "Budi Santoso Tarigan",
        email: "budi.tarigan@binjaikota.go.id",
        position: "Perencana Ahli Muda",
        unit: "BAPPEDA",
        roles: ["asn", "reviewer"],
      },
      {
        nip: "199104172015032001",
        name: "Dewi Anggraini Sembiring",
        email: "dewi.sembiring@binjaikota.go.id",
        position: "Administrator Database Kependudukan",
        unit: "DUKCAPIL",
        roles: ["asn"],
      },
      {
        nip: "199312052019031004",
        name: "Andi Pratama Ginting",
        email: "andi.ginting@binjaikota.go.id",
        position: "Pranata Komputer Ahli Pertama",
        unit: "KOMINFO-APTIKA",
        roles: ["asn"],
      },
      {
        nip: "198806112011012002",
        name: "Fitri Handayani Purba",
        email: "fitri.purba@binjaikota.go.id",
        position: "Bidan Ahli Muda",
        unit: "DINKES-PKM-BT",
        roles: ["asn"],
      },
      {
        nip: "199002282014021003",
        name: "Muhammad Rizki Damanik",
        email: "rizki.damanik@binjaikota.go.id",
        position: "Penata Perizinan Ahli Pertama",
        unit: "DPMPTSP",
        roles: ["asn"],
      },
    ],
  },
  {
    slug: "andir",
    name: "Kecamatan Andir (Kota Bandung)",
    region: "Jawa Barat",
    units: [
      { code: "SEKCAM", name: "Sekretariat Kecamatan" },
      { code: "PELAYANAN", name: "Seksi Pelayanan Umum dan Kependudukan" },
      { code: "PEMERINTAHAN", name: "Seksi Pemerintahan" },
      { code: "KESSOS", name: "Seksi Kesejahteraan Sosial" },
      { code: "KEL-CIROYOM", name: "Kelurahan Ciroyom", parent: "SEKCAM" },
      { code: "KEL-DUNGUSCARIANG", name: "Kelurahan Dungus Cariang", parent: "SEKCAM" },
      { code: "PUSKESMAS-ANDIR", name: "UPT Puskesmas Garuda" },
    ],
    users: [
      {
        nip: "198601092010012001",
        name: "Rina Marlina",
        email: "rina.marlina@bandung.go.id",
        position: "Sekretaris Kecamatan",
        unit: "SEKCAM",
        roles: ["asn", "admin"],
      },
      {
        nip: "197206181998031002",
        name: "Drs. Asep Sunandar",
        email: "asep.sunandar@bandung.go.id",
        position: "Camat Andir",
        unit: "SEKCAM",
        roles: ["asn", "leader"],
      },
      {
        nip: "198111252006042003",
        name: "Neneng Kurniasih",
        email: "neneng.kurniasih@bandung.go.id",
        position: "Kepala Seksi Pemerintahan",
        unit: "PEMERINTAHAN",
        roles: ["asn", "reviewer"],
      },
      {
        nip: "198304082008011004",
        name: "Dadang Hermawan",
        email: "dadang.hermawan@bandung.go.id",
        position: "Kepala Seksi Kesejahteraan Sosial",
        unit: "KESSOS",
        roles: ["asn", "reviewer"],
      },
      {
        nip: "199208142017032002",
        name: "Siti Nurjanah",
        email: "siti.nurjanah@bandung.go.id",
        position: "Pengadministrasi Kependudukan",
        unit: "PELAYANAN",
        roles: ["asn"],
      },
      {
        nip: "199405272019031003",
        name: "Yudi Permana",
        email: "yudi.permana@bandung.go.id",
        position: "Pengelola Layanan Kelurahan",
        unit: "KEL-CIROYOM",
        roles: ["asn"],
      },
      {
        nip: "198912302015022001",
        name: "Ai Rohmawati",
        email: "ai.rohmawati@bandung.go.id",
        position: "Perawat Ahli Pertama",
        unit: "PUSKESMAS-ANDIR",
        roles: ["asn"],
      },
    ],
  },
  {
    slug: "lhokseumawe",
    name: "Pemerintah Kota Lhokseumawe",
    region: "Aceh",
    units: [
      { code: "SETDA", name: "Sekretariat Daerah" },
      { code: "DISKOMINFO", name: "Dinas Komunikasi, Informatika dan Persandian" },
      { code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil" },
      { code: "DPMPTSP", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu" },
      { code: "DINKES", name: "Dinas Kesehatan" },
      { code: "BKPSDM", name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" },
      { code: "DISKOMINFO-PERSANDIAN", name: "Bidang Persandian dan Keamanan Informasi", parent: "DISKOMINFO" },
    ],
    users: [
      {
        nip: "198410102009041001",
        name: "Teuku Mahfud Ridha",
        email: "teuku.mahfud@lhokseumawekota.go.id",
        position: "Analis Kepegawaian Ahli Muda",
        unit: "BKPSDM",
        roles: ["asn", "admin"],
      },
      {
        nip: "196905201994031002",
        name: "Ir. Zulkifli Abdullah",
        email: "zulkifli.abdullah@lhokseumawekota.go.id",
        position: "Sekretaris Daerah",
        unit: "SETDA",
        roles: ["asn", "leader"],
      },
      {
        nip: "197903032005022001",
        name: "Cut Nyak Rahmah",
        email: "cut.rahmah@lhokseumawekota.go.id",
        position: "Kepala Bidang Persandian",
        unit: "DISKOMINFO-PERSANDIAN",
        roles: ["asn", "reviewer"],
      },
      {
        nip: "198207072007011003",
        name: "Fadli Yusuf",
        email: "fadli.yusuf@lhokseumawekota.go.id",
        position: "Kepala Seksi Pelayanan Perizinan",
        unit: "DPMPTSP",
        roles: ["asn", "reviewer"],
      },
      {
        nip: "199506162020122001",
        name: "Nurul Aini",
        email: "nurul.aini@lhokseumawekota.go.id",
        position: "Pranata Komputer Ahli Pertama",
        unit: "DISKOMINFO",
        roles: ["asn"],
      },
      {
        nip: "199109192015031002",
        name: "Muhammad Iqbal",
        email: "muhammad.iqbal@lhokseumawekota.go.id",
        position: "Verifikator Dokumen Kependudukan",
        unit: "DISDUKCAPIL",
        roles: ["asn"],
      },
      {
        nip: "198702212011012004",
        name: "Rosmawati",
        email: "rosmawati@lhokseumawekota.go.id",
        position: "Epidemiolog Kesehatan Ahli Muda",
        unit: "DINKES",
        roles: ["asn"],
      },
    ],
  },
  {
    slug: "pangkalpinang",
    name: "Pemerintah Kota Pangkalpinang",
    region: "Kepulauan Bangka Belitung",
    units: [
      { code: "SETDA", name: "Sekretariat Daerah" },
      { code: "DISKOMINFO", name: "Dinas Komunikasi dan Informatika" },
      { code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil" },
      { code: "DPMPTSP", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu" },
      { code: "DINKES", name: "Dinas Kesehatan" },
      { code: "BKPSDM", name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" },
      { code: "DINKES-RSUD", name: "RSUD Depati Hamzah", parent: "DINKES" },
    ],
    users: [
      {
        nip: "198311112008012002",
        name: "Lily Suryani",
        email: "lily.suryani@pangkalpinangkota.go.id",
        position: "Analis SDM Aparatur Ahli Muda",
        unit: "BKPSDM",
        roles: ["asn", "admin"],
      },
      {
        nip: "197108081997031003",
        name: "Drs. Hendra Kusuma",
        email: "hendra.kusuma@pangkalpinangkota.go.id",
        position: "Kepala Dinas Komunikasi dan Informatika",
        unit: "DISKOMINFO",
        roles: ["asn", "leader"],
      },
      {
        nip: "198005252006041002",
        name: "Agus Salim",
        email: "agus.salim@pangkalpinangkota.go.id",
        position: "Kepala Bidang E-Government",
        unit: "DISKOMINFO",
        roles: ["asn", "reviewer"],
      },
      {
        nip: "198408302010012001",
        name: "Maria Ulfa",
        email: "maria.ulfa@pangkalpinangkota.go.id",
        position: "Kepala Seksi Pelayanan Kesehatan",
        unit: "DINKES",
        roles: ["asn", "reviewer"],
      },
      {
        nip: "199611032020121001",
        name: "Rizal Firmansyah",
        email: "rizal.firmansyah@pangkalpinangkota.go.id",
        position: "Pranata Komputer Ahli Pertama",
        unit: "DISKOMINFO",
        roles: ["asn"],
      },
      {
        nip: "199207242016032003",
        name: "Yuliana Putri",
        email: "yuliana.putri@pangkalpinangkota.go.id",
        position: "Operator Layanan Operasional",
        unit: "DISDUKCAPIL",
        roles: ["asn"],
      },
      {
        nip: "198901152014021001",
        name: "Ferry Gunawan",
        email: "ferry.gunawan@pangkalpinangkota.go.id",
        position: "Penata Perizinan Ahli Muda",
        unit: "DPMPTSP",
        roles: ["asn"],
      },
    ],
  },
];
