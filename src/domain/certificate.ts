/**
 * Certificates (piagam) of awards: the public verification code each recipient's certificate
 * carries, and how a certificate writes a NIP (its date: `tanggalIndonesia` of `time-zone.ts`).
 *
 * A code is `GGS-` and 28 symbols of Crockford's base32 in groups of four (140 random bits), e.g.
 * `GGS-7K3M-Q9TX-4HNP-2WRZ-8CVD-5FJB-6YAE`. Crockford's alphabet has no I, L, O or U, and reading
 * a code back forgives what people mistype: lower case, missing dashes or spaces, O for 0, I or L for 1.
 */
/** Crockford's base32: digits and upper-case letters without I, L, O, U. */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_PREFIX = "GGS";
const SYMBOLS = 28;
const GROUP = 4;
/** Bytes of randomness a code is made from (144 bits; the first 140 are used). */
export const CODE_BYTES = 18;

/** The path of the public verification page of a code (the QR code on a certificate points there). */
export const verificationPath = (code: string) => `/verifikasi/${code}`;

/**
 * A certificate code from random (or, for the demo seed, hashed) bytes.
 * @param bytes at least {@link CODE_BYTES} bytes
 * @example certificateCode(crypto.getRandomValues(new Uint8Array(CODE_BYTES))) // "GGS-7K3M-Q9TX-4HNP-2WRZ-8CVD-5FJB-6YAE"
 */
export function certificateCode(bytes: Uint8Array): string {
  if (bytes.length < CODE_BYTES) throw new RangeError(`a certificate code needs ${CODE_BYTES} bytes`);
  let bits = 0;
  let value = 0;
  const symbols: string[] = [];
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && symbols.length < SYMBOLS) {
      bits -= 5;
      symbols.push(CODE_ALPHABET[(value >> bits) & 31]!);
    }
  }
  const groups: string[] = [];
  for (let i = 0; i < SYMBOLS; i += GROUP) groups.push(symbols.slice(i, i + GROUP).join(""));
  return [CODE_PREFIX, ...groups].join("-");
}

const CANONICAL = new RegExp(`^${CODE_PREFIX}(-[${CODE_ALPHABET}]{${GROUP}}){${SYMBOLS / GROUP}}$`);

/** Whether `code` is written exactly as {@link certificateCode} writes codes. */
export const isCanonicalCode = (code: string) => CANONICAL.test(code);

/**
 * A code as someone typed or scanned it, in its canonical form; null when it cannot be a code.
 * @example normalizeCertificateCode("ggs 7k3m q9tx 4hnp 2wrz 8cvd 5fjb 6yae") // "GGS-7K3M-Q9TX-4HNP-2WRZ-8CVD-5FJB-6YAE"
 * @example normalizeCertificateCode("GGS-1234") // null
 */
export function normalizeCertificateCode(input: string): string | null {
  if (input.length > 80) return null;
  const compact = input.toUpperCase().replace(/[\s\-–—_.]/g, "");
  const body = compact.startsWith(CODE_PREFIX) ? compact.slice(CODE_PREFIX.length) : compact;
  const symbols = body.replace(/O/g, "0").replace(/[IL]/g, "1");
  if (symbols.length !== SYMBOLS || [...symbols].some((ch) => !CODE_ALPHABET.includes(ch))) return null;
  const groups: string[] = [];
  for (let i = 0; i < SYMBOLS; i += GROUP) groups.push(symbols.slice(i, i + GROUP));
  return [CODE_PREFIX, ...groups].join("-");
}

/**
 * A NIP as it is printed on official documents: birth date, appointment, gender, sequence.
 * @example printedNip("199104172015032001") // "19910417 201503 2 001"
 */
export function printedNip(nip: string): string {
  if (!/^\d{18}$/.test(nip)) return nip;
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}
