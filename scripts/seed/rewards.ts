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
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  agencies,
  awardRecipients,
  awards as awardsTable,
  comments as commentsTable,
  ideaAuthors,
  ideaEvents,
  ideas,
  pointLedger,
  reviewAssignments,
  reviews as reviewsTable,
  userBadges,
  users,
  votes as votesTable,
} from "../../src/db/schema.ts";
import { BADGES, type Badge } from "../../src/domain/badges.ts";
import { PERIODS_AND_SUBJECTS_SQL, periodOfDaySql } from "../../src/domain/reward-periods.ts";
import { DEFAULT_RULES, type RuleKey } from "../../src/domain/reward-rules.ts";
import { localDaySql } from "../../src/domain/time-zone.ts";
import { AGENCIES } from "./organisation-data.ts";
import { insertSelect, lit, onConflictDoNothing, raw, sqlFragment, sqlText } from "./sql.ts";

const { version: V, rules: R } = DEFAULT_RULES;
const DEMO = `(SELECT id FROM agencies WHERE slug IN (${AGENCIES.map((a) => lit(a.slug)).join(", ")}))`;
/** The demo agencies' ids, as a sub-select. */
const DEMO_IDS = sql`(SELECT ${agencies.id} FROM ${agencies} WHERE ${agencies.slug} IN (${sql.join(
  AGENCIES.map((a) => sql`${a.slug}`),
  sql`, `,
)}))`;

const a = alias(ideaAuthors, "a");
const u = alias(users, "u");
const e = alias(ideaEvents, "e");
const l = alias(pointLedger, "l");

type LedgerRow = { [K in keyof typeof pointLedger.$inferInsert]?: SQLWrapper | string | number };

/** A ledger insert: its rows selected by `rest`, each idempotency key paid once. */
const ledger = (row: LedgerRow, rest: SQL) =>
  sqlText(insertSelect(pointLedger, row, sql`${rest} ${onConflictDoNothing(pointLedger.idempotencyKey)}`));

/** The day of `at` on the clock of the agency `agencyId`: the day a row's points count for. */
const dayIn = (at: SQLWrapper, agencyId: SQLWrapper) =>
  raw(
    localDaySql(
      sqlFragment(at),
      sqlFragment(sql`(SELECT ${agencies.timeZone} FROM ${agencies} WHERE ${agencies.id} = ${agencyId})`),
    ),
  );

/** Accepted authors `a` of the idea `ideaId`, each with their user row `u`. */
const team = (ideaId: SQLWrapper) =>
  sql`JOIN ${ideaAuthors} ${a} ON ${a.ideaId} = ${ideaId} AND ${a.acceptedAt} IS NOT NULL JOIN ${users} ${u} ON ${u.id} = ${a.userId}`;

/** Submitted, shortlisted, approved, implemented: each member of the team, when the step happened. */
function ideaSteps(): string[] {
  const steps: [action: string, rule: RuleKey, cause: string][] = [
    ["submit", "idea_submitted", "submit"],
    ["shortlist", "idea_shortlisted", "shortlist"],
    ["approve", "idea_approved", "approve"],
    ["implement", "idea_implemented", "implement"],
  ];
  const out = steps
    .filter(([, rule]) => R[rule].points !== 0)
    .map(([action, rule, cause]) =>
      ledger(
        {
          agencyId: u.agencyId,
          userId: u.id,
          unitId: u.unitId,
          points: R[rule].points,
          eventType: rule,
          subjectType: "idea",
          subjectId: e.ideaId,
          ruleKey: rule,
          rulesVersion: V,
          idempotencyKey: sql`'idea:' || ${e.ideaId} || ${`:${cause}:${rule}:user:`} || ${u.id}`,
          actorId: e.actorId,
          day: dayIn(e.at, u.agencyId),
          at: e.at,
        },
        sql`FROM ${ideaEvents} ${e} ${team(e.ideaId)}
      WHERE ${e.action} = ${action} AND ${e.agencyId} IN ${DEMO_IDS}`,
      ),
    );
  // a replica's submission pays the original's team, in the original's agency
  if (R.idea_replicated.points !== 0) {
    const i = alias(ideas, "i");
    const o = alias(ideas, "o");
    out.push(
      ledger(
        {
          agencyId: u.agencyId,
          userId: u.id,
          unitId: u.unitId,
          points: R.idea_replicated.points,
          eventType: "idea_submitted",
          subjectType: "idea",
          subjectId: o.id,
          ruleKey: "idea_replicated",
          rulesVersion: V,
          idempotencyKey: sql`'idea:' || ${e.ideaId} || ':submit:idea_replicated:user:' || ${u.id}`,
          actorId: e.actorId,
          day: dayIn(e.at, u.agencyId),
          at: e.at,
        },
        sql`FROM ${ideaEvents} ${e} JOIN ${ideas} ${i} ON ${i.id} = ${e.ideaId} JOIN ${ideas} ${o} ON ${o.id} = ${i.replicatesId} AND ${o.agencyId} <> ${i.agencyId}
        ${team(o.id)}
      WHERE ${e.action} = 'submit' AND ${e.agencyId} IN ${DEMO_IDS}`,
      ),
    );
  }
  return out;
}

