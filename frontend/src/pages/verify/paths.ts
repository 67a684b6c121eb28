/** The public verification page; the QR code on a certificate points at `/verifikasi/<code>`. */
export const VERIFY_PATH = "/verifikasi";

const PREFIX = "GGS";
const SYMBOLS = 28;

/**
 * A code as typed, tidied for the address bar: upper case, `GGS-` and groups of four when it has
 * the length of a code; otherwise as typed (trimmed), for the server to judge. The server reads
 * codes forgivingly anyway (O for 0, I or L for 1).
 * @example tidyCode("ggs 8qrp pez9 7n6a sdk8 j9hf qhwk bygg") // "GGS-8QRP-PEZ9-7N6A-SDK8-J9HF-QHWK-BYGG"
 */
export function tidyCode(typed: string): string {
  const compact = typed.toUpperCase().replace(/[^0-9A-Z]/g, "");
  const body = compact.startsWith(PREFIX) ? compact.slice(PREFIX.length) : compact;
  if (body.length !== SYMBOLS) return typed.trim();
  return [PREFIX, ...(body.match(/.{4}/g) ?? [])].join("-");
}

export const verifyPath = (code: string) => `${VERIFY_PATH}/${encodeURIComponent(tidyCode(code))}`;
