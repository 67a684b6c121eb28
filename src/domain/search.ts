import { terms, type Term } from "./search-normalise.ts";

/**
 * Turning what a person types into an FTS5 query. User text never reaches FTS5 syntax: words are
 * normalised (see search-normalise.ts), quoted, and combined by us.
 */

/** A group of words an agency treats as the same (`Disdukcapil` = `Dinas Kependudukan dan Pencatatan Sipil`). */
export type SynonymGroup = readonly string[];

const MAX_QUERY_TERMS = 8;
const MAX_SIMILARITY_TERMS = 16;

const quoted = (s: string, prefix: boolean) => `"${s}"${prefix ? "*" : ""}`;
const anyOf = (parts: readonly string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join(" OR ")})`);
const termKey = (t: Term) => [...t.alternatives].sort().join("|");

/** One term as an FTS5 expression: any of its roots; while typing, the word as written too. */
function termQuery(t: Term, typing: boolean): string {
  const forms = typing ? [...new Set([...t.alternatives, t.word])] : t.alternatives;
  return anyOf(forms.map((a) => quoted(a, typing || a.length >= 4)));
}

/** A phrase of a synonym group as an FTS5 expression: all its words (stop words left out). */
function phraseQuery(phrase: readonly Term[]): string {
  const words = phrase.filter((t) => !t.stop || phrase.length === 1);
  const parts = words.map((t) => termQuery(t, false));
  return parts.length === 1 ? parts[0]! : `(${parts.join(" AND ")})`;
}

/** The groups as normalised phrases, longest first, so "dinas kesehatan" wins over "dinas". */
function normaliseGroups(groups: readonly SynonymGroup[]): Term[][][] {
  return groups.map((g) => g.map((member) => terms(member)).filter((p) => p.length > 0)).filter((g) => g.length > 1);
}

/** The synonym group whose member starts the query at `at`, with the member's length. */
function groupAt(query: readonly Term[], at: number, groups: readonly Term[][][]) {
  let best: { group: Term[][]; length: number } | null = null;
  for (const group of groups) {
    for (const phrase of group) {
      const fits = phrase.length <= query.length - at && phrase.every((t, i) => termKey(t) === termKey(query[at + i]!));
      if (fits && (!best || phrase.length > best.length)) best = { group, length: phrase.length };
    }
  }
  return best;
}

/**
 * A search box query: every word must match (or a synonym of it), the last as a prefix while the
 * person is typing.
 * @param synonyms the agency's synonym groups
 * @returns null when nothing searchable is left
 * @example searchQuery("pelayanan KTP ce") // '"layan"* AND "ktp" AND "ce"*'
 */
export function searchQuery(input: string, synonyms: readonly SynonymGroup[] = []): string | null {
  const query = terms(input).slice(0, MAX_QUERY_TERMS);
  if (query.length === 0) return null;
  const groups = normaliseGroups(synonyms);
  const parts: string[] = [];
  for (let i = 0; i < query.length;) {
    const match = groupAt(query, i, groups);
    if (match) {
      parts.push(anyOf(match.group.map(phraseQuery)));
      i += match.length;
    } else {
      parts.push(termQuery(query[i]!, i === query.length - 1));
      i += 1;
    }
  }
  // explicit AND: FTS5 rejects an implicit AND next to a parenthesised OR
  return parts.join(" AND ");
}

/**
 * "Is this already proposed?": any of the distinctive words of a title and problem (and their
 * synonyms), ranked by bm25.
 * @returns null when the text has no distinctive words yet
 */
export function similarityQuery(text: string, synonyms: readonly SynonymGroup[] = []): string | null {
  const found = terms(text).filter((t) => t.word.length >= 3 && !t.stop);
  const keys = new Set(found.map(termKey));
  const words = new Set(found.flatMap((t) => t.alternatives));
  // a group one of whose members the text contains brings in all its members' words
  for (const group of normaliseGroups(synonyms)) {
    const content = group.map((p) => p.filter((t) => !t.stop));
    if (!content.some((p) => p.length > 0 && p.every((t) => keys.has(termKey(t))))) continue;
    content.flat().forEach((t) => t.alternatives.forEach((a) => words.add(a)));
  }
  const distinct = [...words].slice(0, MAX_SIMILARITY_TERMS);
  if (distinct.length === 0) return null;
  return distinct.map((w) => quoted(w, false)).join(" OR ");
}

/** The columns a person's words are looked for in (not `scope`). */
const TEXT_COLUMNS = "{title problem solution}";

/**
 * A query of `searchQuery` or `similarityQuery` kept inside one agency by FTS5 itself: the agency's
 * token in the `scope` column (migrations/0019) and the words in the text columns only.
 * @example scopedMatch(12, '"antre"') // 'scope : "a12" AND {title problem solution} : ("antre")'
 */
export function scopedMatch(agencyId: number, match: string): string {
  return `scope : "a${agencyId}" AND ${TEXT_COLUMNS} : (${match})`;
}

/** A word FTS5 would find in the `scope` column: an agency's token (`a12`), or the start of one (`a`*, `a1`*). */
const SCOPE_TOKEN = /^a[0-9]*$/;

/**
 * The same words for an index that holds one agency only (no scope token needed to stay inside it):
 * the words alone, which FTS5 counts and matches faster than behind a column filter. A word that
 * could be a scope token keeps the filter, so that typing `a12` still finds nothing.
 * @example wordsMatch('"antre"*') // '"antre"*'
 * @example wordsMatch('"a1"*') // '{title problem solution} : ("a1"*)'
 */
export function wordsMatch(match: string): string {
  // the words as FTS5's tokenizer (unicode61, remove_diacritics 2) will read them
  const words = [...match.matchAll(/"([^"]*)"/g)].flatMap(([, quotedText]) =>
    quotedText!
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u),
  );
  return words.some((w) => SCOPE_TOKEN.test(w)) ? `${TEXT_COLUMNS} : (${match})` : match;
}
