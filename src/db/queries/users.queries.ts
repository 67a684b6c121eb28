import { eq } from "drizzle-orm";
import { as } from "../alias";
import type { Database } from "../client";
import { agencies, units, users } from "../schema";

/** A person with their unit and agency: what `me` and the profile show. */
export async function getProfile(db: Database, userId: number) {
  const [row] = await db
    .select({
      id: users.id,
      nip: users.nip,
      name: users.name,
      email: users.email,
      position: users.position,
      roles: users.roles,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      createdAt: users.createdAt,
      lastLoginAt: users.lastLoginAt,
      unitId: as(units.id, "unit_id"),
      unitCode: units.code,
      unitName: as(units.name, "unit_name"),
      agencyId: as(agencies.id, "agency_id"),
      agencySlug: agencies.slug,
      agencyName: as(agencies.name, "agency_name"),
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

export async function getPasswordHash(db: Database, userId: number) {
  const [row] = await db
    .select({ passwordHash: users.passwordHash, nip: users.nip, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

export function setPassword(db: Database, userId: number, passwordHash: string, now: number) {
  return db.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: now }).where(eq(users.id, userId));
}
