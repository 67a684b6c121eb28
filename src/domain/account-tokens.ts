/**
 * One-time account links and codes: how long they live and how a printed code is written and read.
 * The e-mailed link carries a 256-bit token; the printed sheet carries a 12-character code of an
 * alphabet without look-alikes (60 bits), typed by hand, so its attempts are throttled per address.
 */
const HOUR = 60 * 60 * 1000;

export const ACTIVATION_TTL_MS = 14 * 24 * HOUR;
export const RESET_TTL_MS = HOUR / 2;

/** Wrong tokens and codes allowed from one address in the window before it must wait. */
export const TOKEN_GUESS_RULE = { limit: 20, windowMs: 15 * 60 * 1000 } as const;
/** Reset e-mails one account gets in an hour (more requests are answered the same and send nothing). */
export const RESET_PER_ACCOUNT_HOUR = 3;
/** Reset requests one address may make in an hour. */
export const RESET_PER_ADDRESS_HOUR = 10;

/** 32 characters, so a random byte maps to one without bias; no 0/O, no 1/I. */
const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const CODE_LENGTH = 12;

/**
 * A fresh activation code, grouped by four for reading aloud.
 * @example activationCode() // "K7QM-3XPZ-HD9R"
 */
export function activationCode(): string {
  const chars = [...crypto.getRandomValues(new Uint8Array(CODE_LENGTH))].map((b) => CODE_ALPHABET[b % 32]!);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

/**
 * What is hashed for lookup: a typed code without dashes, spaces or case; anything else as given.
 * @example tokenLookupValue("k7qm 3xpz-hd9r") // "code:K7QM3XPZHD9R"
 */
export function tokenLookupValue(input: string): string {
  const compact = input.replace(/[\s-]/g, "").toUpperCase();
  if (compact.length === CODE_LENGTH && [...compact].every((c) => CODE_ALPHABET.includes(c))) return `code:${compact}`;
  return input.trim();
}
