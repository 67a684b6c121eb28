/**
 * What the agency's people did, in bulk: votes and comments following each idea's popularity, the
 * ledger and totals they earn, the notifications and dashboard counters the scheduler derives.
 */
import { BADGES } from "../../src/domain/badges.ts";
import { PERIODS_AND_SUBJECTS_SQL, periodOfDaySql } from "../../src/domain/reward-periods.ts";
import { localDaySql, localMonthSql } from "../../src/domain/time-zone.ts";
import { HOT, sqlFragment } from "../seed/sql.ts";
import { PROBLEMS, SOLUTIONS } from "./seed-data.ts";
import { DAY, least, pick, u, word, type BenchPlan } from "./seed-plan.ts";

/** The bench agency's zone, as an SQL expression (a constant subquery: SQLite reads it once). */
const zoneOf = (agency: number) => `(SELECT time_zone FROM agencies WHERE id = ${agency})`;

/**
 * How many of `total` rows each listed idea gets, in proportion to its weight (parked in `hot`):
 * the difference of the rounded-down running share, so the counts add up to `total` exactly.
 */
function shareOf(p: BenchPlan, total: number, cap: number): string {
  return `e AS (SELECT i.id, i.campaign_id, i.author_id, i.submitted_at, i.hot AS w, c.kind, c.voting_start, c.voting_end,
             sum(i.hot) OVER (ORDER BY i.id) AS cum
           FROM ideas i JOIN campaigns c ON c.id = i.campaign_id WHERE i.agency_id = ${p.agency} AND i.listed = 1),
     tot AS (SELECT sum(w) AS total FROM e),
     k AS (SELECT e.*, min(${cap}, CAST(${total} * e.cum / tot.total AS INTEGER) - CAST(${total} * (e.cum - e.w) / tot.total AS INTEGER)) AS k
           FROM e, tot)`;
}

export function votesSql(p: BenchPlan): string[] {
  const { size, agency, now, user0 } = p;
  const n = size.users;
  // the voting window: the Kotak Ide's first 60 days, a competition's voting phase (so far)
  const lo = `CASE WHEN kind = 'open' THEN submitted_at ELSE max(submitted_at, voting_start) END`;
  const hi = `CASE WHEN kind = 'open' THEN ${least(String(now - 60_000), `submitted_at + ${60 * DAY}`)} ELSE ${least("voting_end", String(now - 60_000))} END`;
  // voters: an arithmetic progression (step coprime with the ASN count) from just after the team
  const voter = `${user0} + 1 + ((r.author_id - ${user0} - 1 + 2 + r.j * 7919) % ${n})`;
  const coauthor = `${user0} + 1 + ((r.author_id - ${user0}) % ${n})`;
  return [
    `WITH RECURSIVE ${shareOf(p, size.votes, n - 3)},
     r(id, j, k, author_id, campaign_id, lo, hi) AS (
       SELECT id, 0, k, author_id, campaign_id, ${lo}, ${hi} FROM k WHERE k > 0
       UNION ALL SELECT id, j + 1, k, author_id, campaign_id, lo, hi FROM r WHERE j + 1 < k)
     INSERT INTO votes (agency_id, campaign_id, idea_id, user_id, unit_id, created_at)
     SELECT ${agency}, r.campaign_id, r.id, v.id, v.unit_id, r.lo + CAST((r.hi - r.lo) * ${u("r.j * 131071 + r.id", 61)} AS INTEGER)
     FROM r JOIN users v ON v.id = ${voter}
     WHERE v.id <> r.author_id AND v.id <> ${coauthor}
       AND NOT (v.id = ${p.personas.voter} AND r.campaign_id = ${p.inVoting});`,
  ];
}

export function commentsSql(p: BenchPlan): string[] {
  const { size, agency, now, user0 } = p;
  const hi = least(String(now - 60_000), `submitted_at + ${90 * DAY}`);
  const at = `r.lo + CAST((r.hi - r.lo) * (r.j + ${u("r.j * 131071 + r.id", 71)}) / r.k AS INTEGER)`;
  return [
    `WITH RECURSIVE ${shareOf(p, size.comments, 1000)},
     r(id, j, k, lo, hi) AS (
       SELECT id, 0, k, submitted_at, ${hi} FROM k WHERE k > 0
       UNION ALL SELECT id, j + 1, k, lo, hi FROM r WHERE j + 1 < k)
     INSERT INTO comments (agency_id, idea_id, author_id, parent_id, body, deleted_at, created_at)
     SELECT ${agency}, r.id, ${user0} + 1 + ${pick("r.j * 131071 + r.id", 72, size.users)}, NULL,
       'Usul yang bagus. Di unit kami ' || ${word(PROBLEMS, "r.j * 131071 + r.id", 73)} || ', jadi ' || ${word(SOLUTIONS, "r.j * 131071 + r.id", 74)} || ' akan sangat membantu.',
       CASE WHEN ${u("r.j * 131071 + r.id", 75)} < 0.01 THEN ${at} + 3600000 END,
       ${at}
     FROM r;`,
  ];
}

