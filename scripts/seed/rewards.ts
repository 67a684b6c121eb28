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
import { BADGES, type Badge } from "../../src/domain/badges.ts";
import { addLedgerToTotalsText } from "../../src/db/queries/reward-totals.queries.ts";
import { DEFAULT_RULES, type RuleKey } from "../../src/domain/reward-rules.ts";
import { localDaySql } from "../../src/domain/time-zone.ts";
import { AGENCIES } from "./organisation-data.ts";
import { lit } from "./sql.ts";

const { version: V, rules: R } = DEFAULT_RULES;
const DEMO = `(SELECT id FROM agencies WHERE slug IN (${AGENCIES.map((a) => lit(a.slug)).join(", ")}))`;

const INSERT = `INSERT INTO point_ledger (agency_id, user_id, unit_id, points, event_type, subject_type, subject_id, rule_key,
  rules_version, idempotency_key, actor_id, day, at)`;
const ON_CONFLICT = "ON CONFLICT(idempotency_key) DO NOTHING;";

/** The day of `at` on the clock of the agency `agencyId` (SQL expressions): the day a row's points count for. */
const dayIn = (at: string, agencyId: string) =>
  localDaySql(at, `(SELECT time_zone FROM agencies WHERE id = ${agencyId})`);

/** Accepted authors `a` of the idea `ideaId` (an SQL expression), each with their user row `u`. */
const team = (ideaId: string, a = "a", u = "u") =>
  `JOIN idea_authors ${a} ON ${a}.idea_id = ${ideaId} AND ${a}.accepted_at IS NOT NULL JOIN users ${u} ON ${u}.id = ${a}.user_id`;

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
    .map(
      ([action, rule, cause]) => `${INSERT}
      SELECT u.agency_id, u.id, u.unit_id, ${R[rule].points}, '${rule}', 'idea', e.idea_id, '${rule}', ${V},
        'idea:' || e.idea_id || ':${cause}:${rule}:user:' || u.id, e.actor_id, ${dayIn("e.at", "u.agency_id")}, e.at
      FROM idea_events e ${team("e.idea_id")}
      WHERE e.action = '${action}' AND e.agency_id IN ${DEMO}
      ${ON_CONFLICT}`,
    );
  // a replica's submission pays the original's team, in the original's agency
  if (R.idea_replicated.points !== 0) {
    out.push(`${INSERT}
      SELECT u.agency_id, u.id, u.unit_id, ${R.idea_replicated.points}, 'idea_submitted', 'idea', o.id, 'idea_replicated', ${V},
        'idea:' || e.idea_id || ':submit:idea_replicated:user:' || u.id, e.actor_id, ${dayIn("e.at", "u.agency_id")}, e.at
      FROM idea_events e JOIN ideas i ON i.id = e.idea_id JOIN ideas o ON o.id = i.replicates_id AND o.agency_id <> i.agency_id
        ${team("o.id")}
      WHERE e.action = 'submit' AND e.agency_id IN ${DEMO}
      ${ON_CONFLICT}`);
  }
  return out;
}

/** Row number of a cause among those that count against the same cap, oldest first. */
const capRank = (partition: string, at: string, id: string) =>
  `row_number() OVER (PARTITION BY ${partition} ORDER BY ${at}, ${id})`;
const withinCap = (rank: string, cap: number | null) => (cap === null ? "1" : `${rank} <= ${cap}`);

/** A vote pays the voter (at most `dailyCap` a day) and the idea's team (its first `perSubjectCap` votes). */
function votes(): string[] {
  const v = `SELECT v.*, ${capRank(`v.user_id, ${dayIn("v.created_at", "v.agency_id")}`, "v.created_at", "v.id")} AS daily,
      ${capRank("v.idea_id", "v.created_at", "v.id")} AS nth
    FROM votes v WHERE v.agency_id IN ${DEMO}`;
  const out: string[] = [];
  if (R.vote_cast.points !== 0) {
    out.push(`${INSERT}
      SELECT u.agency_id, u.id, u.unit_id, ${R.vote_cast.points}, 'vote_cast', 'idea', v.idea_id, 'vote_cast', ${V},
        'vote:idea:' || v.idea_id || ':voter:' || v.user_id || ':vote_cast:user:' || u.id, v.user_id, ${dayIn("v.created_at", "u.agency_id")}, v.created_at
      FROM (${v}) v JOIN users u ON u.id = v.user_id
      WHERE ${withinCap("v.daily", R.vote_cast.dailyCap)}
      ${ON_CONFLICT}`);
  }
  if (R.vote_received.points !== 0) {
    out.push(`${INSERT}
      SELECT u.agency_id, u.id, u.unit_id, ${R.vote_received.points}, 'vote_cast', 'idea', v.idea_id, 'vote_received', ${V},
        'vote:idea:' || v.idea_id || ':voter:' || v.user_id || ':vote_received:user:' || u.id, v.user_id, ${dayIn("v.created_at", "u.agency_id")}, v.created_at
      FROM (${v}) v ${team("v.idea_id")}
      WHERE a.user_id <> v.user_id AND ${withinCap("v.nth", R.vote_received.perSubjectCap)}
      ${ON_CONFLICT}`);
  }
  return out;
}

