import { KOTAK_IDE } from "../../domain/campaign-phase";
import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { agencies, campaigns, units, users } from "../schema";
import { recordAudit } from "./audit.queries";

/** Agencies by name, a page at a time. */
export async function listAgencies(db: Database, page: { limit: number; after?: readonly [string, number] }) {
  const { limit, after } = page;
  return db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      region: agencies.region,
      createdAt: agencies.createdAt,
    })
    .from(agencies)
    .where(
      after ? or(gt(agencies.name, after[0]), and(eq(agencies.name, after[0]), gt(agencies.id, after[1]))) : undefined,
    )
    .orderBy(asc(agencies.name), asc(agencies.id))
    .limit(limit + 1);
}

export async function getAgencyIdBySlug(db: Database, slug: string) {
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, slug));
  return row?.id;
}

/** Every agency starts with its always-open Kotak Ide, where an idea goes when no campaign is named. */
export type NewAgency = {
  agency: { slug: string; name: string; region: string };
  rootUnit: { code: string; name: string };
  admin: { nip: string; name: string; email: string; position: string; passwordHash: string };
  actorId: number;
  now: number;
};

/**
 * A new agency with its root unit, its first admin and its Kotak Ide, in one batch (one
 * transaction): the later rows find the agency and unit by their natural keys, so no id has to
 * come back in between.
 * @returns the new rows' ids
 */
export async function createAgency(db: Database, input: NewAgency) {
  const { agency, rootUnit, admin, actorId, now } = input;
  const agencyId = sql`(select ${agencies.id} from ${agencies} where ${agencies.slug} = ${agency.slug})`;
  const unitId = sql`(select ${units.id} from ${units} where ${units.agencyId} = ${agencyId} and ${units.code} = ${rootUnit.code})`;
  const [agencyRows, unitRows, userRows] = await db.batch([
    db
      .insert(agencies)
      .values({ ...agency, createdAt: now })
      .returning({ id: agencies.id }),
    db
      .insert(units)
      .values({ agencyId, code: rootUnit.code, name: rootUnit.name, createdAt: now })
      .returning({ id: units.id }),
    db
      .insert(users)
      .values({
        agencyId,
        unitId,
        nip: admin.nip,
        name: admin.name,
        email: admin.email,
        position: admin.position,
        roles: "asn,admin",
        passwordHash: admin.passwordHash,
        mustChangePassword: true,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id }),
    db.insert(campaigns).values({
      agencyId,
      kind: KOTAK_IDE.kind,
      title: KOTAK_IDE.title,
      description: KOTAK_IDE.description,
      categories: JSON.stringify(KOTAK_IDE.categories),
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
    }),
    recordAudit(db, {
      agencyId,
      actorId,
      action: "agency.create",
      subjectType: "agency",
      subjectId: agencyId,
      detail: { ...agency, rootUnit, admin: { nip: admin.nip, name: admin.name, email: admin.email } },
      at: now,
    }),
  ]);
  return { agencyId: agencyRows[0]!.id, unitId: unitRows[0]!.id, adminId: userRows[0]!.id };
}