/** Replies and follows, once the comments are indexed. */
export function threadsSql(p: BenchPlan): string[] {
  const { agency } = p;
  return [
    // every third comment answers the idea's first one (replies go one level deep)
    `UPDATE comments SET parent_id = (SELECT min(c.id) FROM comments c WHERE c.idea_id = comments.idea_id)
     WHERE agency_id = ${agency} AND id % 3 = 2 AND id > (SELECT min(c.id) FROM comments c WHERE c.idea_id = comments.idea_id);`,
    `INSERT INTO follows (idea_id, user_id, created_at)
     SELECT idea_id, author_id, min(created_at) FROM comments WHERE agency_id = ${agency} GROUP BY idea_id, author_id
     ON CONFLICT DO NOTHING;`,
  ];
}

/** The counts and the trending score, from the rows. */
export function countsSql(p: BenchPlan): string[] {
  const { agency } = p;
  return [
    `UPDATE ideas SET
       vote_count = (SELECT count(*) FROM votes v WHERE v.idea_id = ideas.id),
       comment_count = (SELECT count(*) FROM comments c WHERE c.idea_id = ideas.id AND c.deleted_at IS NULL AND c.hidden_at IS NULL)
     WHERE agency_id = ${agency};`,
    `UPDATE ideas SET hot = ${sqlFragment(HOT)} WHERE agency_id = ${agency};`,
  ];
}

/** Two ledger rows per vote, keyed as the reward engine keys them, then the totals from the ledger. */
export function rewardsSql(p: BenchPlan) {
  const { agency } = p;
  const badge = (key: string, rule: string, partition: string, count: number) =>
    `INSERT INTO user_badges (user_id, badge_key, agency_id, cause, at)
     SELECT l.user_id, '${key}', l.agency_id, json_object('event', l.event_type, 'subjectType', l.subject_type, 'subjectId', l.subject_id), l.at
     FROM (SELECT l.user_id, l.agency_id, l.event_type, l.subject_type, l.subject_id, l.at,
             row_number() OVER (PARTITION BY ${partition} ORDER BY l.at, l.id) AS n
           FROM point_ledger l NOT INDEXED WHERE l.agency_id = ${agency} AND l.rule_key = '${rule}') l
     WHERE l.n = ${count}
     ON CONFLICT(user_id, badge_key) DO NOTHING;`;
  const badges = BADGES.flatMap((b) => {
    const t = b.trigger;
    if (t.kind === "count" && t.rule === "vote_cast") return [badge(b.key, "vote_cast", "l.user_id", t.count)];
    if (t.kind === "votes") return [badge(b.key, "vote_received", "l.user_id, l.subject_id", t.count)];
    return [];
  });
  return {
    ledger: `INSERT INTO point_ledger (agency_id, user_id, unit_id, points, event_type, subject_type, subject_id, rule_key, rules_version,
       idempotency_key, actor_id, day, at)
     SELECT v.agency_id,
       CASE x.n WHEN 0 THEN v.user_id ELSE v.author_id END,
       CASE x.n WHEN 0 THEN v.unit_id ELSE v.author_unit_id END,
       CASE x.n WHEN 0 THEN 1 ELSE 2 END, 'vote_cast', 'idea', v.idea_id,
       CASE x.n WHEN 0 THEN 'vote_cast' ELSE 'vote_received' END, 0,
       v.key || CASE x.n WHEN 0 THEN 'vote_cast:user:' || v.user_id ELSE 'vote_received:user:' || v.author_id END,
       v.user_id, v.day, v.created_at
     FROM (SELECT v.agency_id, v.user_id, v.unit_id, v.idea_id, v.created_at, i.author_id, i.unit_id AS author_unit_id,
             'vote:idea:' || v.idea_id || ':voter:' || v.user_id || ':' AS key, ${localDaySql("v.created_at", zoneOf(agency))} AS day
           FROM votes v JOIN ideas i ON i.id = v.idea_id WHERE v.agency_id = ${agency}) v
       CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1) x;`,
    // per person and month first, then the four periods of each month: 8 rows per month, not per row
    totals: `INSERT INTO point_totals (agency_id, period, subject_type, subject_id, points)
     SELECT l.agency_id, ${periodOfDaySql("l.day", "p.n")}, k.kind, CASE k.kind WHEN 'user' THEN l.user_id ELSE l.unit_id END, sum(l.points)
     FROM (SELECT agency_id, user_id, unit_id, substr(day, 1, 7) AS day, sum(points) AS points FROM point_ledger NOT INDEXED
           WHERE agency_id = ${agency} GROUP BY user_id, unit_id, substr(day, 1, 7)) l
       CROSS JOIN ${PERIODS_AND_SUBJECTS_SQL}
     GROUP BY 1, 2, 3, 4;`,
    badges,
  };
}

