/**
 * Password rules (OWASP ASVS 5): 8–128 characters, any characters allowed, and none of the most
 * common passwords (international and Indonesian lists, compared case-insensitively).
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const COMMON = new Set(
  `123456 123456789 12345678 password qwerty123 qwerty 1q2w3e4r 111111 1234567890 123123 000000 iloveyou
  1234567 password1 123321 654321 qwertyuiop 123456a a123456 abc123 password123 admin123 admin1234 welcome
  welcome1 letmein monkey dragon sunshine princess football baseball superman trustno1 passw0rd p@ssw0rd
  p@ssword qwe123 zaq12wsx 1qaz2wsx asdfghjkl asdf1234 11111111 22222222 88888888 12341234 87654321
  indonesia indonesia1 indonesia123 merdeka merdeka45 bismillah bismillah123 alhamdulillah sayang sayangku
  sayang123 rahasia rahasia123 cintaku cinta123 katasandi kata sandi sandi123 jakarta jakarta123 bandung
  bandung123 pancasila garuda garuda123 persib persib1933 persija admin admin@123 administrator
  pemerintah pemkot123 asn12345 asn123456 pegawai pegawai123 pnsindonesia gagas123 gagas2026 binjai123
  lhokseumawe pangkalpinang andir123 kominfo kominfo123 selamat selamat123 semangat semangat45
  changeme changeme123 default default123 user1234 test1234 testing123 qwerty12 qwerty1234 12qwaszx`
    .split(/\s+/)
    .filter(Boolean),
);

export type PasswordIssue = "too_short" | "too_long" | "too_common";

/** @returns the first rule the password breaks, or null when it is acceptable */
export function checkPassword(password: string, context: { nip?: string; email?: string } = {}): PasswordIssue | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return "too_short";
  if (length > PASSWORD_MAX) return "too_long";
  const lower = password.toLowerCase();
  const personal = [context.nip, context.email?.split("@")[0]].filter((v): v is string => Boolean(v));
  if (COMMON.has(lower) || personal.some((p) => lower === p.toLowerCase())) return "too_common";
  return null;
}
