/**
 * A complainant's personal data never reaches the database (UU PDP; SP4N-LAPOR!'s own data API leaves
 * it out too): columns that carry it are dropped whole, and numbers and addresses that identify a
 * person are cut out of the free text of the complaints that are kept.
 */

/** Header words that mark a column of the complainant's personal data. */
const PERSONAL_WORDS = new Set([
  "nama",
  "name",
  "pelapor",
  "pengadu",
  "reporter",
  "complainant",
  "telepon",
  "telp",
  "tlp",
  "phone",
  "hp",
  "handphone",
  "ponsel",
  "whatsapp",
  "wa",
  "email",
  "e_mail",
  "surel",
  "mail",
  "nik",
  "ktp",
  "identitas",
  "alamat",
  "address",
  "lahir",
  "kelamin",
  "gender",
]);

/**
 * Whether a header (already folded to `snake_case`) names a column of personal data.
 * @example isPersonalColumn("nama_pelapor") // true
 * @example isPersonalColumn("lokasi") // false
 */
export function isPersonalColumn(header: string): boolean {
  if (PERSONAL_WORDS.has(header)) return true;
  return header.split("_").some((word) => PERSONAL_WORDS.has(word));
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** a NIK (16 digits), alone or written in groups */
const NIK = /(?<!\d)\d{6}[ .-]?\d{6}[ .-]?\d{4}(?!\d)/g;
/** mobile numbers (+62 8…, 62 8…, 08…) and landlines with an area code ((061) 123456, 021-1234567) */
const PHONE =
  /(?<![\w+])(?:(?:\+62|62|0)[ .-]?8\d(?:[ .-]?\d){6,11}|\(0\d{2,3}\)[ .-]?\d(?:[ .-]?\d){4,7}|0\d{2,3}[ .-]\d(?:[ .-]?\d){4,7})(?!\d)/g;

export const REDACTED = { email: "[email]", nik: "[NIK]", phone: "[telepon]" } as const;

/**
 * The text without e-mail addresses, NIK-like 16-digit numbers and phone numbers.
 * @returns the cleaned text and how many pieces were cut
 * @example stripPersonalData("Hubungi 0812-3456-7890 atau budi@mail.com") // { text: "Hubungi [telepon] atau [email]", removed: 2 }
 */
export function stripPersonalData(text: string): { text: string; removed: number } {
  let removed = 0;
  const cut = (pattern: RegExp, mark: string) => (value: string) =>
    value.replace(pattern, () => {
      removed += 1;
      return mark;
    });
  const cleaned = [cut(EMAIL, REDACTED.email), cut(NIK, REDACTED.nik), cut(PHONE, REDACTED.phone)].reduce(
    (value, step) => step(value),
    text,
  );
  return { text: cleaned, removed };
}
