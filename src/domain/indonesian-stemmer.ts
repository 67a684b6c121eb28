/**
 * A dictionary-free stemmer for Indonesian, after the rule order of Nazief–Adriani (as in Sastrawi):
 * particles (-lah, -kah, -tah, -pun), then possessives (-ku, -mu, -nya), then derivational suffixes
 * (-kan, -an, -i), then up to two derivational prefixes (me-, pe-, ber-, ter-, di-, ke-, se-, per-).
 *
 * Without a dictionary a prefix like `meny-` cannot tell `menyapu` (sapu) from `menyanyi` (nyanyi),
 * so such prefixes give every plausible root: the index holds all of them and a query asks for any,
 * which matches whichever the other text chose. No npm stemmer runs in Workers without `fs`
 * (Sastrawi's ports read their dictionary from disk), hence this one.
 */

const MIN_ROOT = 3;
const VOWEL = /^[aiueo]/;

const PARTICLES = ["lah", "kah", "tah", "pun"];
const POSSESSIVES = ["nya", "ku", "mu"];

/** Roots a `me-`/`pe-` form may come from, given the letters after the nasal prefix. */
function nasalRoots(prefix: string, rest: string): string[] {
  const vowel = VOWEL.test(rest);
  switch (prefix) {
    case "meng":
    case "peng":
      // mengambil → ambil, mengirim → kirim, menghapus → hapus, menggali → gali
      return vowel ? [rest, `k${rest}`] : [rest];
    case "meny":
    case "peny":
      // menyapu → sapu, menyanyi → nyanyi
      return vowel ? [`s${rest}`, `ny${rest}`] : [];
    case "mem":
    case "pem":
      // memakai → pakai, memasak → masak, membaca → baca
      return vowel ? [`p${rest}`, `m${rest}`] : /^[bfpv]/.test(rest) ? [rest] : [];
    case "men":
    case "pen":
      // menulis → tulis, menilai → nilai, mendaftar → daftar, mencari → cari
      return vowel ? [`t${rest}`, `n${rest}`] : /^[cdjtsz]/.test(rest) ? [rest] : [];
    default:
      // me-/pe- before l, r, w, y, m, n, ny, ng: melayani → layani, pelayanan → layanan
      return /^(l|r|w|y|m|n)/.test(rest) ? [rest] : [];
  }
}

const NASAL_PREFIXES = ["meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "pe"];

/** One prefix off, each way it may have attached; none when the word does not start with one. */
function prefixOff(word: string): string[] {
  for (const p of ["di", "ke", "se"]) {
    if (word.startsWith(p) && word.length - p.length >= MIN_ROOT) return [word.slice(p.length)];
  }
  for (const p of ["ber", "ter", "per"]) {
    if (word.startsWith(p) && word.length - p.length >= MIN_ROOT) {
      const rest = word.slice(p.length);
      // berangkat → angkat or rangkat: the r of the prefix may be the root's
      return VOWEL.test(rest) ? [rest, `r${rest}`] : [rest];
    }
  }
  // be- is ber- before r and a few roots (bekerja, belajar, beternak); elsewhere be- is the root's own
  if (/^be(kerja|lajar|ternak)/.test(word)) return [word.startsWith("bel") ? word.slice(3) : word.slice(2)];
  for (const p of NASAL_PREFIXES) {
    if (!word.startsWith(p)) continue;
    const rest = word.slice(p.length);
    if (rest.length < MIN_ROOT - 1) continue;
    const roots = nasalRoots(p, rest).filter((r) => r.length >= MIN_ROOT);
    if (roots.length > 0) return roots;
  }
  return [];
}

function suffixOff(word: string, suffixes: readonly string[], minRest = MIN_ROOT + 1): string {
  for (const s of suffixes) {
    if (word.endsWith(s) && word.length - s.length >= minRest) return word.slice(0, -s.length);
  }
  return word;
}

/**
 * -kan, -an or -i off; -i only where it is not part of the root (`pegawai`, `bisi`, `tinggi`).
 * A -kan ending may be -an after a root ending in k (`kependudukan`), so it gives both.
 */
function derivationalOff(word: string): string[] {
  const kan = suffixOff(word, ["kan"]);
  if (kan !== word) return [kan, suffixOff(word, ["an"])];
  const an = suffixOff(word, ["an"]);
  if (an !== word) return [an];
  if (/[^aiueos]i$/.test(word) && word.length - 1 >= MIN_ROOT + 1) return [word.slice(0, -1)];
  return [word];
}

/** The roots of a word whose suffixes are off: up to two prefixes off, each way they may attach. */
function unprefixed(base: string): string[] {
  const roots: string[] = [];
  for (const first of prefixOff(base)) {
    const second = prefixOff(first);
    // memperbaiki → perbaik → baik: a second prefix only when it leaves a root of 4+ letters
    const deeper = second.filter((r) => r.length > MIN_ROOT);
    roots.push(...(deeper.length > 0 ? deeper : [first]));
  }
  return roots.length > 0 ? roots : [base];
}

/**
 * The possible roots of an Indonesian word, most likely first; short words and numbers stay whole.
 * @param word lower-case letters, no punctuation
 * @example stemIndonesian("pelayanan") // ["layan"]
 * @example stemIndonesian("mengirimkan") // ["irim", "kirim", ...]
 */
export function stemIndonesian(word: string): string[] {
  if (word.length <= MIN_ROOT + 1 || /\d/.test(word)) return [word];
  // a particle only off a longer word: the -lah of sekolah, masalah, salah is the root's
  const bases = derivationalOff(suffixOff(suffixOff(word, PARTICLES, MIN_ROOT + 3), POSSESSIVES));
  return [...new Set(bases.flatMap(unprefixed))];
}
