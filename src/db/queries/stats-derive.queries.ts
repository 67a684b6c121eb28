/**
 * Keeping dashboard counters current from new rows (see `stats_counters`, `participants`). Each run
 * handles the rows after its watermark; the counting and the watermark's move are one batch. Every
 * figure is counted for the agency (campaign 0) and for the row's campaign: `SCOPES` doubles each row.
 */
import { sql } from "drizzle-orm";
import type { Database, Statement } from "../client";
import { agencyZone, sqlLocalMonth } from "../local-time";
import { watermarkWindow } from "./watermarks";

const SCOPES = sql.raw("CROSS JOIN (SELECT 0 AS per_campaign UNION ALL SELECT 1) sc");
const scoped = (campaignColumn: string) => sql.raw(`CASE sc.per_campaign WHEN 1 THEN ${campaignColumn} ELSE 0 END`);
const ADD = sql.raw("ON CONFLICT(agency_id, campaign_id, metric, bucket) DO UPDATE SET value = value + excluded.value");
const COUNTER = sql.raw("INSERT INTO stats_counters (agency_id, campaign_id, metric, bucket, value)");

/** The month of an epoch-ms column on the clock of the row's agency (`agency` names its id column). */
const month = (column: string, agency: string) => sqlLocalMonth(sql.raw(column), agencyZone(sql.raw(agency)));

const FUNNEL_STEPS = sql.raw("'submit', 'start_review', 'shortlist', 'approve', 'implement', 'reject'");

function fromIdeaEvents(db: Database): Statement[] {
  const w = watermarkWindow("stats_idea_events", "idea_events", "e");
  const source = sql`FROM idea_events e JOIN ideas i ON i.id = e.idea_id ${SCOPES} WHERE ${w.where}`;
  const campaign = scoped("i.campaign_id");
  return [
    db.run(sql`${COUNTER} SELECT e.agency_id, ${campaign}, 'funnel', e.to_status, count(*) ${source} AND e.action IN (${FUNNEL_STEPS})
      GROUP BY 1, 2, 4 ${ADD}`),
    db.run(sql`${COUNTER} SELECT e.agency_id, ${campaign}, 'submitted_month', ${month("e.at", "e.agency_id")}, count(*) ${source} AND e.action = 'submit'
      GROUP BY 1, 2, 4 ${ADD}`),
    db.run(sql`${COUNTER} SELECT e.agency_id, ${campaign}, 'submitted_category', i.category, count(*) ${source} AND e.action = 'submit'
      GROUP BY 1, 2, 4 ${ADD}`),
    db.run(sql`${COUNTER} SELECT e.agency_id, ${campaign}, 'submitted_unit', CAST(i.unit_id AS TEXT), count(*) ${source} AND e.action = 'submit'
      GROUP BY 1, 2, 4 ${ADD}`),
    // time to decision: a sum and a count, so the dashboard can show the mean
    db.run(sql`${COUNTER} SELECT e.agency_id, ${campaign}, m.metric, 'all', sum(CASE m.metric WHEN 'decision_count' THEN 1 ELSE e.at - i.submitted_at END)
      FROM idea_events e JOIN ideas i ON i.id = e.idea_id ${SCOPES}
      CROSS JOIN (SELECT 'decision_count' AS metric UNION ALL SELECT 'decision_ms_sum') m
      WHERE ${w.where} AND e.action IN ('approve', 'reject') AND i.submitted_at IS NOT NULL
      GROUP BY 1, 2, 3 ${ADD}`),
    ...participation(
      db,
      "submitted",
      sql`FROM idea_events e JOIN ideas i ON i.id = e.idea_id JOIN users u ON u.id = e.actor_id ${SCOPES}
      WHERE ${w.where} AND e.action = 'submit'`,
      "e.agency_id",
      "i.campaign_id",
      "e.actor_id",
      "u.unit_id",
    ),
    db.run(w.advance),
  ];
}

