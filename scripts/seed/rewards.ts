/**
 * Points, badges and running totals for the demo, derived from the causes the other seed parts
 * wrote (workflow steps, votes, comments, reviews, award recipients) — so it runs LAST. The ledger
 * rows are the ones the reward engine (`src/domain/rewards.ts`) pays for those causes: the same
 * idempotency keys, default rules, daily and per-idea caps, team payouts and reversals (a
 * withdrawn or merged idea, a deleted or hidden comment). `test/rewards-seed.test.ts` replays the
 * seeded causes through the engine and checks that it arrives at exactly these rows.
 *
 * Keys are derived in SQL from the rows the seed finds (ids are only known there), so a rerun adds
 * nothing (`ON CONFLICT DO NOTHING`), and rows a person earned by using the demo since are the
 * same keys and are left alone. The totals are then recomputed from the ledger: they equal it.
 */
import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { ideaAuthors, jobWatermarks, pointLedger, pointTotals, userBadges } from "../../src/db/schema.ts";
import { BADGES, type Badge } from "../../src/domain/badges.ts";
import { addLedgerToTotals } from "../../src/db/queries/reward-totals.queries.ts";
import { DEMO_IDS, ledgerSql } from "./rewards-ledger.ts";
import { db, insertSelect, onConflictDoNothing, qb, sqlText } from "./sql.ts";

const totalsWatermark = eq(jobWatermarks.name, "point_totals");
const a = alias(ideaAuthors, "a");
const l = alias(pointLedger, "l");

/**
 * Every total of the demo agencies, recomputed from their ledger (so they equal it, whatever ran
 * before). First the scheduler's fold of every agency's rows not folded yet, up to the newest row
 * (`reward-totals.queries.ts`, here without its per-run limit), so the recomputed totals and the
 * watermark agree; then the demo agencies' totals again from all their rows, by the same statement.
 */
function totals(): string[] {
  const folded = qb.select({ lastId: jobWatermarks.lastId }).from(jobWatermarks).where(totalsWatermark);
  return [
    sqlText(addLedgerToTotals(sql`${l.id} > (${folded})`)),
    sqlText(
      db
        .update(jobWatermarks)
        .set({ lastId: sql`(SELECT coalesce(max(${pointLedger.id}), 0) FROM ${pointLedger})` })
        .where(totalsWatermark),
    ),
    sqlText(db.delete(pointTotals).where(sql`${pointTotals.agencyId} IN ${DEMO_IDS}`)),
    sqlText(addLedgerToTotals(sql`${l.agencyId} IN ${DEMO_IDS}`)),
  ];
}

const CAUSE = sql`json_object('event', ${l.eventType}, 'subjectType', ${l.subjectType}, 'subjectId', ${l.subjectId})`;
const EARNED = sql`${l.agencyId} IN ${DEMO_IDS} AND ${l.points} > 0 AND ${l.idempotencyKey} NOT LIKE '%:rev:%'`;

/** Badges as the engine grants them, from the ledger rows that earned them: the earliest, or the n-th. */
function badges(): string[] {
  return (BADGES as readonly Badge[]).map((b) => {
    const t = b.trigger;
    const onConflict = onConflictDoNothing(userBadges.userId, userBadges.badgeKey);
    if (t.kind === "event") {
      const team = t.minTeam
        ? sql`AND (SELECT count(*) FROM ${ideaAuthors} ${a} WHERE ${a.ideaId} = ${l.subjectId} AND ${a.acceptedAt} IS NOT NULL) >= ${t.minTeam}`
        : sql``;
      // SQLite: the bare columns of a min() aggregate come from the row holding the minimum
      return sqlText(
        insertSelect(
          userBadges,
          { userId: l.userId, badgeKey: b.key, agencyId: l.agencyId, cause: CAUSE, at: sql`min(${l.at})` },
          sql`FROM ${pointLedger} ${l}
        WHERE ${EARNED} AND ${l.ruleKey} = ${t.rule} ${team} GROUP BY ${l.userId}
        ${onConflict}`,
        ),
      );
    }
    const [rule, partition, count] =
      t.kind === "count"
        ? [t.rule, sql`${l.userId}`, t.count]
        : ["vote_received", sql`${l.userId}, ${l.subjectId}`, t.count];
    return sqlText(
      insertSelect(
        userBadges,
        { userId: l.userId, badgeKey: b.key, agencyId: l.agencyId, cause: CAUSE, at: l.at },
        sql`FROM (SELECT ${l}.*, row_number() OVER (PARTITION BY ${partition} ORDER BY ${l.at}, ${l.id}) AS n FROM ${pointLedger} ${l}
            WHERE ${EARNED} AND ${l.ruleKey} = ${rule}) ${l}
      WHERE ${l}.n = ${count}
      ${onConflict}`,
      ),
    );
  });
}

/** The statements, in order: what earns, then what reverses it, then totals and badges from the ledger. */
export function rewardsSql(): string[] {
  return [...ledgerSql(), ...totals(), ...badges()];
}
