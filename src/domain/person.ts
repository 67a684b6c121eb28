/**
 * The fields of a person that an admin types or imports, with the one normalisation and the one
 * set of limits that the API schemas and the CSV import share.
 */
import { ASSIGNABLE_ROLES, type Role } from "./roles";

export const NAME_MAX = 200;
export const POSITION_MAX = 200;
export const EMAIL_MAX = 254;

/** Practical e-mail shape: one `@`, a dotted domain, no spaces. */
export const EMAIL_PATTERN = /^[A-Za-z0-9_'+\-.]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/** E-mail is stored lower-case, so sign-in and uniqueness ignore case. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const isEmail = (email: string) => email.length <= EMAIL_MAX && EMAIL_PATTERN.test(email);

const KNOWN = new Set<string>(ASSIGNABLE_ROLES);

/**
 * Roles as a CSV cell writes them: separated by `|` or `;`, any case; empty means `asn`.
 * @returns the roles, or the first unknown name
 * @example parseRoleList("ASN|reviewer") // { ok: true, roles: ["asn", "reviewer"] }
 */
export function parseRoleList(cell: string): { ok: true; roles: Role[] } | { ok: false; unknown: string } {
  const names = cell
    .split(/[|;]/)
    .map((r) => r.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.find((n) => !KNOWN.has(n));
  if (unknown !== undefined) return { ok: false, unknown };
  return { ok: true, roles: [...new Set(names.length ? (names as Role[]) : (["asn"] as Role[]))] };
}
