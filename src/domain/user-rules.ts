/**
 * Rules for changing an account that the policy table alone cannot say, because they compare
 * the account before and after: who may grant `superadmin`, and that an admin cannot lock
 * themself out.
 */
import { can, type Actor } from "./policy";
import type { Role } from "./roles";

export type AccountState = { roles: readonly Role[]; active: boolean };

export type AccountIssue =
  /** granting or revoking `superadmin` needs a superadmin */
  | { code: "role.superadmin_forbidden"; field: "roles" }
  /** an admin removing their own admin role */
  | { code: "user.cannot_demote_self"; field: "roles" }
  /** an admin deactivating themself */
  | { code: "user.cannot_deactivate_self"; field: "active" };

export const ACCOUNT_ISSUE_MESSAGES: Record<AccountIssue["code"], string> = {
  "role.superadmin_forbidden": "Only a superadmin may grant or revoke the superadmin role",
  "user.cannot_demote_self": "You cannot remove your own admin role; ask another admin",
  "user.cannot_deactivate_self": "You cannot deactivate your own account; ask another admin",
};

/**
 * @param actor who makes the change
 * @param account the account as it is (`null` when it is being created) and its id
 * @param next the account as it would be
 * @example accountChangeIssues(admin, { id: admin.userId, roles: ["asn", "admin"], active: true }, { roles: ["asn"], active: true })
 * // [{ code: "user.cannot_demote_self", field: "roles" }]
 */
export function accountChangeIssues(
  actor: Actor,
  account: (AccountState & { id: number }) | null,
  next: AccountState,
): AccountIssue[] {
  const issues: AccountIssue[] = [];
  const before = account?.roles ?? [];
  if (before.includes("superadmin") !== next.roles.includes("superadmin") && !can(actor, "role.grant_superadmin")) {
    issues.push({ code: "role.superadmin_forbidden", field: "roles" });
  }
  if (account?.id === actor.userId) {
    if (before.includes("admin") && !next.roles.includes("admin")) {
      issues.push({ code: "user.cannot_demote_self", field: "roles" });
    }
    if (account.active && !next.active) issues.push({ code: "user.cannot_deactivate_self", field: "active" });
  }
  return issues;
}

/**
 * What an edit changes, field by field, for the audit log.
 * @example diffFields({ name: "A", position: "x" }, { name: "B", position: "x" }) // { name: { from: "A", to: "B" } }
 */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Partial<Record<keyof T, { from: unknown; to: unknown }>> {
  const changes: Partial<Record<keyof T, { from: unknown; to: unknown }>> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const to = after[key];
    if (to === undefined) continue;
    const from = before[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
