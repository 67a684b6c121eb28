/**
 * Keeping dashboard counters current from new rows (see `stats_counters`, `participants`). Each run
 * handles the rows after its watermark; the counting and the watermark's move are one batch. Every
 * figure is counted for the agency (campaign 0) and for the row's campaign: `SCOPES` doubles each row.
 */
import { sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Database, Statement } from "../client";
import { agencyZone, sqlLocalMonth } from "../local-time";
import { bare, columnList, literal, literals } from "../raw";
import {
  comments,
  ideaEvents,
  ideas,
  jobWatermarks,
  participants,
  statsCounters,
  units,
  users,
  votes,
} from "../schema";
import { sourceWindow } from "./watermarks";

const e = alias(ideaEvents, "e");
const i = alias(ideas, "i");
const u = alias(users, "u");
const v = alias(votes, "v");
const c = alias(comments, "c");
const p = alias(participants, "p");
const un = alias(units, "un");
const sc = alias(statsCounters, "sc");

const SCOPES = sql`CROSS JOIN (SELECT 0 AS per_campaign UNION ALL SELECT 1) sc`;
const scoped = (campaign: SQLiteColumn) => sql`CASE sc.per_campaign WHEN 1 THEN ${campaign} ELSE 0 END`;
const COUNTER_KEY = columnList(
  statsCounters.agencyId,
  statsCounters.campaignId,
  statsCounters.metric,
  statsCounters.bucket,
);
const VALUE = bare(statsCounters.value);
const ADD = sql`ON CONFLICT(${COUNTER_KEY}) DO UPDATE SET ${VALUE} = ${VALUE} + excluded.${VALUE}`;
const COUNTER = sql`INSERT INTO ${statsCounters} (${COUNTER_KEY}, ${VALUE})`;

/** The month of an epoch-ms column on the clock of the row's agency (`agency` is its agency id column). */
const month = (at: SQLiteColumn, agency: SQLiteColumn) => sqlLocalMonth(at, agencyZone(agency));

const FUNNEL_STEPS = literals(["submit", "start_review", "shortlist", "approve", "implement", "reject"]);

function fromIdeaEvents(db: Database): Statement[] {
  const w = sourceWindow("stats_idea_events", { table: ideaEvents, key: ideaEvents.id, as: e });
  const events = sql`FROM ${ideaEvents} ${e} JOIN ${ideas} ${i} ON ${i.id} = ${e.ideaId}`;
  const source = sql`${events} ${SCOPES} WHERE ${w.where}`;
  const campaign = scoped(i.campaignId);
  return [
    db.run(sql`${COUNTER} SELECT ${e.agencyId}, ${campaign}, 'funnel', ${e.toStatus}, count(*) ${source} AND ${e.action} IN (${FUNNEL_STEPS})
      GROUP BY 1, 2, 4 ${ADD}`),
    db.run(sql`${COUNTER} SELECT ${e.agencyId}, ${campaign}, 'submitted_month', ${month(e.at, e.agencyId)}, count(*) ${source} AND ${e.action} = 'submit'
      GROUP BY 1, 2, 4 ${ADD}`),
    db.run(sql`${COUNTER} SELECT ${e.agencyId}, ${campaign}, 'submitted_category', ${i.category}, count(*) ${source} AND ${e.action} = 'submit'
      GROUP BY 1, 2, 4 ${ADD}`),
    db.run(sql`${COUNTER} SELECT ${e.agencyId}, ${campaign}, 'submitted_unit', CAST(${i.unitId} AS TEXT), count(*) ${source} AND ${e.action} = 'submit'
      GROUP BY 1, 2, 4 ${ADD}`),
    // time to decision: a sum and a count, so the dashboard can show the mean
    db.run(sql`${COUNTER} SELECT ${e.agencyId}, ${campaign}, m.metric, 'all', sum(CASE m.metric WHEN 'decision_count' THEN 1 ELSE ${e.at} - ${i.submittedAt} END)
      ${events} ${SCOPES}
      CROSS JOIN (SELECT 'decision_count' AS metric UNION ALL SELECT 'decision_ms_sum') m
      WHERE ${w.where} AND ${e.action} IN ('approve', 'reject') AND ${i.submittedAt} IS NOT NULL
      GROUP BY 1, 2, 3 ${ADD}`),
    ...participation(db, "submitted", {
      source: sql`${events} JOIN ${users} ${u} ON ${u.id} = ${e.actorId} ${SCOPES}
      WHERE ${w.where} AND ${e.action} = 'submit'`,
      agency: e.agencyId,
      campaign: i.campaignId,
      user: e.actorId,
      unit: u.unitId,
    }),
    db.run(w.advance),
  ];
}

/**
 * New participants of one activity: first the per-unit counters of people not yet counted (for the
 * activity and for `any`), then the participant rows themselves, so nobody is counted twice.
 * @param of the rows (`FROM … WHERE …`, with `SCOPES`) and which of their columns are the agency,
 *   campaign, person and unit
 */
