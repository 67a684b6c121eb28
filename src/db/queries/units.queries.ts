import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Database } from "../client";
import { units, users } from "../schema";
import { recordAudit, recordAuditIfChanged } from "./audit.queries";

const unitColumns = {
  id: units.id,
  parentId: units.parentId,
  code: units.code,
  name: units.name,
  active: units.active,
};

/** Every unit of an agency (the tree is small: an agency has tens to hundreds). */
export async function listUnits(db: Database, agencyId: number, options: { activeOnly?: boolean } = {}) {
  return db
    .select(unitColumns)
    .from(units)
    .where(and(eq(units.agencyId, agencyId), options.activeOnly ? eq(units.active, true) : undefined))
    .orderBy(asc(units.name));
}

export async function getUnit(db: Database, agencyId: number, id: number) {
  const [row] = await db
    .select(unitColumns)
    .from(units)
    .where(and(eq(units.agencyId, agencyId), eq(units.id, id)));
  return row;
}

export async function getUnitIdByCode(db: Database, agencyId: number, code: string) {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.agencyId, agencyId), eq(units.code, code)));
  return row?.id;
}

/** What still hangs on a unit: it cannot be deactivated while it has active members or sub-units. */
export async function getUnitUsage(db: Database, unitId: number) {
  const [row] = await db
    .select({
      activeUsers: sql<number>`(select count(*) from ${users} where ${users.unitId} = ${unitId} and ${users.active} = 1)`,
      activeChildren: sql<number>`(select count(*) from ${units} where ${units.parentId} = ${unitId} and ${units.active} = 1)`,
    })
    .from(sql`(select 1)`);
  return { activeUsers: Number(row?.activeUsers ?? 0), activeChildren: Number(row?.activeChildren ?? 0) };
}

type UnitWrite = { agencyId: number; actorId: number; now: number };

/** @returns the new unit's id */
export async function createUnit(
  db: Database,
  input: UnitWrite & { parentId: number | null; code: string; name: string },
) {
  const { agencyId, actorId, now, parentId, code, name } = input;
  const [rows] = await db.batch([
    db.insert(units).values({ agencyId, parentId, code, name, createdAt: now }).returning({ id: units.id }),
    recordAudit(db, {
      agencyId,
      actorId,
      action: "unit.create",
      subjectType: "unit",
      subjectId: sql`(select ${units.id} from ${units} where ${units.agencyId} = ${agencyId} and ${units.code} = ${code})`,
      detail: { code, name, parentId },
      at: now,
    }),
  ]);
  return rows[0]!.id;
}

/**
 * Edits a unit in one batch with its audit row. The update re-checks, inside the transaction,
 * the rules the handler checked on what it read: a new parent is of the same agency and not the
 * unit itself or below it, and a unit is deactivated only when nothing active hangs on it.
 * @returns false when a rule no longer held (someone changed the tree meanwhile); nothing was written
 */
export async function updateUnit(
  db: Database,
  input: UnitWrite & {
    id: number;
    set: { name?: string; code?: string; parentId?: number | null; active?: boolean };
    changes: Record<string, { from: unknown; to: unknown }>;
  },
): Promise<boolean> {
  const { agencyId, actorId, now, id, set, changes } = input;
  const parentId = set.parentId;
  // the new parent, a unit up its chain, a member, a child unit
  const [p, u, m, c] = [alias(units, "p"), alias(units, "u"), alias(users, "m"), alias(units, "c")];
  const parentRule =
    parentId === undefined || parentId === null
      ? undefined
      : sql`exists (select 1 from ${units} ${p} where ${p.id} = ${parentId} and ${p.agencyId} = ${agencyId})
        and not exists (
          with recursive chain(id) as (
            select ${parentId}
            union
            select ${u.parentId} from ${units} ${u} join chain on ${u.id} = chain.id where ${u.parentId} is not null
          )
          select 1 from chain where chain.id = ${id})`;
  const deactivateRule =
    set.active === false
      ? sql`not exists (select 1 from ${users} ${m} where ${m.unitId} = ${id} and ${m.active} = 1)
        and not exists (select 1 from ${units} ${c} where ${c.parentId} = ${id} and ${c.active} = 1)`
      : undefined;
  const [result] = await db.batch([
    db
      .update(units)
      .set(set)
      .where(and(eq(units.id, id), eq(units.agencyId, agencyId), parentRule, deactivateRule)),
    recordAuditIfChanged(db, {
      agencyId,
      actorId,
      action: set.active === false ? "unit.deactivate" : "unit.update",
      subjectType: "unit",
      subjectId: id,
      detail: { changes },
      at: now,
    }),
  ]);
  return result.meta.changes > 0;
}