/** What the scheduler would have told people: votes and comments on their ideas, new assignments. */
export function notificationsSql(p: BenchPlan): string[] {
  const { agency } = p;
  const insert = "INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key, created_at, read_at)";
  const read = (at: string) => `${at} + 3600000`;
  return [
    `${insert}
     SELECT v.agency_id, a.user_id, 'vote_on_my_idea', json_object('ideaId', i.id, 'title', i.title), 'vote:' || v.id || ':' || a.user_id, v.created_at, ${read("v.created_at")}
     FROM votes v JOIN ideas i ON i.id = v.idea_id JOIN idea_authors a ON a.idea_id = v.idea_id AND a.accepted_at IS NOT NULL AND a.user_id <> v.user_id
     WHERE v.agency_id = ${agency};`,
    `${insert}
     SELECT c.agency_id, a.user_id, 'comment_on_my_idea', json_object('ideaId', i.id, 'title', i.title, 'commentId', c.id, 'actorName', u.name),
       'comment:' || c.id || ':' || a.user_id, c.created_at, ${read("c.created_at")}
     FROM comments c JOIN ideas i ON i.id = c.idea_id JOIN users u ON u.id = c.author_id
       JOIN idea_authors a ON a.idea_id = c.idea_id AND a.accepted_at IS NOT NULL AND a.user_id <> c.author_id
     WHERE c.agency_id = ${agency} AND c.deleted_at IS NULL;`,
    `${insert}
     SELECT r.agency_id, r.reviewer_id, 'review_assigned',
       json_object('ideaId', i.id, 'title', i.title, 'assignmentId', r.id, 'campaignId', r.campaign_id, 'dueAt', r.due_at),
       'assigned:' || r.id, r.created_at, ${read("r.created_at")}
     FROM review_assignments r JOIN ideas i ON i.id = r.idea_id WHERE r.agency_id = ${agency};`,
  ];
}

/** People read what came before; the newest few of the last week are still unread. */
export function unreadSql(p: BenchPlan): string[] {
  const { agency, now } = p;
  return [
    `UPDATE notifications SET read_at = NULL WHERE id IN (
       SELECT id FROM (SELECT id, created_at, row_number() OVER (PARTITION BY user_id ORDER BY created_at DESC, id DESC) AS n
                       FROM notifications WHERE agency_id = ${agency})
       WHERE n <= 8 AND created_at > ${now - 7 * DAY});`,
  ];
}

/**
 * The dashboard's counters, as `src/db/queries/stats-derive.queries.ts` counts them (each figure
 * for the agency, campaign 0, and for the row's campaign), and the participants they count.
 */
