/**
 * Mentions as the person sees them. The server reads a colleague's handle, `@[Siti Rahmawati]`
 * (src/domain/mentions.ts, `GET /api/v1/people`); the comment box and the posted comment show
 * `@Siti Rahmawati`. Pure, so the Worker tests check it against the server's own parsing.
 */

/** A handle as the server writes it (src/domain/mentions.ts). */
const HANDLE_TOKEN = /@\[([^[\]\n]{1,160})\]/g;

/**
 * The comment box shows a picked colleague as `@Siti Rahmawati`, not as the handle's markup. What
 * the box reads and the handles picked in it, by their shown text.
 */
export type MentionDraft = { text: string; picked: Record<string, string> };

/** The shown text of a handle: `@[Siti Rahmawati]` → `@Siti Rahmawati` (a qualified handle keeps its unit). */
export const shownHandle = (handle: string) => handle.replace(/^@\[(.*)\]$/u, "@$1");

/**
 * A stored body as the box shows it: every handle as `@Name`, remembered so it goes back on submit.
 * @example draftOf("Setuju @[Siti Rahmawati]") // { text: "Setuju @Siti Rahmawati", picked: { "@Siti Rahmawati": "@[Siti Rahmawati]" } }
 */
export function draftOf(body: string): MentionDraft {
  const picked: Record<string, string> = {};
  const text = body.replace(HANDLE_TOKEN, (raw) => {
    const shown = shownHandle(raw);
    picked[shown] = raw;
    return shown;
  });
  return { text, picked };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The body to send for what the box shows: each picked `@Name` still in the text becomes its handle
 * again (longest first, so `@Siti Rahmawati Putri` is not read as `@Siti Rahmawati` + ` Putri`).
 * A name the person edited away stays plain text.
 * @example bodyOf({ text: "Setuju @Siti Rahmawati", picked: { "@Siti Rahmawati": "@[Siti Rahmawati]" } }) // "Setuju @[Siti Rahmawati]"
 */
export function bodyOf(draft: MentionDraft): string {
  const shown = Object.keys(draft.picked).sort((a, b) => b.length - a.length);
  if (shown.length === 0) return draft.text;
  const pattern = new RegExp(`(${shown.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return draft.text.replace(pattern, (name) => draft.picked[name] ?? name);
}

/** A piece of a stored body: plain text, or a mention shown by its name. */
export type BodyPart = { kind: "text"; text: string } | { kind: "mention"; name: string; handle: string };

/**
 * A stored body cut into text and mentions, for showing a mention as a name rather than markup.
 * @example bodyParts("Setuju @[Siti Rahmawati]!") // [{ kind: "text", text: "Setuju " }, { kind: "mention", name: "Siti Rahmawati", handle: "@[Siti Rahmawati]" }, { kind: "text", text: "!" }]
 */
export function bodyParts(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let from = 0;
  for (const m of body.matchAll(HANDLE_TOKEN)) {
    if (m.index > from) parts.push({ kind: "text", text: body.slice(from, m.index) });
    parts.push({ kind: "mention", name: m[1]!.trim(), handle: m[0] });
    from = m.index + m[0].length;
  }
  if (from < body.length) parts.push({ kind: "text", text: body.slice(from) });
  return parts;
}
