/**
 * The name an uploaded file is stored and offered under. Whatever the browser sent, the result is
 * one path segment of letters (any script, so *Laporan Dinas Pendidikan — Kuala Nanggroë* keeps its
 * letters), digits, spaces and `. - _ ( )`, no control or direction-override characters (which can
 * make `gpj.exe` read as `exe.jpg`), at most {@link MAX_FILE_NAME_LENGTH} characters, and ending in
 * the extension of the type detected from the content.
 */
export const MAX_FILE_NAME_LENGTH = 120;

/** Used when nothing of the sent name survives. */
export const FALLBACK_BASE_NAME = "lampiran";

/** Extensions replaced by the detected one rather than kept as part of the name. */
const KNOWN_EXTENSIONS = new Set([
  "pdf",
  "png",
  "jpg",
  "jpeg",
  "jpe",
  "jfif",
  "webp",
  "gif",
  "docx",
  "xlsx",
  "pptx",
  "odt",
  "ods",
  "odp",
  "doc",
  "xls",
  "ppt",
]);

/**
 * @param sent the file name as the client sent it (may carry a path, any characters)
 * @param extension the extension of the detected type, without the dot
 * @example sanitiseFileName("C:\\Users\\budi\\Foto KTP (1).PDF", "png") // "Foto KTP (1).png"
 */
export function sanitiseFileName(sent: string, extension: string): string {
  const lastSegment = sent.split(/[/\\]/).pop() ?? "";
  const cleaned = lastSegment
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/[^\p{L}\p{M}\p{Nd} ._\-()]/gu, "_")
    .replace(/\s+/g, " ");
  const dot = cleaned.lastIndexOf(".");
  const hasKnownExtension = dot >= 0 && KNOWN_EXTENSIONS.has(cleaned.slice(dot + 1).toLowerCase());
  const base = (hasKnownExtension ? cleaned.slice(0, dot) : cleaned)
    .replace(/^[\s.]+/, "")
    .replace(/[\s.]+$/, "")
    .replace(/\.{2,}/g, ".");
  const room = MAX_FILE_NAME_LENGTH - extension.length - 1;
  const kept = [...base]
    .slice(0, room)
    .join("")
    .replace(/[\s.]+$/, "");
  return `${kept || FALLBACK_BASE_NAME}.${extension}`;
}
