/**
 * @mentions in comments. Two ways to name a colleague of the agency:
 *
 * - `@198503152010012003`: their NIP (18 digits), as ASN identify each other on paper. NIPs are
 *   personal data that only admins see (UU PDP), so a resolved NIP is replaced in the stored body
 *   by the person's handle: the comment never publishes it.
 * - `@[Siti Rahmawati]`: their handle, the exact display name in brackets. When several active
 *   colleagues share the name, the handle names the unit too: `@[Siti Rahmawati (Dinas Kesehatan)]`.
 *   `GET /api/v1/people?q=` offers the handle for completion.
 *
 * A token that names nobody (or several people) stays plain text. Pure: the caller reads the
 * candidates ({@link MentionCandidate}) and stores the result.
 */

/** At most this many people are mentioned (notified) by one comment. */
export const MENTION_LIMIT = 10;

export type MentionToken = { kind: "nip"; raw: string; nip: string } | { kind: "handle"; raw: string; text: string };

const NIP_TOKEN = /@(\d{18})(?!\d)/g;
const HANDLE_TOKEN = /@\[([^[\]\n]{1,160})\]/g;
const QUALIFIED = /^(.+?) \(([^()]+)\)$/;

/** The distinct mention tokens of a body, in order of appearance, at most {@link MENTION_LIMIT}. */
export function parseMentions(body: string): MentionToken[] {
  const found: (MentionToken & { index: number })[] = [];
  for (const m of body.matchAll(NIP_TOKEN)) found.push({ kind: "nip", raw: m[0], nip: m[1]!, index: m.index });
  for (const m of body.matchAll(HANDLE_TOKEN))
    found.push({ kind: "handle", raw: m[0], text: m[1]!.trim(), index: m.index });
  found.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  const tokens: MentionToken[] = [];
  for (const { index: _index, ...token } of found) {
    if (seen.has(token.raw)) continue;
    seen.add(token.raw);
    tokens.push(token);
    if (tokens.length === MENTION_LIMIT) break;
  }
  return tokens;
}

/** The names and NIPs to look up for these tokens (a qualified handle also by its bare name). */
export function lookupKeys(tokens: readonly MentionToken[]): { nips: string[]; names: string[] } {
  const nips = new Set<string>();
  const names = new Set<string>();
  for (const t of tokens) {
    if (t.kind === "nip") nips.add(t.nip);
    else {
      names.add(t.text);
      const q = QUALIFIED.exec(t.text);
      if (q) names.add(q[1]!);
    }
  }
  return { nips: [...nips], names: [...names] };
}

/** An active colleague of the agency that a token might name. */
export type MentionCandidate = {
  id: number;
  nip: string;
  name: string;
  unitName: string;
  /** active colleagues of the agency with exactly this name, this one included */
  namesakes: number;
};

/** The handle that names this person unambiguously (as far as name and unit can). */
export const handleOf = (p: { name: string; unitName: string; namesakes: number }) =>
  p.namesakes > 1 ? `@[${p.name} (${p.unitName})]` : `@[${p.name}]`;

function resolveToken(t: MentionToken, candidates: readonly MentionCandidate[]): MentionCandidate | undefined {
  if (t.kind === "nip") return candidates.find((c) => c.nip === t.nip);
  const exact = candidates.filter((c) => c.name === t.text);
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) return undefined;
  const q = QUALIFIED.exec(t.text);
  if (!q) return undefined;
  const qualified = candidates.filter((c) => c.name === q[1] && c.unitName === q[2]);
  return qualified.length === 1 ? qualified[0] : undefined;
}

/**
 * @param body the comment as written
 * @param candidates what {@link lookupKeys} found among the agency's active colleagues
 * @param authorId mentioning oneself notifies nobody
 * @returns the body to store (NIPs replaced by handles) and who is mentioned
 * @example resolveMentions("Setuju @[Siti Rahmawati]", [siti], 7) // { body: "Setuju @[Siti Rahmawati]", userIds: [siti.id] }
 */
export function resolveMentions(
  body: string,
  candidates: readonly MentionCandidate[],
  authorId: number,
): { body: string; userIds: number[] } {
  let stored = body;
  const userIds: number[] = [];
  for (const token of parseMentions(body)) {
    const person = resolveToken(token, candidates);
    if (!person) continue;
    if (token.kind === "nip") stored = stored.replace(new RegExp(`${token.raw}(?!\\d)`, "g"), handleOf(person));
    if (person.id !== authorId && !userIds.includes(person.id)) userIds.push(person.id);
  }
  return { body: stored, userIds };
}
