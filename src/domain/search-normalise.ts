import { stemIndonesian } from "./indonesian-stemmer.ts";

/**
 * One normaliser for what is indexed and what is asked, so both sides meet on the same terms:
 * case, diacritics and punctuation folded; hyphenated and joined spellings made one (e-KTP, eKTP,
 * KTP-el); common non-standard spellings mapped to the KBBI form (antrian → antrean); affixes off.
 *
 * Changing anything here changes what the index must hold: ship a migration that clears
 * `ideas.search_title` (the scheduler re-normalises every idea whose search text is missing).
 */

/**
 * Spellings people write for the same word, each mapped to one form (the KBBI one where there is
 * one). Applied to whole words and again to roots, so derived forms (`pengantrian`) follow.
 */
export const SPELLING_VARIANTS: Readonly<Record<string, string>> = {
  antrian: "antrean",
  antri: "antre",
  ektp: "ktpel",
  ktpelektronik: "ktpel",
  ijin: "izin",
  praktek: "praktik",
  apotik: "apotek",
  resiko: "risiko",
  sistim: "sistem",
  nasehat: "nasihat",
  aktifitas: "aktivitas",
  kwalitas: "kualitas",
  kwitansi: "kuitansi",
  propinsi: "provinsi",
  jadual: "jadwal",
  obyek: "objek",
  subyek: "subjek",
  sekedar: "sekadar",
  analisa: "analisis",
  karir: "karier",
  silahkan: "silakan",
  hutang: "utang",
  nomer: "nomor",
  trampil: "terampil",
  ketrampilan: "keterampilan",
  kadaluarsa: "kedaluwarsa",
  kadaluwarsa: "kedaluwarsa",
  merubah: "mengubah",
  rubah: "ubah",
  fikir: "pikir",
  faham: "paham",
  tehnik: "teknik",
  tehnologi: "teknologi",
  photo: "foto",
  online: "daring",
  offline: "luring",
};

/** Words too common to tell ideas apart; kept in the index, left out of similarity hints. */
const STOPWORDS = new Set(
  `yang dan di ke dari untuk dengan pada ini itu dalam atau tidak ada akan juga oleh sebagai karena agar bagi
  para secara sudah belum lebih masih dapat bisa harus sangat serta tersebut adalah yaitu sehingga namun tetapi
  saat setiap semua kami kita mereka anda kepada hal banyak perlu tentang maka jika kalau bahwa atas antara
  the and for with from this that are was were has have not but into about`.split(/\s+/),
);

const variant = (w: string) => SPELLING_VARIANTS[w] ?? w;

/** Raw words: folded to lower-case ASCII-like letters and digits, hyphens kept inside words. */
function rawWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ""))
    .filter(Boolean);
}

/** The roots one plain word stands for. */
function rootsOf(word: string): string[] {
  const w = variant(word);
  return [...new Set(stemIndonesian(w).map(variant))];
}

/**
 * One word of a text as the index and the query see it: the alternatives it may match (any will do)
 * and, for hyphenated words, its parts (indexed too, so `KTP` finds `KTP-el`).
 */
export interface Term {
  readonly word: string;
  readonly alternatives: readonly string[];
  readonly parts: readonly string[];
  readonly stop: boolean;
}

function termOf(raw: string): Term {
  const pieces = raw.split("-").filter(Boolean);
  // ide-ide, masing-masing: a reduplication is the word once
  const unique = [...new Set(pieces)];
  if (unique.length === 1) {
    const word = unique[0]!;
    return { word, alternatives: rootsOf(word), parts: [], stop: STOPWORDS.has(word) };
  }
  const joined = pieces.join("");
  const alternatives = [...new Set([variant(joined), ...(variant(joined) === joined ? rootsOf(joined) : [])])];
  return { word: joined, alternatives, parts: unique.flatMap(rootsOf), stop: false };
}

/**
 * The terms of a text in order.
 * @example terms("Antrian e-KTP")[1].alternatives // ["ktpel"]
 */
export function terms(text: string): Term[] {
  return rawWords(text).map(termOf);
}

/**
 * What the full-text index stores for a text: each word as written (folded), so a half-typed word
 * finds it by prefix, and every root and part of it.
 * @example indexText("Pelayanan e-KTP") // "pelayanan layan ektp ktpel e ktp"
 */
export function indexText(text: string): string {
  return terms(text)
    .flatMap((t) => [...new Set([t.word, ...t.alternatives, ...t.parts])])
    .join(" ");
}

/** An idea's text as the index holds it: the `search_*` columns of `ideas`. */
export interface SearchText {
  searchTitle: string;
  searchProblem: string;
  searchSolution: string;
}

/**
 * The search columns for an idea's title, problem and solution.
 * @example searchTextOf({ title: "Antrian", problem: "", solution: "" }).searchTitle // "antrian antre"
 */
export function searchTextOf(idea: { title: string; problem: string; solution: string }): SearchText {
  return {
    searchTitle: indexText(idea.title),
    searchProblem: indexText(idea.problem),
    searchSolution: indexText(idea.solution),
  };
}
