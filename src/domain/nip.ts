/**
 * NIP (Nomor Induk Pegawai): 18 digits = birth date YYYYMMDD + appointment (TMT CPNS) YYYYMM
 * + gender 1 (male) | 2 (female) + sequence 3 digits.
 */
/** How many digits a NIP has (the forms' `maxLength`). */
export const NIP_LENGTH = 18;
const NIP_FORMAT = new RegExp(`^\\d{${NIP_LENGTH}}$`);

export type NipPart = "format" | "birth_date" | "appointment" | "gender" | "sequence";
export type NipCheck = { ok: true } | { ok: false; part: NipPart; message: string };

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Checks a NIP's structure and names the part that is wrong.
 * @param nip the 18-digit NIP as typed (spaces are not allowed)
 * @param today the reference date, for "not in the future" checks
 * @example validateNip("198203152006041002") // { ok: true }
 */
export function validateNip(nip: string, today: Date = new Date()): NipCheck {
  if (!NIP_FORMAT.test(nip)) {
    return { ok: false, part: "format", message: `NIP must be exactly ${NIP_LENGTH} digits` };
  }
  const birthYear = Number(nip.slice(0, 4));
  const birthMonth = Number(nip.slice(4, 6));
  const birthDay = Number(nip.slice(6, 8));
  const thisYear = today.getUTCFullYear();
  if (birthYear < 1940 || !isRealDate(birthYear, birthMonth, birthDay) || birthYear > thisYear - 17) {
    return { ok: false, part: "birth_date", message: "Digits 1-8 must be a real birth date (YYYYMMDD)" };
  }
  const apptYear = Number(nip.slice(8, 12));
  const apptMonth = Number(nip.slice(12, 14));
  const apptIndex = apptYear * 12 + apptMonth;
  const nowIndex = thisYear * 12 + today.getUTCMonth() + 1;
  if (apptMonth < 1 || apptMonth > 12 || apptIndex > nowIndex || apptYear < birthYear + 17) {
    return {
      ok: false,
      part: "appointment",
      message:
        "Digits 9-14 must be the appointment month (YYYYMM), at least 17 years after birth and not in the future",
    };
  }
  if (nip[14] !== "1" && nip[14] !== "2") {
    return { ok: false, part: "gender", message: "Digit 15 must be 1 (male) or 2 (female)" };
  }
  if (nip.slice(15) === "000") {
    return { ok: false, part: "sequence", message: "Digits 16-18 are a sequence number from 001" };
  }
  return { ok: true };
}
