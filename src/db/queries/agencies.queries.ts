import { KOTAK_IDE } from "../../domain/campaign-phase";
import { and, asc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { TimeZone } from "../../domain/time-zone";
import { alias } from "drizzle-orm/sqlite-core";
import type { Database, Statement } from "../client";
import { qualified } from "../raw";
import { agencies, campaigns, sessions, units, users } from "../schema";
import { recordAudit, recordAuditIfChanged } from "./audit.queries";

const u = alias(users, "u");

/** Agencies by name, a page at a time (or the one agency `only`). */
export async function listAgencies(
  db: Database,
  page: { limit: number; after?: readonly [string, number]; only?: number },
) {
  const { limit, after, only } = page;
  return db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      region: agencies.region,
      timeZone: agencies.timeZone,
      active: agencies.active,
      deactivatedAt: agencies.deactivatedAt,
      createdAt: agencies.createdAt,
      // qualified: in a one-table select drizzle writes columns bare, and a bare "id" in the
      // subquery would be the person's own id
      people:
        sql<number>`(SELECT count(*) FROM ${users} ${u} WHERE ${qualified(u.agencyId)} = ${qualified(agencies.id)} AND ${qualified(u.active)})`.as(
          "people",
        ),
    })
    .from(agencies)
    .where(
      and(
        only === undefined ? undefined : eq(agencies.id, only),
        after
          ? or(gt(agencies.name, after[0]), and(eq(agencies.name, after[0]), gt(agencies.id, after[1])))
          : undefined,
      ),
    )
    .orderBy(asc(agencies.name), asc(agencies.id))
    .limit(limit + 1);
}

/** An agency as the platform admin sees it (`PATCH /agencies/{id}`). */
export async function getAgencyState(db: Database, id: number) {
  const [row] = await db
    .select({ id: agencies.id, name: agencies.name, active: agencies.active })
    .from(agencies)
    .where(eq(agencies.id, id));
  return row;
}

/** What the settings page and the public pages read of an agency. */
const agencyColumns = {
  id: agencies.id,
  slug: agencies.slug,
  name: agencies.name,
  region: agencies.region,
  timeZone: agencies.timeZone,
  settings: agencies.settings,
  emblemKey: agencies.emblemKey,
};

/** An agency's public face by its slug: only an active agency has one. */
export async function getPublicAgency(db: Database, slug: string) {
  const [row] = await db
    .select(agencyColumns)
    .from(agencies)
    .where(and(eq(agencies.slug, slug), eq(agencies.active, true)));
  return row;
}

/** The caller's own agency with its settings (`GET /agency`). */
export async function getAgency(db: Database, id: number) {
  const [row] = await db.select(agencyColumns).from(agencies).where(eq(agencies.id, id));
  return row;
}

export type AgencyRow = NonNullable<Awaited<ReturnType<typeof getAgency>>>;

/** The admin changes the agency's name or settings, with its audit row. */
export function updateAgencyStatements(
  db: Database,
  input: { id: number; name: string; settings: string; actorId: number; now: number; detail: Record<string, unknown> },
): Statement[] {
  const { id, name, settings, actorId, now, detail } = input;
  return [
    db.update(agencies).set({ name, settings }).where(eq(agencies.id, id)),
    recordAudit(db, {
      agencyId: id,
      actorId,
      action: "agency.update",
      subjectType: "agency",
      subjectId: id,
      detail,
      at: now,
    }),
  ];
}

/**
 * The emblem's object key changes from `from` to `to` (either may be null), only if it is still
 * `from` (a concurrent upload makes this a no-op: the caller then discards its object).
 */
export function replaceEmblemStatements(
  db: Database,
  input: { id: number; from: string | null; to: string | null; actorId: number; now: number },
) {
  const { id, from, to, actorId, now } = input;
  return {
    replaced: db
      .update(agencies)
      .set({ emblemKey: to })
      .where(and(eq(agencies.id, id), from === null ? isNull(agencies.emblemKey) : eq(agencies.emblemKey, from))),
    effects: [
      recordAuditIfChanged(db, {
        agencyId: id,
        actorId,
        action: to === null ? "agency.emblem_remove" : "agency.emblem_set",
        subjectType: "agency",
        subjectId: id,
        detail: {},
        at: now,
      }),
    ],
  };
}

/**
 * The platform admin deactivates or reactivates an agency. Deactivating ends every session of its
 * people at once (reactivating does not bring them back: people sign in again).
 */
export function setAgencyActiveStatements(
  db: Database,
  input: { id: number; active: boolean; actorId: number; now: number },
): Statement[] {
  const { id, active, actorId, now } = input;
  const out: Statement[] = [
    db
      .update(agencies)
      .set({ active, deactivatedAt: active ? null : now })
      .where(and(eq(agencies.id, id), eq(agencies.active, !active))),
    recordAuditIfChanged(db, {
      agencyId: id,
      actorId,
      action: active ? "agency.reactivate" : "agency.deactivate",
      subjectType: "agency",
      subjectId: id,
      detail: {},
      at: now,
    }),
  ];
  if (!active) {
    out.push(
      db
        .update(sessions)
        .set({ revokedAt: now })
        .where(
          and(
            isNull(sessions.revokedAt),
            inArray(sessions.userId, db.select({ id: users.id }).from(users).where(eq(users.agencyId, id))),
          ),
        ),
    );
  }
  return out;
}

export async function getAgencyIdBySlug(db: Database, slug: string) {
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, slug));
  return row?.id;
}

/** Every agency starts with its always-open Kotak Ide, where an idea goes when no campaign is named. */
export type NewAgency = {
  agency: { slug: string; name: string; region: string; timeZone: TimeZone };
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