function participation(
  db: Database,
  activity: string,
  of: { source: SQL; agency: SQLiteColumn; campaign: SQLiteColumn; user: SQLiteColumn; unit: SQLiteColumn },
): Statement[] {
  const { source, agency, campaign, user, unit } = of;
  const scope = scoped(campaign);
  const out: Statement[] = [];
  for (const as of [activity, "any"]) {
    const newcomer = sql`NOT EXISTS (SELECT 1 FROM ${participants} ${p} WHERE ${p.agencyId} = ${agency} AND ${p.campaignId} = ${scope} AND ${p.activity} = ${literal(as)} AND ${p.userId} = ${user})`;
    out.push(
      db.run(sql`${COUNTER} SELECT ${agency}, ${scope}, 'participants_unit', ${as} || ':' || ${unit}, count(DISTINCT ${user})
        ${source} AND ${newcomer} GROUP BY 1, 2, 4 ${ADD}`),
      db.run(sql`INSERT INTO ${participants} (${columnList(participants.agencyId, participants.campaignId, participants.userId, participants.activity, participants.unitId)})
        SELECT DISTINCT ${agency}, ${scope}, ${user}, ${as}, ${unit} ${source}
        ON CONFLICT DO NOTHING`),
    );
  }
  return out;
}

function fromVotes(db: Database): Statement[] {
  const w = sourceWindow("stats_votes", { table: votes, key: votes.id, as: v });
  return [
    ...participation(db, "voted", {
      source: sql`FROM ${votes} ${v} ${SCOPES} WHERE ${w.where}`,
      agency: v.agencyId,
      campaign: v.campaignId,
      user: v.userId,
      unit: v.unitId,
    }),
    db.run(w.advance),
  ];
}

function fromComments(db: Database): Statement[] {
  const w = sourceWindow("stats_comments", { table: comments, key: comments.id, as: c });
  return [
    ...participation(db, "commented", {
      source: sql`FROM ${comments} ${c} JOIN ${ideas} ${i} ON ${i.id} = ${c.ideaId} JOIN ${users} ${u} ON ${u.id} = ${c.authorId} ${SCOPES} WHERE ${w.where}`,
      agency: c.agencyId,
      campaign: i.campaignId,
      user: c.authorId,
      unit: u.unitId,
    }),
    db.run(w.advance),
  ];
}

/**
 * ASN per unit (the denominator of participation), refreshed at most hourly: writes only the units
 * whose size changed. The watermark row `asn_units` holds the time of the last refresh.
 *
 * The check comes first as a one-row join (`CROSS JOIN` keeps it the outer loop): a run that is not
 * due reads that row and stops, instead of scanning every user and counter each minute. When due,
 * the counts read the users once, and the units without active ASN are found by index, unit by unit.
 */
function unitSizes(db: Database, now: number): Statement[] {
  const job = literal("asn_units");
  const lastId = bare(jobWatermarks.lastId);
  const due = sql`(SELECT 1 FROM ${jobWatermarks} WHERE ${jobWatermarks.name} = ${job} AND ${jobWatermarks.lastId} < ${now - 3_600_000}) due`;
  return [
    db.run(sql`${COUNTER} SELECT ${u.agencyId}, 0, 'asn_unit', CAST(${u.unitId} AS TEXT), count(*) FROM ${due} CROSS JOIN ${users} ${u}
      WHERE ${u.active} = 1
      GROUP BY ${u.agencyId}, ${u.unitId}
      ON CONFLICT(${COUNTER_KEY}) DO UPDATE SET ${VALUE} = excluded.${VALUE} WHERE ${VALUE} <> excluded.${VALUE}`),
    db.run(sql`UPDATE ${statsCounters} SET ${VALUE} = 0 WHERE rowid IN (
        SELECT ${sc}.rowid FROM ${due} CROSS JOIN ${units} ${un}
        JOIN ${statsCounters} ${sc} ON ${sc.agencyId} = ${un.agencyId} AND ${sc.campaignId} = 0 AND ${sc.metric} = 'asn_unit' AND ${sc.bucket} = CAST(${un.id} AS TEXT)
        WHERE ${sc.value} > 0 AND NOT EXISTS (SELECT 1 FROM ${users} ${u} WHERE ${u.agencyId} = ${un.agencyId} AND ${u.unitId} = ${un.id} AND ${u.active} = 1))`),
    db.run(sql`INSERT INTO ${jobWatermarks} (${columnList(jobWatermarks.name, jobWatermarks.lastId)}) SELECT ${job}, ${now} FROM ${due} WHERE 1
      ON CONFLICT(${bare(jobWatermarks.name)}) DO UPDATE SET ${lastId} = excluded.${lastId}`),
  ];
}

/** One batch per source; the unit sizes go first so the watermark row exists. */
export function deriveStatsBatches(db: Database, now: number): Statement[][] {
  return [unitSizes(db, now), fromIdeaEvents(db), fromVotes(db), fromComments(db)];
}