/** A comment pays its author (at most `dailyCap` a day); deleting or hiding it takes that back. */
function comments(): string[] {
  if (R.comment_posted.points === 0) return [];
  const removed = "min(coalesce(c.deleted_at, c.hidden_at), coalesce(c.hidden_at, c.deleted_at))";
  return [
    `${INSERT}
      SELECT u.agency_id, u.id, u.unit_id, ${R.comment_posted.points}, 'comment_posted', 'comment', c.id, 'comment_posted', ${V},
        'comment:' || c.id || ':comment_posted:user:' || u.id, c.author_id, ${dayIn("c.created_at", "u.agency_id")}, c.created_at
      FROM (SELECT c.*, ${capRank(`c.author_id, ${dayIn("c.created_at", "c.agency_id")}`, "c.created_at", "c.id")} AS daily
            FROM comments c WHERE c.agency_id IN ${DEMO}) c
        JOIN users u ON u.id = c.author_id
      WHERE ${withinCap("c.daily", R.comment_posted.dailyCap)}
      ${ON_CONFLICT}`,
    reversal(
      `FROM comments c JOIN point_ledger l ON l.idempotency_key = 'comment:' || c.id || ':comment_posted:user:' || c.author_id
       WHERE (c.deleted_at IS NOT NULL OR c.hidden_at IS NOT NULL) AND c.agency_id IN ${DEMO}`,
      `CASE WHEN c.hidden_at IS NOT NULL AND (c.deleted_at IS NULL OR c.hidden_at < c.deleted_at) THEN 'comment_hidden' ELSE 'comment_deleted' END`,
      `CASE WHEN c.hidden_at IS NOT NULL AND (c.deleted_at IS NULL OR c.hidden_at < c.deleted_at) THEN c.hidden_by ELSE c.author_id END`,
      removed,
    ),
  ];
}

/** Negative rows cancelling the ledger rows `l` of the `from` clause, on their day, unit and version. */
const reversal = (from: string, event: string, actor: string, at: string) => `${INSERT}
  SELECT l.agency_id, l.user_id, l.unit_id, -l.points, ${event}, l.subject_type, l.subject_id, l.rule_key, l.rules_version,
    l.idempotency_key || ':rev:1', ${actor}, l.day, ${at}
  ${from} AND l.idempotency_key NOT LIKE '%:rev:%'
  ${ON_CONFLICT}`;

/** A withdrawn idea, or a duplicate merged into another, gives back what its submission earned. */
function withdrawals(): string {
  return reversal(
    `FROM idea_events e JOIN point_ledger l
       ON l.idempotency_key >= 'idea:' || e.idea_id || ':submit:' AND l.idempotency_key < 'idea:' || e.idea_id || ':submit;'
     WHERE e.action IN ('withdraw', 'merge') AND e.agency_id IN ${DEMO}`,
    "CASE e.action WHEN 'withdraw' THEN 'idea_withdrawn' ELSE 'idea_merged' END",
    "e.actor_id",
    "e.at",
  );
}

