/**
 * The reward engine for features: what an action earns, as statements to run in the action's own
 * batch, so that there is never an action without its points nor points without their action.
 *
 * Per batch of ledger rows (at most {@link ROWS_PER_INSERT}, to stay under D1's 100 bound
 * parameters) there is one statement, the ledger insert: `ON CONFLICT(idempotency_key) DO NOTHING`
 * drops a row a retry or a racing request already wrote, and a daily-capped row whose cap was
 * reached meanwhile is not inserted. Badge grants follow (`ON CONFLICT DO NOTHING`). The running
 * totals per period are not written here: the scheduler folds them from the ledger each minute
 * (`reward-fold.queries.ts`), so a vote writes its two ledger rows, not sixteen totals.
 */
import { is, sql, SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { RuleKey } from "../../domain/reward-rules";
import type { TimeZone } from "../../domain/time-zone";
import {
  causeOf,
  reward,
  type BadgeGrant,
  type LedgerRow,
  type RewardEvent,
  type RewardOutcome,
} from "../../domain/rewards";
import type { Database, Statement } from "../client";
import { columnList } from "../raw";
import { ideas, pointLedger, userBadges } from "../schema";
import { readRewardState } from "./reward-state.queries";

type Fresh<E, K extends string> = Omit<E, K> & Record<K, number | SQL<number>>;

/**
 * An event as a feature reports it. The id of a comment, review or award written in the same batch
 * may be given as SQL (e.g. `newestId(comments)`), evaluated when the batch runs.
 */
export type RewardCause =
  | Exclude<RewardEvent, { type: "comment_posted" | "review_completed" | "award_granted" }>
  | Fresh<Extract<RewardEvent, { type: "comment_posted" }>, "commentId">
  | Fresh<Extract<RewardEvent, { type: "review_completed" }>, "reviewId">
  | Fresh<Extract<RewardEvent, { type: "award_granted" }>, "awardId">;

const FRESH_FIELDS = ["commentId", "reviewId", "awardId"] as const;

/** D1 refuses a statement with more bound parameters. */
export const MAX_PARAMETERS = 100;
/** Ledger insert: 11 parameters per row plus 3 shared and the `when` guard's. */
const ROWS_PER_INSERT = 8;
const BADGES_PER_INSERT = 12;

/** A stand-in id (never a real one) for the pure engine while the real id is SQL. */
const PENDING_ID = 0;

function toEvent(cause: RewardCause): { event: RewardEvent; fresh: { id: SQL; causeKey: string } | null } {
  for (const field of FRESH_FIELDS) {
    const value = (cause as Record<string, unknown>)[field];
    if (is(value, SQL)) {
      const event = { ...cause, [field]: PENDING_ID } as RewardEvent;
      return { event, fresh: { id: value, causeKey: causeOf(event).key } };
    }
  }
  return { event: cause as RewardEvent, fresh: null };
}

/**
 * The statements that pay (or take back) what an event earns, to ADD to the batch of the action
 * that causes it. Reads the small state it needs first (one round trip), so call it before running
 * the batch: it sees storage as it was before the action (a vote's idea has its votes without it).
 * @param cause what happened; `at` is the action's time, `actorId` who did it
 * @param options.when a condition evaluated inside the batch: points are written only if it holds,
 *   typically "the guarded write of this action changed a row" (e.g. {@link ideaMovedTo})
 * @returns statements for the caller's `runBatch`, after the action's own statements
 * @example
 * // voting (issue 5), after the guarded vote insert:
 * ...(await rewardStatements(db, { type: "vote_cast", agencyId, actorId: voterId, at: now, ideaId, voterId },
 *   { when: voteCastAt(ideaId, voterId, now) })), // votes.queries.ts
 * // retracting: { type: "vote_retracted", agencyId, actorId: voterId, at: now, ideaId, voterId }
 * // a comment inserted in the same batch: { type: "comment_posted", commentId: newestId(comments), authorId, … }
 * // deleting / hiding it: { type: "comment_deleted" | "comment_hidden", commentId, … }
 * // a submitted review: { type: "review_completed", reviewId, reviewerId, dueAt, … } (late if at > dueAt)
 * // an award: { type: "award_granted", awardId: newestId(awards), recipientIds, points: bonusPoints, … }
 */
export async function rewardStatements(
  db: Database,
  cause: RewardCause,
  options: { when?: SQL } = {},
): Promise<Statement[]> {
  return (await rewardStatementsWith(db, cause, { ...options, alongside: null })).statements;
}

/**
 * {@link rewardStatements}, with a read of the caller's carried in the reward state's statement (no
 * extra statement, no extra round trip): e.g. where a voter stands before the vote.
 * @param options.alongside a scalar SQL read; its value comes back as SQLite gives it (null: none)
 * @param options.zone the time zone of the event's agency, when the caller knows it (the actor's)
 */
export async function rewardStatementsWith(
  db: Database,
  cause: RewardCause,
  options: { when?: SQL; alongside: SQL | null; zone?: TimeZone },
): Promise<{ statements: Statement[]; alongside: unknown }> {
  const { event, fresh } = toEvent(cause);
  const { rules, state, alongside, ledgerThrough } = await readRewardState(db, event, {
    fresh: fresh !== null,
    alongside: options.alongside,
    zone: options.zone ?? null,
  });
  // the counts the state read made of today are of the event's day: not of a person on another clock
  const today = new Map(state.people.filter((p) => !p.timeZone).map((p) => [p.userId, p.today ?? {}]));
  const statements = outcomeStatements(db, reward(event, state, rules), {
    ...(options.when ? { when: options.when } : {}),
    fresh,
    capsSeen: {
      through: ledgerThrough,
      today: (userId, rule) => (today.has(userId) ? (today.get(userId)![rule as RuleKey] ?? 0) : null),
    },
  });
  return { statements, alongside };
}

/** `EXISTS` the idea in status `to`, moved at `at`: the guard for what a workflow step earns. */
export const ideaMovedTo = (ideaId: number, to: string, at: number) =>
  sql`EXISTS (SELECT 1 FROM ${ideas} WHERE ${ideas.id} = ${ideaId} AND ${ideas.status} = ${to} AND ${ideas.updatedAt} = ${at})`;

/** The statements of an engine outcome (exported for tests and tools that hold an outcome). */
export function outcomeStatements(
  db: Database,
  outcome: RewardOutcome,
  options: { when?: SQL; fresh?: { id: SQL; causeKey: string } | null; capsSeen?: CapsSeen } = {},
): Statement[] {
  const out: Statement[] = [];
  const when = options.when ?? sql`1`;
  const fresh = options.fresh ?? null;
  const caps = options.capsSeen ?? null;
  // rows whose person's count the state read did not make are checked against all of today's rows
  const seen =
    caps && outcome.ledger.every((r) => r.dailyCap === null || caps.today(r.userId, r.ruleKey) !== null) ? caps : null;
  for (const rows of chunked(outcome.ledger, ROWS_PER_INSERT, (part) => ledgerInsert(db, part, when, fresh, seen))) {
    out.push(rows);
  }
  out.push(...chunked(outcome.badges, BADGES_PER_INSERT, (part) => badgeInsert(db, part, when, fresh)));
  return out;
}

/** Statements over parts of `items`, each part halved until its statement binds at most {@link MAX_PARAMETERS}. */
function chunked<T>(items: readonly T[], size: number, build: (part: readonly T[]) => Statement): Statement[] {
  const out: Statement[] = [];
  for (let i = 0; i < items.length;) {
    let n = Math.min(size, items.length - i);
    let statement = build(items.slice(i, i + n));
    while (n > 1 && parametersOf(statement) > MAX_PARAMETERS) statement = build(items.slice(i, i + (n = n >> 1)));
    out.push(statement);
    i += n;
  }
  return out;
}

export const parametersOf = (statement: Statement) =>
  (statement as unknown as { getQuery(): { params: unknown[] } }).getQuery().params.length;

type FreshId = { id: SQL; causeKey: string } | null;

const subjectIdOf = (subjectId: number, fresh: FreshId) => (fresh && subjectId === PENDING_ID ? fresh.id : subjectId);

function keyOf(key: string, fresh: FreshId): SQL | string {
  if (!fresh || !key.startsWith(`${fresh.causeKey}:`)) return key;
  const head = fresh.causeKey.slice(0, -String(PENDING_ID).length);
  return sql`${head} || ${fresh.id} || ${key.slice(fresh.causeKey.length)}`;
}

const capped = alias(pointLedger, "c");

/** The columns of a ledger insert, in the order of its `VALUES` (`column1` …) then the shared ones. */
const LEDGER_COLUMNS = columnList(
  pointLedger.agencyId,
  pointLedger.userId,
  pointLedger.unitId,
  pointLedger.points,
  pointLedger.subjectType,
  pointLedger.subjectId,
  pointLedger.ruleKey,
  pointLedger.rulesVersion,
  pointLedger.idempotencyKey,
  pointLedger.day,
  pointLedger.eventType,
  pointLedger.actorId,
  pointLedger.at,
);

/**
 * What the state read saw of the daily caps: the last ledger id then, and each person's paying rows
 * of a rule today (counted up to its cap). A capped row then only needs the rows written since.
 */
export type CapsSeen = { through: number; today: (userId: number, rule: string) => number | null };

/**
 * Today's paying rows of the row's person and rule (`v.column2`, `v.column7`, `v.column10`) that may
 * stand against its cap: with what the state read saw, only those written since (through the
 * primary key from the last id seen: the rows of the moment, from anyone, usually none); without
 * it, all of them through point_ledger_user_rule_day_points.
 */
const payingToday = (seen: CapsSeen | null) =>
  sql`(SELECT count(*) FROM ${pointLedger} ${capped} ${seen ? sql`NOT INDEXED` : sql``}
    WHERE ${seen ? sql`${capped.id} > ${seen.through} AND ` : sql``}${capped.userId} = v.column2
      AND ${capped.ruleKey} = v.column7 AND ${capped.day} = v.column10 AND ${capped.points} > 0)`;

function ledgerInsert(
  db: Database,
  rows: readonly LedgerRow[],
  when: SQL,
  fresh: FreshId,
  seen: CapsSeen | null,
): Statement {
  const { eventType, actorId, at } = rows[0]!;
  // a capped row's room: the cap, less what the state read counted when that is known
  const room = (r: LedgerRow) =>
    r.dailyCap === null || !seen ? r.dailyCap : r.dailyCap - (seen.today(r.userId, r.ruleKey) ?? 0);
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.agencyId}, ${r.userId}, ${r.unitId}, ${r.points}, ${r.subjectType}, ${subjectIdOf(r.subjectId, fresh)}, ${r.ruleKey}, ${r.rulesVersion}, ${keyOf(r.idempotencyKey, fresh)}, ${r.day}, ${room(r)})`,
    ),
    sql`, `,
  );
  // a capped row goes in only while it has room: a racing request may have paid meanwhile
  return db.run(sql`INSERT INTO ${pointLedger} (${LEDGER_COLUMNS})
    SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9, v.column10,
      ${eventType}, ${actorId}, ${at}
    FROM (VALUES ${values}) AS v
    WHERE (${when}) AND (v.column11 IS NULL OR ${payingToday(seen)} < v.column11)
    ON CONFLICT(${columnList(pointLedger.idempotencyKey)}) DO NOTHING`);
}

function badgeInsert(db: Database, grants: readonly BadgeGrant[], when: SQL, fresh: FreshId): Statement {
  const values = sql.join(
    grants.map(
      (g) =>
        sql`(${g.userId}, ${g.badgeKey}, ${g.agencyId}, json_object('event', ${g.cause.event}, 'subjectType', ${g.cause.subjectType}, 'subjectId', ${subjectIdOf(g.cause.subjectId, fresh)}), ${g.at})`,
    ),
    sql`, `,
  );
  return db.run(sql`INSERT INTO ${userBadges} (${columnList(userBadges.userId, userBadges.badgeKey, userBadges.agencyId, userBadges.cause, userBadges.at)})
    SELECT v.column1, v.column2, v.column3, v.column4, v.column5 FROM (VALUES ${values}) AS v
    WHERE (${when})
    ON CONFLICT(${columnList(userBadges.userId, userBadges.badgeKey)}) DO NOTHING`);
}
