export const ROLES = ["asn", "reviewer", "leader", "admin", "superadmin"] as const;
export type Role = (typeof ROLES)[number];

const ORDER = new Map(ROLES.map((r, i) => [r, i]));

/** Stored form: comma-separated, known roles only, in a fixed order, `asn` always present. */
export function serializeRoles(roles: readonly Role[]): string {
  return [...new Set<Role>(["asn", ...roles])].sort((a, b) => ORDER.get(a)! - ORDER.get(b)!).join(",");
}

export function parseRoles(stored: string): Role[] {
  return stored.split(",").filter((r): r is Role => ORDER.has(r as Role));
}