export function statsSql(p: BenchPlan): string[] {
  const { agency, now } = p;
  const scopes = "CROSS JOIN (SELECT 0 AS per_campaign UNION ALL SELECT 1) sc";
  const scoped = (column: string) => `CASE sc.per_campaign WHEN 1 THEN ${column} ELSE 0 END`;
  const counter = "INSERT INTO stats_counters (agency_id, campaign_id, metric, bucket, value)";
  const add = "ON CONFLICT(agency_id, campaign_id, metric, bucket) DO UPDATE SET value = value + excluded.value";
  const events = `FROM idea_events e JOIN ideas i ON i.id = e.idea_id ${scopes} WHERE e.agency_id = ${agency}`;
  const month = localMonthSql("e.at", zoneOf(agency));
  return [
    `${counter} SELECT e.agency_id, ${scoped("i.campaign_id")}, 'funnel', e.to_status, count(*) ${events}
       AND e.action IN ('submit', 'start_review', 'shortlist', 'approve', 'implement', 'reject') GROUP BY 1, 2, 4 ${add};`,
    `${counter} SELECT e.agency_id, ${scoped("i.campaign_id")}, 'submitted_month', ${month}, count(*) ${events} AND e.action = 'submit' GROUP BY 1, 2, 4 ${add};`,
    `${counter} SELECT e.agency_id, ${scoped("i.campaign_id")}, 'submitted_category', i.category, count(*) ${events} AND e.action = 'submit' GROUP BY 1, 2, 4 ${add};`,
    `${counter} SELECT e.agency_id, ${scoped("i.campaign_id")}, 'submitted_unit', CAST(i.unit_id AS TEXT), count(*) ${events} AND e.action = 'submit' GROUP BY 1, 2, 4 ${add};`,
    `${counter} SELECT e.agency_id, ${scoped("i.campaign_id")}, m.metric, 'all', sum(CASE m.metric WHEN 'decision_count' THEN 1 ELSE e.at - i.submitted_at END)
       FROM idea_events e JOIN ideas i ON i.id = e.idea_id ${scopes}
       CROSS JOIN (SELECT 'decision_count' AS metric UNION ALL SELECT 'decision_ms_sum') m
       WHERE e.agency_id = ${agency} AND e.action IN ('approve', 'reject') AND i.submitted_at IS NOT NULL
       GROUP BY 1, 2, 3 ${add};`,
    // who took part, and how (each person once per activity and scope, with their unit)
    `INSERT INTO participants (agency_id, campaign_id, user_id, activity, unit_id)
     SELECT DISTINCT ${agency}, ${scoped("x.campaign_id")} AS campaign, x.user_id, CASE a.any_ WHEN 1 THEN 'any' ELSE x.activity END AS activity, x.unit_id
     FROM (SELECT DISTINCT i.campaign_id, e.actor_id AS user_id, u.unit_id, 'submitted' AS activity
             FROM idea_events e JOIN ideas i ON i.id = e.idea_id JOIN users u ON u.id = e.actor_id
             WHERE e.agency_id = ${agency} AND e.action = 'submit'
           UNION SELECT v.campaign_id, v.user_id, v.unit_id, 'voted' FROM votes v WHERE v.agency_id = ${agency}
           UNION SELECT i.campaign_id, c.author_id, u.unit_id, 'commented'
             FROM comments c JOIN ideas i ON i.id = c.idea_id JOIN users u ON u.id = c.author_id WHERE c.agency_id = ${agency}) x
     ${scopes}
     CROSS JOIN (SELECT 0 AS any_ UNION ALL SELECT 1) a
     WHERE 1
     ORDER BY 2, 4, 3
     ON CONFLICT DO NOTHING;`,
    `${counter} SELECT agency_id, campaign_id, 'participants_unit', activity || ':' || unit_id, count(*) FROM participants
     WHERE agency_id = ${agency} GROUP BY agency_id, campaign_id, activity, unit_id ${add};`,
    `${counter} SELECT agency_id, 0, 'asn_unit', CAST(unit_id AS TEXT), count(*) FROM users WHERE agency_id = ${agency} AND active = 1
     GROUP BY agency_id, unit_id ${add};`,
    // every job's watermark past the seeded rows: the first scheduler run finds nothing to do
    `UPDATE job_watermarks SET last_id = CASE name
       WHEN 'votes' THEN (SELECT coalesce(max(id), 0) FROM votes)
       WHEN 'stats_votes' THEN (SELECT coalesce(max(id), 0) FROM votes)
       WHEN 'comments' THEN (SELECT coalesce(max(id), 0) FROM comments)
       WHEN 'stats_comments' THEN (SELECT coalesce(max(id), 0) FROM comments)
       WHEN 'idea_events' THEN (SELECT coalesce(max(id), 0) FROM idea_events)
       WHEN 'stats_idea_events' THEN (SELECT coalesce(max(id), 0) FROM idea_events)
       WHEN 'review_assignments' THEN (SELECT coalesce(max(id), 0) FROM review_assignments)
       WHEN 'point_ledger' THEN (SELECT coalesce(max(id), 0) FROM point_ledger)
       WHEN 'point_totals' THEN (SELECT coalesce(max(id), 0) FROM point_ledger)
       WHEN 'user_badges' THEN (SELECT coalesce(max(rowid), 0) FROM user_badges)
       WHEN 'award_recipients' THEN (SELECT coalesce(max(id), 0) FROM award_recipients)
       WHEN 'outbox_mail' THEN (SELECT coalesce(max(id), 0) FROM notifications)
       WHEN 'deliveries' THEN (SELECT coalesce(max(id), 0) FROM notifications)
       WHEN 'asn_units' THEN ${now}
       ELSE last_id END;`,
  ];
}
