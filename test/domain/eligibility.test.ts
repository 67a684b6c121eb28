import { describe, expect, it } from "vitest";
import { checkGates, fullYearsBetween, KIPP_GATES, type EntryFacts } from "../../src/domain/eligibility";

const facts = (over: Partial<EntryFacts> = {}): EntryFacts => ({
  group: "umum",
  operatingSince: "2023-01-10",
  today: "2026-03-01",
  decided: true,
  isReplication: false,
  unitEntriesInGroup: 0,
  enteredThisYear: false,
  ...over,
});
const failed = (f: EntryFacts) => checkGates(KIPP_GATES, f).filter((v) => !v.ok);

describe("checkGates with KIPP's figures", () => {
  it("lets a decided innovation of three years through every gate", () => {
    expect(failed(facts())).toEqual([]);
  });

  it("refuses a general innovation of one year: at least two", () => {
    expect(failed(facts({ operatingSince: "2025-02-01" }))).toEqual([
      {
        gate: "min_years",
        ok: false,
        reason: "Inovasi kelompok umum harus sudah berjalan minimal 2 tahun; inovasi ini baru berjalan 1 tahun.",
      },
    ]);
  });

  it("lets a replication of one year through (one year is enough for it)", () => {
    expect(failed(facts({ group: "replikasi", isReplication: true, operatingSince: "2025-02-01" }))).toEqual([]);
  });

  it("refuses the replication group for an idea that replicates nothing", () => {
    expect(failed(facts({ group: "replikasi" })).map((v) => [v.gate, v.reason])).toEqual([
      ["replication", "Kelompok replikasi hanya untuk ide yang mereplikasi inovasi lain."],
    ]);
  });

  it("refuses the eleventh general entry of a unit (quota 10)", () => {
    expect(failed(facts({ unitEntriesInGroup: 10 })).map((v) => [v.gate, v.reason])).toEqual([
      ["quota", "Kuota unit untuk kelompok umum sudah penuh (10 inovasi)."],
    ]);
  });

  it("refuses a second entry of the same innovation in one year", () => {
    expect(failed(facts({ enteredThisYear: true })).map((v) => [v.gate, v.reason])).toEqual([
      ["one_per_year", "Inovasi ini sudah didaftarkan ke kompetisi tahun ini; satu inovasi hanya sekali setahun."],
    ]);
  });

  it("refuses an idea not yet approved", () => {
    expect(failed(facts({ decided: false })).map((v) => v.gate)).toEqual(["status"]);
  });

  it("refuses a start date after today", () => {
    expect(failed(facts({ operatingSince: "2026-03-02" })).map((v) => [v.gate, v.reason])).toEqual([
      ["min_years", "Tanggal mulai berjalan tidak boleh setelah hari ini."],
    ]);
  });

  it("tells every failing gate at once", () => {
    expect(failed(facts({ decided: false, unitEntriesInGroup: 10, enteredThisYear: true })).map((v) => v.gate)).toEqual(
      ["status", "quota", "one_per_year"],
    );
  });
});

describe("fullYearsBetween", () => {
  it("counts a year only on its anniversary", () => {
    expect(fullYearsBetween("2024-03-01", "2026-02-28")).toBe(1);
    expect(fullYearsBetween("2024-03-01", "2026-03-01")).toBe(2);
  });
});