/**
 * New participants of one activity: first the per-unit counters of people not yet counted (for the
 * activity and for `any`), then the participant rows themselves, so nobody is counted twice.
 */
function participation(
  db: Database,
  activity: string,
  source: ReturnType<typeof sql>,
  agency: string,
  campaign: string,
  user: string,
  unit: string,
): Statement[] {
  const scope = scoped(campaign);
  const out: Statement[] = [];
  for (const as of [activity, "any"]) {
    const newcomer = sql.raw(
      `NOT EXISTS (SELECT 1 FROM participants p WHERE p.agency_id = ${agency} AND p.campaign_id = CASE sc.per_campaign WHEN 1 THEN ${campaign} ELSE 0 END AND p.activity = '${as}' AND p.user_id = ${user})`,
    );
    out.push(
      db.run(sql`${COUNTER} SELECT ${sql.raw(agency)}, ${scope}, 'participants_unit', ${as} || ':' || ${sql.raw(unit)}, count(DISTINCT ${sql.raw(user)})
        ${source} AND ${newcomer} GROUP BY 1, 2, 4 ${ADD}`),
      db.run(sql`INSERT INTO participants (agency_id, campaign_id, user_id, activity, unit_id)
        SELECT DISTINCT ${sql.raw(agency)}, ${scope}, ${sql.raw(user)}, ${as}, ${sql.raw(unit)} ${source}
        ON CONFLICT DO NOTHING`),
    );
  }
  return out;
}

function fromVotes(db: Database): Statement[] {
  const w = watermarkWindow("stats_votes", "votes", "v");
  return [
    ...participation(
      db,
      "voted",
      sql`FROM votes v ${SCOPES} WHERE ${w.where}`,
      "v.agency_id",
      "v.campaign_id",
      "v.user_id",
      "v.unit_id",
    ),
    db.run(w.advance),
  ];
}

function fromComments(db: Database): Statement[] {
  const w = watermarkWindow("stats_comments", "comments", "c");
  const source = sql`FROM comments c JOIN ideas i ON i.id = c.idea_id JOIN users u ON u.id = c.author_id ${SCOPES} WHERE ${w.where}`;
  return [
    ...participation(db, "commented", source, "c.agency_id", "i.campaign_id", "c.author_id", "u.unit_id"),
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
  const due = sql`(SELECT 1 FROM job_watermarks WHERE name = 'asn_units' AND last_id < ${now - 3_600_000}) due`;
  return [
    db.run(sql`${COUNTER} SELECT u.agency_id, 0, 'asn_unit', CAST(u.unit_id AS TEXT), count(*) FROM ${due} CROSS JOIN users u
      WHERE u.active = 1
      GROUP BY u.agency_id, u.unit_id
      ON CONFLICT(agency_id, campaign_id, metric, bucket) DO UPDATE SET value = excluded.value WHERE value <> excluded.value`),
    db.run(sql`UPDATE stats_counters SET value = 0 WHERE rowid IN (
        SELECT sc.rowid FROM ${due} CROSS JOIN units un
        JOIN stats_counters sc ON sc.agency_id = un.agency_id AND sc.campaign_id = 0 AND sc.metric = 'asn_unit' AND sc.bucket = CAST(un.id AS TEXT)
        WHERE sc.value > 0 AND NOT EXISTS (SELECT 1 FROM users u WHERE u.agency_id = un.agency_id AND u.unit_id = un.id AND u.active = 1))`),
    db.run(sql`INSERT INTO job_watermarks (name, last_id) SELECT 'asn_units', ${now} FROM ${due} WHERE 1
      ON CONFLICT(name) DO UPDATE SET last_id = excluded.last_id`),
  ];
}

/** One batch per source; the unit sizes go first so the watermark row exists. */
export function deriveStatsBatches(db: Database, now: number): Statement[][] {
  return [unitSizes(db, now), fromIdeaEvents(db), fromVotes(db), fromComments(db)];
}
