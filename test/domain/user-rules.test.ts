import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/policy";
import { accountChangeIssues, diffFields } from "../../src/domain/user-rules";

const admin: Actor = { userId: 1, agencyId: 10, unitId: 100, roles: ["asn", "admin"] };
const platform: Actor = { ...admin, roles: ["asn", "admin", "superadmin"] };
const account = (id: number, roles: Actor["roles"], active = true) => ({ id, roles, active });

describe("accountChangeIssues", () => {
  it("finds nothing wrong with an ordinary change", () => {
    expect(accountChangeIssues(admin, account(2, ["asn"]), { roles: ["asn", "reviewer"], active: false })).toEqual([]);
  });

  it("refuses an admin granting or revoking superadmin", () => {
    expect(accountChangeIssues(admin, null, { roles: ["asn", "superadmin"], active: true })).toEqual([
      { code: "role.superadmin_forbidden", field: "roles" },
    ]);
    expect(accountChangeIssues(admin, account(2, ["asn", "superadmin"]), { roles: ["asn"], active: true })).toEqual([
      { code: "role.superadmin_forbidden", field: "roles" },
    ]);
    expect(accountChangeIssues(platform, null, { roles: ["asn", "superadmin"], active: true })).toEqual([]);
  });

  it("refuses an admin locking themself out", () => {
    expect(accountChangeIssues(admin, account(1, ["asn", "admin"]), { roles: ["asn"], active: false })).toEqual([
      { code: "user.cannot_demote_self", field: "roles" },
      { code: "user.cannot_deactivate_self", field: "active" },
    ]);
  });
});

describe("diffFields", () => {
  it("reports only the fields that change, with before and after", () => {
    expect(diffFields({ name: "A", unitId: 1, roles: "asn" }, { name: "A", unitId: 2 })).toEqual({
      unitId: { from: 1, to: 2 },
    });
  });

  it("ignores fields left out", () => {
    expect(diffFields({ name: "A" }, { name: undefined })).toEqual({});
  });
});
