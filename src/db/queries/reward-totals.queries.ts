/**
 * The one statement that turns ledger rows into running totals (issue 22): the scheduler's fold runs
 * it over the rows past its watermark, and a restore, the demo seed and the bench seed run it over
 * an agency's whole ledger. `point_totals` holds one row per (agency, person or unit) with its
 * all-time points and the points of the newest year, quarter and month it has seen, each with its
 * key; the statement groups the rows per subject and merges them into that row:
 *
 * - all time adds up;
 * - a period whose stored key is older than the rows' newest key restarts at those rows' sum;
 * - rows of the stored key add to it, rows of an older key (folded late across a boundary) only to
 *   all time and to the wider periods whose key still matches.
 *
 * The merge is the same whatever rows a fold happens to take, so folding rows in one run or in
 * several gives the same totals.
 */
import { sql, type SQL } from "drizzle-orm";
import { alias, SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { periodKeySql, type PeriodKind } from "../../domain/reward-periods.ts";
import { bare, columnList, literal } from "../raw.ts";
import { pointLedger, pointTotals } from "../schema.ts";

/** The ledger rows a totals statement reads, as `l` in its condition. */
const l = alias(pointLedger, "l");

type TotalsField = keyof typeof pointTotals.$inferSelect;

/** Where each period kind keeps its points and key, and the board index of people that reads them. */
export const PERIOD_FIELDS = {
  all: { points: "allPoints", key: null, board: "point_totals_all_board" },
  year: { points: "yearPoints", key: "yearKey", board: "point_totals_year_board" },
  quarter: { points: "quarterPoints", key: "quarterKey", board: "point_totals_quarter_board" },
  month: { points: "monthPoints", key: "monthKey", board: "point_totals_month_board" },
} as const satisfies Record<PeriodKind, { points: TotalsField; key: TotalsField | null; board: string }>;

/** A column of the subquery's rows: its month `m` and the subject's newest month `newest`. */
const [m, newest] = ["m", "newest"];
const keyed = (kind: "year" | "quarter" | "month", of: string) => sql.raw(periodKeySql[kind](of));

/**
 * Per person and unit of the rows that `where` selects (a condition on `l`): the columns of a
 * `point_totals` row, named as they are there.
 */
export function totalsOfLedger(where: SQL): SQL {
  const t = pointTotals;
  const month = keyed("month", `"l".${l.day.name}`);
  const subject = sql`CASE k.kind WHEN ${literal("user")} THEN ${l.userId} ELSE ${l.unitId} END`;
  const inPeriod = (kind: "year" | "quarter") =>
    sql`sum(CASE WHEN ${keyed(kind, m)} = ${keyed(kind, newest)} THEN points ELSE 0 END)`;
  // rows per subject and month first, each knowing the subject's newest month (a window over the
  // groups), then per subject; `WHERE true` keeps SQLite from reading an upsert's `ON` as a join's
  return sql`SELECT agency_id AS ${bare(t.agencyId)}, kind AS ${bare(t.subjectType)}, subject AS ${bare(t.subjectId)},
      sum(points) AS ${bare(t.allPoints)},
      ${keyed("year", newest)} AS ${bare(t.yearKey)}, ${inPeriod("year")} AS ${bare(t.yearPoints)},
      ${keyed("quarter", newest)} AS ${bare(t.quarterKey)}, ${inPeriod("quarter")} AS ${bare(t.quarterPoints)},
      ${sql.raw(newest)} AS ${bare(t.monthKey)}, sum(CASE WHEN ${sql.raw(m)} = ${sql.raw(newest)} THEN points ELSE 0 END) AS ${bare(t.monthPoints)}
    FROM (SELECT ${l.agencyId} AS agency_id, k.kind AS kind, ${subject} AS subject, ${month} AS ${sql.raw(m)},
        sum(${l.points}) AS points, max(${month}) OVER (PARTITION BY ${l.agencyId}, k.kind, ${subject}) AS ${sql.raw(newest)}
      FROM ${pointLedger} ${l} CROSS JOIN (SELECT ${literal("user")} AS kind UNION ALL SELECT ${literal("unit")}) k
      WHERE ${where}
      GROUP BY 1, 2, 3, 4)
    WHERE true
    GROUP BY 1, 2, 3`;
}

/** `CASE` merging a period's stored (key, points) with the rows' (see the module's rules). */
function mergedPoints(key: SQL, points: SQL): SQL {
  return sql`CASE WHEN excluded.${key} > ${key} THEN excluded.${points}
    WHEN excluded.${key} = ${key} THEN ${points} + excluded.${points} ELSE ${points} END`;
}

/** The upsert of the totals of the rows `where` selects (a condition on `l`) into `point_totals`. */
export function addLedgerToTotals(where: SQL): SQL {
  const t = pointTotals;
  const set = (["year", "quarter", "month"] as const).map((kind) => {
    const { key, points } = PERIOD_FIELDS[kind];
    const [k, p] = [bare(t[key]), bare(t[points])];
    // `SET` reads the stored row on every right-hand side, so the order of the two does not matter
    return sql`${p} = ${mergedPoints(k, p)}, ${k} = max(${k}, excluded.${k})`;
  });
  return sql`INSERT INTO ${t} (${columnList(t.agencyId, t.subjectType, t.subjectId, t.allPoints, t.yearKey, t.yearPoints, t.quarterKey, t.quarterPoints, t.monthKey, t.monthPoints)})
    ${totalsOfLedger(where)}
    ON CONFLICT(${columnList(t.agencyId, t.subjectType, t.subjectId)}) DO UPDATE SET
      ${bare(t.allPoints)} = ${bare(t.allPoints)} + excluded.${bare(t.allPoints)}, ${sql.join(set, sql`, `)}`;
}

/** An agency's totals again from its whole ledger: the delete, then {@link addLedgerToTotals}. */
export function recomputeTotalsOf(agencyId: number): SQL[] {
  const id = sql.raw(String(Math.trunc(agencyId)));
  return [
    sql`DELETE FROM ${pointTotals} WHERE ${pointTotals.agencyId} = ${id}`,
    addLedgerToTotals(sql`${l.agencyId} = ${id}`),
  ];
}

/**
 * A statement as text, for the scripts and the restore that run SQL files. The statements here
 * bind no parameters (constants are literals), so the text is the whole statement.
 * @throws when the statement binds a parameter
 */
export function statementText(statement: SQL): string {
  const { sql: text, params } = new SQLiteSyncDialect().sqlToQuery(statement);
  if (params.length > 0) throw new Error(`statement binds ${params.length} parameters: inline them as literals`);
  return text;
}

/**
 * For SQL files: {@link addLedgerToTotals} of the ledger rows `l` that `where` selects, as text.
 * @example addLedgerToTotalsText("l.agency_id = 3")
 */
export const addLedgerToTotalsText = (where: string) => statementText(addLedgerToTotals(sql.raw(where)));

/** For checks: {@link totalsOfLedger} as text, the `point_totals` rows the selected ledger rows `l` make. */
export const totalsOfLedgerText = (where: string) => statementText(totalsOfLedger(sql.raw(where)));
