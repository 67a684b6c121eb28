import { describe, expect, it } from "vitest";
import { jaccard, planComplaintImport, signatureOf, titleOf } from "../../src/domain/complaint-grouping";
import { parseComplaintDate, readComplaintRows } from "../../src/domain/complaint-import";
import { isPersonalColumn, stripPersonalData } from "../../src/domain/complaint-privacy";
import { parseCsv } from "../../src/lib/csv";

const NOW = Date.parse("2026-12-01T00:00:00Z");
const records = (text: string) => {
  const csv = parseCsv(text);
  if (!csv.ok) throw new Error(csv.message);
  return csv.records;
};

describe("stripPersonalData", () => {
  it("cuts e-mails, mobile and landline numbers and 16-digit NIKs out of a complaint's text", () => {
    const { text, removed } = stripPersonalData(
      "Saya Budi (NIK 1275010101900001), hubungi 0812-3456-7890 / +62 813 1234 5678 / (061) 8821234 atau budi.s@gmail.com",
    );
    expect(text).toBe("Saya Budi (NIK [NIK]), hubungi [telepon] / [telepon] / [telepon] atau [email]");
    expect(removed).toBe(5);
  });

  it("leaves dates, amounts and short numbers alone", () => {
    const text = "Antre 3 jam pada 02/03/2026, biaya Rp 50.000, loket 12";
    expect(stripPersonalData(text)).toEqual({ text, removed: 0 });
  });
});

describe("isPersonalColumn", () => {
  it.each(["nama", "nama_pelapor", "no_hp", "email", "nik", "alamat_pelapor", "telepon", "phone"])(
    "drops %s",
    (header) => expect(isPersonalColumn(header)).toBe(true),
  );
  it.each(["lokasi", "kategori", "isi", "unit", "saluran"])("keeps %s", (header) =>
    expect(isPersonalColumn(header)).toBe(false),
  );
});

describe("parseComplaintDate", () => {
  it("reads ISO and day-first dates in the agency's time zone", () => {
    expect(parseComplaintDate("2026-03-02", "Asia/Jakarta")).toBe(Date.parse("2026-03-01T17:00:00Z"));
    expect(parseComplaintDate("2/3/2026", "Asia/Jakarta")).toBe(Date.parse("2026-03-01T17:00:00Z"));
    expect(parseComplaintDate("2026-03-02 14:05", "Asia/Jayapura")).toBe(Date.parse("2026-03-02T05:05:00Z"));
  });
  it("refuses what is no date", () => {
    expect(parseComplaintDate("31/02/2026", "Asia/Jakarta")).toBeNull();
    expect(parseComplaintDate("kemarin", "Asia/Jakarta")).toBeNull();
  });
});

describe("readComplaintRows", () => {
  it("maps Indonesian headers, drops personal columns and says which", () => {
    const file = readComplaintRows(
      records(
        "ID Laporan;Tanggal;Nama Pelapor;No HP;Saluran;Kategori;Isi;Lokasi;Unit;Catatan\r\nLAP-1;2026-03-02;Budi;0812345678;SMS;Kependudukan;Antrean KTP lama, hubungi 081234567890;Binjai Kota;DUKCAPIL;x\r\n",
      ),
      "Asia/Jakarta",
      NOW,
    );
    expect(file.errors).toEqual([]);
    expect(file.droppedColumns).toEqual(["Nama Pelapor", "No HP"]);
    expect(file.ignoredColumns).toEqual(["Catatan"]);
    expect(file.redactions).toBe(1);
    expect(file.rows).toEqual([
      expect.objectContaining({
        row: 2,
        externalId: "LAP-1",
        channel: "SMS",
        category: "Kependudukan",
        text: "Antrean KTP lama, hubungi [telepon]",
        location: "Binjai Kota",
        unit: "DUKCAPIL",
      }),
    ]);
    expect(JSON.stringify(file.rows)).not.toContain("Budi");
  });

  it("names each bad row and column as the file's header does", () => {
    const file = readComplaintRows(
      records("id_laporan,tanggal,isi\r\nA,2026-03-02,Jalan rusak\r\nB,bukan tanggal,Lampu mati\r\nA,2026-03-03,\r\n"),
      "Asia/Jakarta",
      NOW,
    );
    expect(file.errors.map((e) => [e.path, e.code])).toEqual([
      ["row 3.tanggal", "complaint.date_invalid"],
      ["row 4.id_laporan", "complaint.id_duplicate_in_file"],
      ["row 4.isi", "complaint.text_required"],
    ]);
  });

  it("asks for the required columns in the header's language", () => {
    const file = readComplaintRows(records("tanggal,kategori\r\n2026-03-02,Jalan\r\n"), "Asia/Jakarta", NOW);
    expect(file.errors.map((e) => e.path)).toEqual(["row 1.id_laporan", "row 1.isi"]);
  });

  it("skips information requests and other classes", () => {
    const file = readComplaintRows(
      records(
        "id,date,text,classification\r\n1,2026-03-02,Jalan rusak,Pengaduan\r\n2,2026-03-02,Jam buka?,Permintaan Informasi\r\n",
      ),
      "Asia/Jakarta",
      NOW,
    );
    expect(file.rows.map((r) => r.externalId)).toEqual(["1"]);
    expect(file.skipped).toBe(1);
  });
});