/** Row number of a cause among those that count against the same cap, oldest first. */
const capRank = (partition: SQL, at: SQLWrapper, id: SQLWrapper) =>
  sql`row_number() OVER (PARTITION BY ${partition} ORDER BY ${at}, ${id})`;
const withinCap = (rank: SQL, cap: number | null) => (cap === null ? sql`1` : sql`${rank} <= ${cap}`);

/** A vote pays the voter (at most `dailyCap` a day) and the idea's team (its first `perSubjectCap` votes). */
function votes(): string[] {
  const v = alias(votesTable, "v");
  const ranked = sql`(SELECT ${v}.*, ${capRank(sql`${v.userId}, ${dayIn(v.createdAt, v.agencyId)}`, v.createdAt, v.id)} AS daily,
      ${capRank(sql`${v.ideaId}`, v.createdAt, v.id)} AS nth
    FROM ${votesTable} ${v} WHERE ${v.agencyId} IN ${DEMO_IDS}) ${v}`;
  const key = (rule: string) =>
    sql`'vote:idea:' || ${v.ideaId} || ':voter:' || ${v.userId} || ${`:${rule}:user:`} || ${u.id}`;
  const out: string[] = [];
  const common = { subjectType: "idea", subjectId: v.ideaId, rulesVersion: V, actorId: v.userId, at: v.createdAt };
  if (R.vote_cast.points !== 0) {
    out.push(
      ledger(
        {
          ...common,
          agencyId: u.agencyId,
          userId: u.id,
          unitId: u.unitId,
          points: R.vote_cast.points,
          eventType: "vote_cast",
          ruleKey: "vote_cast",
          idempotencyKey: key("vote_cast"),
          day: dayIn(v.createdAt, u.agencyId),
        },
        sql`FROM ${ranked} JOIN ${users} ${u} ON ${u.id} = ${v.userId}
      WHERE ${withinCap(sql`${v}.daily`, R.vote_cast.dailyCap)}`,
      ),
    );
  }
  if (R.vote_received.points !== 0) {
    out.push(
      ledger(
        {
          ...common,
          agencyId: u.agencyId,
          userId: u.id,
          unitId: u.unitId,
          points: R.vote_received.points,
          eventType: "vote_cast",
          ruleKey: "vote_received",
          idempotencyKey: key("vote_received"),
          day: dayIn(v.createdAt, u.agencyId),
        },
        sql`FROM ${ranked} ${team(v.ideaId)}
      WHERE ${a.userId} <> ${v.userId} AND ${withinCap(sql`${v}.nth`, R.vote_received.perSubjectCap)}`,
      ),
    );
  }
  return out;
}

