/**
 * Turning what a person types into an FTS5 query. User text never reaches FTS5 syntax: words are
 * extracted, quoted, and combined by us.
 */
const STOPWORDS = new Set(
  `yang dan di ke dari untuk dengan pada ini itu dalam atau tidak ada akan juga oleh sebagai karena agar bagi
  para secara sudah belum lebih masih dapat bisa harus sangat serta tersebut adalah yaitu sehingga namun tetapi
  saat setiap semua kami kita mereka anda kepada hal banyak perlu tentang maka jika kalau bahwa atas antara
  the and for with from this that are was were has have not but into about`.split(/\s+/),
);

/** Words of a text, lower-cased, letters and digits only (any script), without diacritics. */
export function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * A search box query: every word must match, the last as a prefix while the person is typing.
 * @returns null when nothing searchable is left
 * @example searchQuery("layanan KTP ce") // '"layanan" "ktp" "ce"*'
 */
export function searchQuery(input: string): string | null {
  const terms = words(input).slice(0, 8);
  if (terms.length === 0) return null;
  return terms.map((t, i) => (i === terms.length - 1 || t.length >= 4 ? `"${t}"*` : `"${t}"`)).join(" ");
}

/**
 * "Is this already proposed?": any of the distinctive words of a title and problem, ranked by bm25.
 * @returns null when the text has no distinctive words yet
 */
export function similarityQuery(text: string): string | null {
  const distinct = [...new Set(words(text).filter((w) => w.length >= 3 && !STOPWORDS.has(w)))].slice(0, 16);
  if (distinct.length === 0) return null;
  return distinct.map((w) => `"${w}"`).join(" OR ");
}
