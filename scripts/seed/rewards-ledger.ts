/**
 * The demo's ledger rows, as the reward engine pays them for what the other seed parts wrote (see
 * rewards.ts): workflow steps, votes, comments, reviews and awards, then the reversals.
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
  users,
  votes as votesTable,
} from "../../src/db/schema.ts";
import { DEFAULT_RULES, type RuleKey } from "../../src/domain/reward-rules.ts";
import { localDaySql } from "../../src/domain/time-zone.ts";
import { AGENCIES } from "./organisation-data.ts";
import { domainSql, insertSelect, onConflictDoNothing, sqlText } from "./sql.ts";

const { version: V, rules: R } = DEFAULT_RULES;
/** The demo agencies' ids, as a sub-select. */
export const DEMO_IDS = sql`(SELECT ${agencies.id} FROM ${agencies} WHERE ${agencies.slug} IN (${sql.join(
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
  domainSql(localDaySql, at, sql`(SELECT ${agencies.timeZone} FROM ${agencies} WHERE ${agencies.id} = ${agencyId})`);

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

/** Every ledger row of the demo, in order: what earns, then what reverses it. */
export function ledgerSql(): string[] {
  return [...ideaSteps(), ...votes(), ...comments(), reviews(), awards(), withdrawals()];
}