/** A comment pays its author (at most `dailyCap` a day); deleting or hiding it takes that back. */
function comments(): string[] {
  if (R.comment_posted.points === 0) return [];
  const c = alias(commentsTable, "c");
  const removed = sql`min(coalesce(${c.deletedAt}, ${c.hiddenAt}), coalesce(${c.hiddenAt}, ${c.deletedAt}))`;
  const hiddenFirst = sql`${c.hiddenAt} IS NOT NULL AND (${c.deletedAt} IS NULL OR ${c.hiddenAt} < ${c.deletedAt})`;
  return [
    ledger(
      {
        agencyId: u.agencyId,
        userId: u.id,
        unitId: u.unitId,
        points: R.comment_posted.points,
        eventType: "comment_posted",
        subjectType: "comment",
        subjectId: c.id,
        ruleKey: "comment_posted",
        rulesVersion: V,
        idempotencyKey: sql`'comment:' || ${c.id} || ':comment_posted:user:' || ${u.id}`,
        actorId: c.authorId,
        day: dayIn(c.createdAt, u.agencyId),
        at: c.createdAt,
      },
      sql`FROM (SELECT ${c}.*, ${capRank(sql`${c.authorId}, ${dayIn(c.createdAt, c.agencyId)}`, c.createdAt, c.id)} AS daily
            FROM ${commentsTable} ${c} WHERE ${c.agencyId} IN ${DEMO_IDS}) ${c}
        JOIN ${users} ${u} ON ${u.id} = ${c.authorId}
      WHERE ${withinCap(sql`${c}.daily`, R.comment_posted.dailyCap)}`,
    ),
    reversal(
      sql`FROM ${commentsTable} ${c} JOIN ${pointLedger} ${l} ON ${l.idempotencyKey} = 'comment:' || ${c.id} || ':comment_posted:user:' || ${c.authorId}
       WHERE (${c.deletedAt} IS NOT NULL OR ${c.hiddenAt} IS NOT NULL) AND ${c.agencyId} IN ${DEMO_IDS}`,
      sql`CASE WHEN ${hiddenFirst} THEN 'comment_hidden' ELSE 'comment_deleted' END`,
      sql`CASE WHEN ${hiddenFirst} THEN ${c.hiddenBy} ELSE ${c.authorId} END`,
      removed,
    ),
  ];
}

/** Negative rows cancelling the ledger rows `l` of the `from` clause, on their day, unit and version. */
const reversal = (from: SQL, event: SQL, actor: SQL, at: SQLWrapper) =>
  ledger(
    {
      agencyId: l.agencyId,
      userId: l.userId,
      unitId: l.unitId,
      points: sql`-${l.points}`,
      eventType: event,
      subjectType: l.subjectType,
      subjectId: l.subjectId,
      ruleKey: l.ruleKey,
      rulesVersion: l.rulesVersion,
      idempotencyKey: sql`${l.idempotencyKey} || ':rev:1'`,
      actorId: actor,
      day: l.day,
      at,
    },
    sql`${from} AND ${l.idempotencyKey} NOT LIKE '%:rev:%'`,
  );

/** A withdrawn idea, or a duplicate merged into another, gives back what its submission earned. */
function withdrawals(): string {
  return reversal(
    sql`FROM ${ideaEvents} ${e} JOIN ${pointLedger} ${l}
       ON ${l.idempotencyKey} >= 'idea:' || ${e.ideaId} || ':submit:' AND ${l.idempotencyKey} < 'idea:' || ${e.ideaId} || ':submit;'
     WHERE ${e.action} IN ('withdraw', 'merge') AND ${e.agencyId} IN ${DEMO_IDS}`,
    sql`CASE ${e.action} WHEN 'withdraw' THEN 'idea_withdrawn' ELSE 'idea_merged' END`,
    sql`${e.actorId}`,
    e.at,
  );
}

