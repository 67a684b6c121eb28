/**
 * `guest` is an external reviewer (an academic or partner, issue 20.5): no NIP, invited by e-mail,
 * holding no other role, reaching only their round assignments (`guestMayCall`).
 */
export const ROLES = ["asn", "reviewer", "leader", "admin", "superadmin", "guest"] as const;
export type Role = (typeof ROLES)[number];

/** The roles an admin grants to a colleague: a guest account is made by invitation only. */
export const ASSIGNABLE_ROLES = ["asn", "reviewer", "leader", "admin", "superadmin"] as const satisfies readonly Role[];

const ORDER = new Map(ROLES.map((r, i) => [r, i]));

/**
 * Stored form: comma-separated, known roles only, in a fixed order, `asn` always present — except
 * for a guest, whose account holds `guest` alone.
 */
export function serializeRoles(roles: readonly Role[]): string {
  if (roles.includes("guest")) return "guest";
  return [...new Set<Role>(["asn", ...roles])].sort((a, b) => ORDER.get(a)! - ORDER.get(b)!).join(",");
}

export function parseRoles(stored: string): Role[] {
  return stored.split(",").filter((r): r is Role => ORDER.has(r as Role));
}

/**
 * API paths (under `/api/v1`) a guest reviewer may call: their session, their round assignments,
 * and the export of their own personal data (UU PDP holds for them too).
 */
const GUEST_PATHS = [
  /^\/auth\/(me|logout|logout-all|password)$/,
  /^\/round-assignments(\/[^/]+(\/conflict|\/photos(\/[^/]+)?)?)?$/,
  /^\/me\/export$/,
];

/** Whether a guest may call `path` (`/api/v1/...`); everything else of the agency is closed to them. */
export const guestMayCall = (path: string) =>
  path.startsWith("/api/v1/") && GUEST_PATHS.some((p) => p.test(path.slice("/api/v1".length)));
