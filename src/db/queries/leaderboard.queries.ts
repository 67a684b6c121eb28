/**
 * Leaderboards read the running totals, highest first, never the ledger. A totals row holds the
 * points of its subject's newest year, quarter and month with their keys (`reward-totals.queries.ts`),
 * so the board of a period reads the rows whose key is that period. People are read through the
 * period kind's board index (agency, key, points — and the rowid every SQLite index ends with; all
 * time has no key), so a page reads the rows it shows plus one. Units have no board index (a unit's
 * totals then move without index entries): a unit board reads its agency's units by the primary key
 * and sorts them — bounded by the units of one agency (tens), not by the data. Ties are ordered by
 * rowid, which a total keeps for good. The totals are folded from the ledger by the scheduler each
 * minute (`reward-fold.queries.ts`): the first page's batch also reads since when points are
 * waiting to be folded, so the board can say how current it is.
 */
import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { runMappedBatch, type Database } from "../client";
import type { PeriodKind } from "../../domain/reward-periods";
import { pointTotals, units, users } from "../schema";
import { pendingSinceStatement } from "./reward-fold.queries";
import { PERIOD_FIELDS } from "./reward-totals.queries";

const [t, u, un] = [alias(pointTotals, "t"), alias(users, "u"), alias(units, "un")];
/** The page of unit totals, cut before the join with `units`. */
const page = sql.identifier("p");

export type LeaderboardRow = {
  rowId: number;
  points: number;
  subjectId: number;
  name: string;
  unitId: number;
  unitName: string;
};

/**
 * @param after the (points, rowid) of the last row of the previous page
 * @example await listLeaderboard(db, { agencyId, period: { kind: "month", key: "2026-11" }, scope: "user", limit: 20 })
 */
export async function listLeaderboard(
  db: Database,
  input: {
    agencyId: number;
    period: Board["period"];
    scope: "user" | "unit";
    limit: number;
    after?: readonly [number, number] | undefined;
  },
): Promise<{ rows: LeaderboardRow[]; pendingSince: number | null }> {
  const { limit, after } = input;
  const n = limit + 1;
  const points = t[PERIOD_FIELDS[input.period.kind].points];
  if (!after) return readRange(db, input, sql`${points} > 0`, n);
  // after a cursor: the rest of its tie group, then (if the page is not full) lower points — each
  // one index range for people; a single `(points, rowid) < (?, ?)` would scan the tie group from its top
  const tied = await readRange(db, input, sql`${points} = ${after[0]} AND ${t}.rowid < ${after[1]}`, n);
  if (tied.rows.length === n) return tied;
  const rest = await readRange(db, input, sql`${points} < ${after[0]} AND ${points} > 0`, n - tied.rows.length);
  return { rows: [...tied.rows, ...rest.rows], pendingSince: tied.pendingSince };
}

/** A row of a board as the statement returns it. */
type RangeRow = {
  row_id: number;
  points: number;
  subject_id: number;
  name: string;
  unit_id: number;
  unit_name: string;
};

/** A board: the agency, the period (its kind and the key of its current one) and people or units. */
type Board = { agencyId: number; period: { kind: PeriodKind; key: string }; scope: "user" | "unit" };

async function readRange(
  db: Database,
  input: Board,
  where: SQL,
  count: number,
): Promise<{ rows: LeaderboardRow[]; pendingSince: number | null }> {
  const { agencyId, period, scope } = input;
  const fields = PERIOD_FIELDS[period.kind];
  const points = t[fields.points];
  const inBoard = sql`${t.agencyId} = ${agencyId}${fields.key === null ? sql`` : sql` AND ${t[fields.key]} = ${period.key}`}`;
  // the scope is a literal, not a parameter: SQLite only uses a partial index it can prove applies
  const query =
    scope === "user"
      ? sql`SELECT ${t}.rowid AS row_id, ${points} AS points, ${t.subjectId}, ${u.name}, ${un.id} AS unit_id, ${un.name} AS unit_name
          FROM ${pointTotals} ${t} INDEXED BY ${sql.identifier(fields.board)}
          JOIN ${users} ${u} ON ${u.id} = ${t.subjectId} JOIN ${units} ${un} ON ${un.id} = ${u.unitId}
          WHERE ${inBoard} AND ${t.subjectType} = 'user' AND ${where}
          ORDER BY ${points} DESC, ${t}.rowid DESC LIMIT ${count}`
      : // the page is cut before the join: only the units shown are read from \`units\`
        sql`SELECT ${page}.row_id, ${page}.points, ${page}.subject_id, ${un.name}, ${un.id} AS unit_id, ${un.name} AS unit_name
          FROM (SELECT ${t}.rowid AS row_id, ${points} AS points, ${t.subjectId} AS subject_id FROM ${pointTotals} ${t}
            WHERE ${inBoard} AND ${t.subjectType} = 'unit' AND ${where}
            ORDER BY ${points} DESC, ${t}.rowid DESC LIMIT ${count}) ${page}
          JOIN ${units} ${un} ON ${un.id} = ${page}.subject_id
          ORDER BY ${page}.points DESC, ${page}.row_id DESC`;
  const [rows, [pending]] = await runMappedBatch(db, [db.all<RangeRow>(query), pendingSinceStatement(db)]);
  const since = pending?.pending_since ?? null;
  return {
    rows: rows.map((r) => ({
      rowId: Number(r.row_id),
      points: Number(r.points),
      subjectId: Number(r.subject_id),
      name: String(r.name),
      unitId: Number(r.unit_id),
      unitName: String(r.unit_name),
    })),
    pendingSince: since === null ? null : Number(since),
  };
}