/** A submitted review pays its reviewer: more when on time. */
function reviews(): string {
  const r = alias(reviewsTable, "r");
  const ra = alias(reviewAssignments, "ra");
  const onTime = sql`${r.submittedAt} <= ${ra.dueAt}`;
  const rule = sql`CASE WHEN ${onTime} THEN 'review_on_time' ELSE 'review_late' END`;
  const points = sql`CASE WHEN ${onTime} THEN ${R.review_on_time.points} ELSE ${R.review_late.points} END`;
  return ledger(
    {
      agencyId: u.agencyId,
      userId: u.id,
      unitId: u.unitId,
      points,
      eventType: "review_completed",
      subjectType: "review",
      subjectId: r.id,
      ruleKey: rule,
      rulesVersion: V,
      idempotencyKey: sql`'review:' || ${r.id} || ':' || ${rule} || ':user:' || ${u.id}`,
      actorId: r.reviewerId,
      day: dayIn(r.submittedAt, u.agencyId),
      at: r.submittedAt,
    },
    sql`FROM ${reviewsTable} ${r} JOIN ${reviewAssignments} ${ra} ON ${ra.id} = ${r.assignmentId} JOIN ${users} ${u} ON ${u.id} = ${r.reviewerId}
    WHERE ${r.state} = 'submitted' AND ${r.submittedAt} IS NOT NULL AND ${r.agencyId} IN ${DEMO_IDS}
      AND (${points}) <> 0`,
  );
}

/** An award pays each person it names the award's bonus points. */
function awards(): string {
  const aw = alias(awardsTable, "aw");
  const ar = alias(awardRecipients, "ar");
  return ledger(
    {
      agencyId: u.agencyId,
      userId: u.id,
      unitId: u.unitId,
      points: aw.bonusPoints,
      eventType: "award_granted",
      subjectType: "award",
      subjectId: aw.id,
      ruleKey: "award_granted",
      rulesVersion: V,
      idempotencyKey: sql`'award:' || ${aw.id} || ':award_granted:user:' || ${u.id}`,
      actorId: aw.announcedBy,
      day: dayIn(aw.announcedAt, u.agencyId),
      at: aw.announcedAt,
    },
    sql`FROM ${awardsTable} ${aw} JOIN ${awardRecipients} ${ar} ON ${ar.awardId} = ${aw.id} JOIN ${users} ${u} ON ${u.id} = ${ar.userId}
    WHERE ${aw.agencyId} IN ${DEMO_IDS} AND ${aw.bonusPoints} <> 0`,
  );
}

/** Each ledger row's periods, for its person and unit. */
const TOTALS_OF_LEDGER = `INSERT INTO point_totals (agency_id, period, subject_type, subject_id, points)
    SELECT l.agency_id, ${periodOfDaySql("l.day", "p.n")}, k.kind, CASE k.kind WHEN 'user' THEN l.user_id ELSE l.unit_id END, sum(l.points)
    FROM point_ledger l CROSS JOIN ${PERIODS_AND_SUBJECTS_SQL}`;

/**
 * Every total of the demo agencies, recomputed from their ledger (so they equal it, whatever ran
 * before). First the scheduler's fold of every agency's rows not folded yet, up to the newest row
 * (`reward-fold.queries.ts`, here without its per-run limit), so the recomputed totals and the
 * watermark agree.
 */
function totals(): string[] {
  const folded = "(SELECT last_id FROM job_watermarks WHERE name = 'point_totals')";
  return [
    `${TOTALS_OF_LEDGER} WHERE l.id > ${folded}
    GROUP BY 1, 2, 3, 4
    ON CONFLICT(agency_id, period, subject_type, subject_id) DO UPDATE SET points = point_totals.points + excluded.points;`,
    `UPDATE job_watermarks SET last_id = (SELECT coalesce(max(id), 0) FROM point_ledger) WHERE name = 'point_totals';`,
    `${TOTALS_OF_LEDGER} WHERE l.agency_id IN ${DEMO}
    GROUP BY 1, 2, 3, 4
    ON CONFLICT(agency_id, period, subject_type, subject_id) DO UPDATE SET points = excluded.points;`,
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
  return [...ideaSteps(), ...votes(), ...comments(), reviews(), awards(), withdrawals(), ...totals(), ...badges()];
}
