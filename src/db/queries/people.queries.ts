/**
 * Colleagues as a commenter sees them: name, position, unit, and the handle that mentions them.
 * Never a NIP or an e-mail (admins only, UU PDP).
 */
import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { as } from "../alias";
import type { Database } from "../client";
import { units, users } from "../schema";

/** Active colleagues of the agency with exactly this person's name (by the (agency, name) index). */
const n = alias(users, "n");
const namesakes = sql<number>`(SELECT count(*) FROM ${users} ${n} WHERE ${n.agencyId} = ${users.agencyId} AND ${n.name} = ${users.name} AND ${n.active} = 1)`;

const personColumns = {
  id: users.id,
  name: users.name,
  position: users.position,
  unitName: as(units.name, "unit_name"),
  namesakes: namesakes.as("namesakes"),
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Up to `limit` active colleagues whose name contains `q`, by name. Walks the (agency, name)
 * index in order and stops at the limit, so a common fragment costs little; a rare one reads the
 * agency's accounts once.
 */
export function searchPeople(db: Database, agencyId: number, q: string, limit: number) {
  return db
    .select(personColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(users.agencyId, agencyId),
        eq(users.active, true),
        sql`${users.name} like ${`%${escapeLike(q)}%`} escape '\\'`,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit);
}

/** The active colleagues of the agency a comment's mentions may name (by NIP or by exact name). */
export function listMentionCandidates(db: Database, agencyId: number, keys: { nips: string[]; names: string[] }) {
  const named: SQL[] = [];
  if (keys.nips.length > 0) named.push(inArray(users.nip, keys.nips));
  if (keys.names.length > 0) named.push(inArray(users.name, keys.names));
  return db
    .select({ ...personColumns, nip: users.nip })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.agencyId, agencyId), eq(users.active, true), or(...named)));
}
