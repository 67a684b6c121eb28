const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** A random token of `bytes` bytes (default 32 = 256 bits), base64url. */
export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** SHA-256 of a token, hex: what is stored instead of the token itself. */
export async function sha256Hex(value: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(value)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** No 0/O, 1/l/I: a temporary password is read aloud or copied from paper. */
const READABLE = "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";

/**
 * A temporary password an admin hands over once: four groups of four readable characters,
 * about 93 bits of randomness (rejection sampling, so every character is equally likely).
 * @example temporaryPassword() // "k7Qm-3xPz-Hd9r-Wt2e"
 */
export function temporaryPassword(): string {
  const limit = 256 - (256 % READABLE.length);
  const chars: string[] = [];
  while (chars.length < 16) {
    for (const b of crypto.getRandomValues(new Uint8Array(32))) {
      if (b < limit && chars.length < 16) chars.push(READABLE[b % READABLE.length]!);
    }
  }
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}
