/**
 * `Content-Disposition: attachment` for a stored file name (RFC 6266): an ASCII `filename` for old
 * clients and the exact name as `filename*` in UTF-8 (RFC 8187), so *Laporan Kuala Nanggroë.pdf*
 * downloads under its own name while the header itself stays ASCII.
 * @example attachmentDisposition("Foto KTP (1).png") // `attachment; filename="Foto KTP (1).png"; filename*=UTF-8''Foto%20KTP%20%281%29.png`
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