/** A submitted review pays its reviewer: more when on time. */
function reviews(): string {
  const onTime = "r.submitted_at <= ra.due_at";
  const rule = `CASE WHEN ${onTime} THEN 'review_on_time' ELSE 'review_late' END`;
  return `${INSERT}
    SELECT u.agency_id, u.id, u.unit_id, CASE WHEN ${onTime} THEN ${R.review_on_time.points} ELSE ${R.review_late.points} END,
      'review_completed', 'review', r.id, ${rule}, ${V}, 'review:' || r.id || ':' || ${rule} || ':user:' || u.id, r.reviewer_id,
      ${dayIn("r.submitted_at", "u.agency_id")}, r.submitted_at
    FROM reviews r JOIN review_assignments ra ON ra.id = r.assignment_id JOIN users u ON u.id = r.reviewer_id
    WHERE r.state = 'submitted' AND r.submitted_at IS NOT NULL AND r.agency_id IN ${DEMO}
      AND (CASE WHEN ${onTime} THEN ${R.review_on_time.points} ELSE ${R.review_late.points} END) <> 0
    ${ON_CONFLICT}`;
}

/** An award pays each person it names the award's bonus points. */
function awards(): string {
  return `${INSERT}
    SELECT u.agency_id, u.id, u.unit_id, aw.bonus_points, 'award_granted', 'award', aw.id, 'award_granted', ${V},
      'award:' || aw.id || ':award_granted:user:' || u.id, aw.announced_by, ${dayIn("aw.announced_at", "u.agency_id")}, aw.announced_at
    FROM awards aw JOIN award_recipients ar ON ar.award_id = aw.id JOIN users u ON u.id = ar.user_id
    WHERE aw.agency_id IN ${DEMO} AND aw.bonus_points <> 0
    ${ON_CONFLICT}`;
}

/**
 * Every total of the demo agencies, recomputed from their ledger (so they equal it, whatever ran
 * before). First the scheduler's fold of every agency's rows not folded yet, up to the newest row
 * (`reward-totals.queries.ts`, here without its per-run limit), so the recomputed totals and the
 * watermark agree; then the demo agencies' totals again from all their rows, by the same statement.
 */
function totals(): string[] {
  const folded = "(SELECT last_id FROM job_watermarks WHERE name = 'point_totals')";
  return [
    `${addLedgerToTotalsText(`l.id > ${folded}`)};`,
    `UPDATE job_watermarks SET last_id = (SELECT coalesce(max(id), 0) FROM point_ledger) WHERE name = 'point_totals';`,
    `DELETE FROM point_totals WHERE agency_id IN ${DEMO};`,
    `${addLedgerToTotalsText(`l.agency_id IN ${DEMO}`)};`,
  ];
}

const BADGE_INSERT = "INSERT INTO user_badges (user_id, badge_key, agency_id, cause, at)";
const CAUSE = "json_object('event', l.event_type, 'subjectType', l.subject_type, 'subjectId', l.subject_id)";
const EARNED = `l.agency_id IN ${DEMO} AND l.points > 0 AND l.idempotency_key NOT LIKE '%:rev:%'`;

/** Badges as the engine grants them, from the ledger rows that earned them: the earliest, or the n-th. */
function badges(): string[] {
  return (BADGES as readonly Badge[]).map((b) => {
    const t = b.trigger;
    if (t.kind === "event") {
      const team = t.minTeam
        ? `AND (SELECT count(*) FROM idea_authors a WHERE a.idea_id = l.subject_id AND a.accepted_at IS NOT NULL) >= ${t.minTeam}`
        : "";
      // SQLite: the bare columns of a min() aggregate come from the row holding the minimum
      return `${BADGE_INSERT}
        SELECT l.user_id, '${b.key}', l.agency_id, ${CAUSE}, min(l.at) FROM point_ledger l
        WHERE ${EARNED} AND l.rule_key = '${t.rule}' ${team} GROUP BY l.user_id
        ON CONFLICT(user_id, badge_key) DO NOTHING;`;
    }
    const [rule, partition, count] =
      t.kind === "count" ? [t.rule, "l.user_id", t.count] : ["vote_received", "l.user_id, l.subject_id", t.count];
    return `${BADGE_INSERT}
      SELECT l.user_id, '${b.key}', l.agency_id, ${CAUSE}, l.at
      FROM (SELECT l.*, row_number() OVER (PARTITION BY ${partition} ORDER BY l.at, l.id) AS n FROM point_ledger l
            WHERE ${EARNED} AND l.rule_key = '${rule}') l
      WHERE l.n = ${count}
      ON CONFLICT(user_id, badge_key) DO NOTHING;`;
  });
}

/** The statements, in order: what earns, then what reverses it, then totals and badges from the ledger. */
export function rewardsSql(): string[] {
  return [...ideaSteps(), ...votes(), ...comments(), reviews(), awards(), withdrawals(), ...totals(), ...badges()];
}
