import { describe, expect, it } from "vitest";
import { ABILITIES, ABILITY_NAMES, abilitiesOf } from "../../src/domain/abilities";
import { ACTIONS, can, decide, type Actor } from "../../src/domain/policy";
import type { Role } from "../../src/domain/roles";

const actor = (roles: Role[], userId = 1, agencyId = 10): Actor => ({
  userId,
  agencyId,
  unitId: 100,
  roles: ["asn", ...roles],
});
const asn = actor([]);
const admin = actor(["admin"]);
const superadmin = actor(["superadmin"]);

describe("decide", () => {
  it("answers not_found, never forbidden, for an object of another agency", () => {
    for (const action of ACTIONS) {
      expect(decide(admin, action, { agencyId: 11 })).toBe("not_found");
      expect(decide(asn, action, { agencyId: 11 })).toBe("not_found");
    }
  });

  it("lets a superadmin manage agencies across the platform, and nobody else", () => {
    expect(decide(superadmin, "agency.manage", { agencyId: 11 })).toBe("allow");
    expect(decide(admin, "agency.manage")).toBe("forbidden");
  });

  it("lets the agency admin manage units and users; ASN, reviewer, leader and superadmin may not", () => {
    for (const action of ["unit.manage", "user.manage", "audit.read"] as const) {
      expect(decide(admin, action, { agencyId: 10 })).toBe("allow");
      for (const other of [asn, actor(["reviewer"]), actor(["leader"]), superadmin]) {
        expect(decide(other, action, { agencyId: 10 })).toBe("forbidden");
      }
    }
  });

  it("keeps an account holding superadmin out of an agency admin's hands", () => {
    expect(decide(admin, "user.manage", { agencyId: 10, roles: ["asn", "superadmin"] })).toBe("forbidden");
    expect(decide(actor(["admin", "superadmin"]), "user.manage", { agencyId: 10, roles: ["asn", "superadmin"] })).toBe(
      "allow",
    );
  });

  it("lets only a superadmin grant superadmin", () => {
    expect(can(admin, "role.grant_superadmin")).toBe(false);
    expect(can(superadmin, "role.grant_superadmin")).toBe(true);
  });

  it("shows NIP and e-mail to the agency admin and the person themself only", () => {
    expect(can(asn, "user.read_private", { agencyId: 10, ownerId: 2 })).toBe(false);
    expect(can(asn, "user.read_private", { agencyId: 10, ownerId: 1 })).toBe(true);
    expect(can(actor(["leader"]), "user.read_private", { agencyId: 10, ownerId: 2 })).toBe(false);
    expect(can(admin, "user.read_private", { agencyId: 10, ownerId: 2 })).toBe(true);
    expect(can(admin, "user.read_private", { agencyId: 11, ownerId: 2 })).toBe(false);
  });

  it("lets everyone read the directory of their own agency", () => {
    expect(decide(asn, "directory.read", { agencyId: 10 })).toBe("allow");
  });
});

describe("abilitiesOf", () => {
  it("answers each ability as the policy decides its action without an object", () => {
    for (const person of [asn, admin, superadmin, actor(["leader"]), actor(["reviewer"])]) {
      const abilities = abilitiesOf(person);
      for (const name of ABILITY_NAMES) expect(abilities[name]).toBe(can(person, ABILITIES[name]));
    }
  });

  it("lets the admin moderate and the leader announce awards, and neither the other's", () => {
    expect(abilitiesOf(admin)).toMatchObject({ moderate: true, announceAwards: false });
    expect(abilitiesOf(actor(["leader"]))).toMatchObject({ moderate: false, announceAwards: true });
  });

  it("keeps a guest, who holds no other role, from everything", () => {
    const guest: Actor = { userId: 2, agencyId: 10, unitId: 100, roles: ["guest"] };
    expect(Object.values(abilitiesOf(guest)).some(Boolean)).toBe(false);
  });
});