describe("grouping", () => {
  const row = (externalId: string, text: string, unit = "DUKCAPIL", category = "Kependudukan") => ({
    row: 2,
    externalId,
    receivedAt: NOW,
    channel: "",
    category,
    title: "",
    text,
    location: "",
    unit,
    status: "",
  });
  const units = new Map([["DUKCAPIL", { id: 5, active: true }]]);

  it("compares texts on normalised roots, spelling variants and stop words aside", () => {
    expect(signatureOf("Antrian e-KTP yang sangat lama")).toEqual(["antre", "ktpel", "lama"]);
    expect(jaccard(new Set(signatureOf("antrian KTP-el lama")), new Set(signatureOf("Antrean e-KTP lama")))).toBe(1);
  });

  it("groups similar complaints of the same unit and category, and no others", () => {
    const planned = planComplaintImport(
      [
        row("1", "Antrean perekaman KTP elektronik sangat lama di kantor Disdukcapil"),
        row("2", "Antrian perekaman e-KTP lama sekali di kantor Disdukcapil"),
        row("3", "Lampu jalan mati di depan pasar"),
        row("4", "Antrean perekaman KTP elektronik sangat lama di kantor Disdukcapil", "DUKCAPIL", "Lain"),
      ],
      { units, problems: [], known: new Set() },
    );
    if (!planned.ok) throw new Error("refused");
    expect(planned.plan.newProblems.map((p) => p.complaints.map((c) => c.externalId))).toEqual([
      ["1", "2"],
      ["3"],
      ["4"],
    ]);
  });

  it("adds to an existing problem, leaves known ids alone, and is the same every time", () => {
    const context = {
      units,
      problems: [
        { id: 9, unitId: 5, category: "Kependudukan", signature: signatureOf("antrean rekam ktp lama").join(" ") },
      ],
      known: new Set(["1"]),
    };
    const rows = [row("1", "Antrean rekam KTP lama"), row("2", "Rekam KTP antrean lama sekali")];
    const first = planComplaintImport(rows, context);
    expect(first).toEqual(planComplaintImport(rows, context));
    if (!first.ok) throw new Error("refused");
    expect(first.plan.unchanged).toBe(1);
    expect(first.plan.joined).toEqual([{ problemId: 9, complaints: [expect.objectContaining({ externalId: "2" })] }]);
  });

  it("refuses a unit the agency does not have, naming row and column", () => {
    const planned = planComplaintImport([{ ...row("1", "Jalan rusak", "DINAS-X"), row: 7 }], {
      units,
      problems: [],
      known: new Set(),
      labels: { unit: "opd" },
    });
    expect(planned).toEqual({
      ok: false,
      errors: [expect.objectContaining({ path: "row 7.opd", code: "unit.not_found" })],
    });
  });

  it("titles a problem by the complaint's title or the start of its text", () => {
    expect(titleOf({ title: "", text: "Jalan rusak" })).toBe("Jalan rusak");
    expect(titleOf({ title: "", text: "Antrean perekaman KTP lama, hubungi [telepon]. Mohon dibantu." })).toBe(
      "Antrean perekaman KTP lama",
    );
    expect(titleOf({ title: "Lampu jalan mati", text: "Sudah seminggu." })).toBe("Lampu jalan mati");
    expect(titleOf({ title: "", text: "kata ".repeat(40) }).endsWith("…")).toBe(true);
  });
});
