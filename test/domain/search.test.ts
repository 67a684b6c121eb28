import { describe, expect, it } from "vitest";
import { stemIndonesian } from "../../src/domain/indonesian-stemmer";
import { searchQuery, similarityQuery, wordsMatch } from "../../src/domain/search";
import { indexText, terms } from "../../src/domain/search-normalise";

/** Does a query word meet an indexed word? The way FTS5 sees it: some root in common. */
const meets = (query: string, indexed: string) => {
  const held = new Set(indexText(indexed).split(" "));
  return terms(query).every((t) => t.alternatives.some((a) => held.has(a)));
};

describe("stemIndonesian", () => {
  it.each([
    ["pelayanan", "layan"],
    ["layanan", "layan"],
    ["melayani", "layan"],
    ["dilayani", "layan"],
    ["kesehatan", "sehat"],
    ["perizinan", "izin"],
    ["pendaftaran", "daftar"],
    ["mendaftar", "daftar"],
    ["memperbaiki", "baik"],
    ["perbaikan", "baik"],
    ["menulis", "tulis"],
    ["mengirimkan", "kirim"],
    ["menyapu", "sapu"],
    ["membaca", "baca"],
    ["bekerja", "kerja"],
    ["belajar", "ajar"],
    ["terbuka", "buka"],
    ["kependudukan", "duduk"],
    ["bukukan", "buku"],
  ])("gives %s the root %s", (word, root) => {
    expect(stemIndonesian(word)).toContain(root);
  });

  it("leaves short words, numbers and roots alone", () => {
    expect(stemIndonesian("data")).toEqual(["data"]);
    expect(stemIndonesian("2026")).toEqual(["2026"]);
    expect(stemIndonesian("sampah")).toEqual(["sampah"]);
    expect(stemIndonesian("pegawai")).toEqual(["pegawai"]);
  });
});

describe("the search normaliser", () => {
  it.each([
    ["antrian", "Antrean daring"],
    ["pengantrian", "antrean"],
    ["ektp", "Perekaman KTP-el"],
    ["e-KTP", "KTP-el"],
    ["KTP-el", "eKTP"],
    ["ktp", "e-KTP"],
    ["pelayanan", "layanan publik"],
    ["Ijin", "izin usaha"],
    ["praktek", "praktik baik"],
    ["ÉKTP", "e-ktp"],
    ["ide", "ide-ide warga"],
    ["sekolahnya", "sekolah"],
    ["masalahnya", "masalah"],
    ["laporkanlah", "laporan"],
  ])("lets %s find %s", (query, text) => {
    expect(meets(query, text)).toBe(true);
  });

  it("does not confuse different words", () => {
    expect(meets("sampah", "sambal")).toBe(false);
    expect(meets("ktp", "kartu keluarga")).toBe(false);
  });

  it("keeps user text out of FTS5 syntax", () => {
    expect(searchQuery('"); DROP TABLE ideas; --')).toBe('"drop"* AND "table"* AND "ideas"*');
    expect(searchQuery("!!! ---")).toBeNull();
  });

  it("expands an abbreviation to its long form and back", () => {
    const groups = [["Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil"]];
    const short = searchQuery("disdukcapil", groups)!;
    const long = searchQuery("dinas kependudukan dan pencatatan sipil", groups)!;
    expect(short).toBe(long);
    expect(short).toContain(" OR ");
    expect(searchQuery("antrean", groups)).not.toContain("sipil");
  });

  it("gives similar-idea hints the roots of distinctive words and their synonyms", () => {
    const q = similarityQuery("Pelayanan di Puskesmas", [["Puskesmas", "Pusat Kesehatan Masyarakat"]])!;
    expect(q.split(" OR ")).toEqual(expect.arrayContaining(['"layan"', '"puskesmas"', '"sehat"']));
    expect(q).not.toContain('"di"');
    expect(similarityQuery("di dan yang")).toBeNull();
  });
});

describe("wordsMatch", () => {
  it.each([
    ['"antre"*', '"antre"*'],
    ['"antre"* AND ("layan"* OR "pelayanan"*)', '"antre"* AND ("layan"* OR "pelayanan"*)'],
    ['"ktp" AND "a5"', '{title problem solution} : ("ktp" AND "a5")'],
    ['"a"*', '{title problem solution} : ("a"*)'],
    ['"a12"*', '{title problem solution} : ("a12"*)'],
    ['"A12"', '{title problem solution} : ("A12")'],
    ['"á1"', '{title problem solution} : ("á1")'],
    ['"ktp a7"', '{title problem solution} : ("ktp a7")'],
    ['"ab1" OR "a1b"', '"ab1" OR "a1b"'],
  ])("keeps the text columns' filter only for words that could meet a scope token: %s", (match, expected) => {
    expect(wordsMatch(match)).toBe(expected);
  });
});
