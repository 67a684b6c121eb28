/**
 * What the reward engine needs to know before an event, read in one statement (each small indexed
 * read a JSON column of it), so one round trip: the rules in force, the idea's team (and, for a
 * submitted replica, every ancestor's up its lineage), the people the event
 * may pay with their all-time totals, badges, today's paying occurrences of capped rules and the
 * counts a badge watches, and the rows already written for the event's cause.
 */
import { sql, type SQL } from "drizzle-orm";
import { countedBadge } from "../../domain/badges";
import { MAX_LINEAGE_DEPTH } from "../../domain/library";
import { DEFAULT_RULES, parseRules, type RuleKey, type RuleSet } from "../../domain/reward-rules";
import {
  causeOf,
  causeRange,
  isReversal,
  type Person,
  type PriorRow,
  type RewardEvent,
  type RewardState,
  type SubjectType,
} from "../../domain/rewards";
import { asTimeZone, localDaySql } from "../../domain/time-zone";
import type { Database } from "../client";

/** The rules an event may pay under, for each kind of event. */
const RULES_OF: Record<RewardEvent["type"], readonly RuleKey[]> = {
  idea_submitted: ["idea_submitted", "idea_replicated"],
  idea_shortlisted: ["idea_shortlisted"],
  idea_approved: ["idea_approved"],
  idea_implemented: ["idea_implemented"],
  vote_cast: ["vote_cast", "vote_received"],
  comment_posted: ["comment_posted"],
  review_completed: ["review_on_time", "review_late"],
  award_granted: ["award_granted"],
  vote_retracted: [],
  comment_deleted: [],
  comment_hidden: [],
  idea_withdrawn: [],
  idea_merged: [],
  award_revoked: [],
};

const TEAM_EVENTS = new Set(["idea_submitted", "idea_shortlisted", "idea_approved", "idea_implemented", "vote_cast"]);

const list = (ids: readonly number[]) =>
  ids.length === 0
    ? sql`SELECT NULL WHERE 0`
    : sql`VALUES ${sql.join(
        ids.map((id) => sql`(${id})`),
        sql`, `,
      )}`;

const acceptedAuthors = (ideaId: SQL | number) =>
  sql`SELECT user_id FROM idea_authors WHERE idea_id = ${ideaId} AND accepted_at IS NOT NULL`;

/**
 * The ideas up a replica's lineage as `lineage(id, depth)`: the one it replicates (depth 1), that
 * one's original (2), and so on, bounded by `MAX_LINEAGE_DEPTH` against a damaged chain.
 */
const lineageCte = (ideaId: number) => sql`WITH RECURSIVE lineage(id, depth) AS (
    SELECT replicates_id, 1 FROM ideas WHERE id = ${ideaId} AND replicates_id IS NOT NULL
    UNION
    SELECT i.replicates_id, l.depth + 1 FROM lineage l JOIN ideas i ON i.id = l.id
      WHERE i.replicates_id IS NOT NULL AND l.depth < ${MAX_LINEAGE_DEPTH})`;

/** The people an event may pay or reverse, as a subquery of user ids. */
function recipients(event: RewardEvent): SQL {
  if (isReversal(event)) {
    const { from, to } = causeRange(causeOf(event).key);
    return sql`SELECT user_id FROM point_ledger WHERE idempotency_key >= ${from} AND idempotency_key < ${to}`;
  }
  switch (event.type) {
    case "idea_submitted":
      return sql`SELECT user_id FROM (${lineageCte(event.ideaId)}
        SELECT user_id FROM idea_authors WHERE accepted_at IS NOT NULL
          AND (idea_id = ${event.ideaId} OR idea_id IN (SELECT id FROM lineage)))`;
    case "vote_cast":
      return sql`${acceptedAuthors(event.ideaId)} UNION SELECT ${event.voterId}`;
    case "comment_posted":
      return list([event.authorId]);
    case "review_completed":
      return list([event.reviewerId]);
    case "award_granted":
      return list(event.recipientIds);
    default:
      return acceptedAuthors(event.ideaId);
  }
}

/**
 * A rule's daily cap in the agency's newest rules version, as SQL (0 when uncapped): what
 * `parseRules` makes of the stored JSON — a cap stored as null means none, a rule the version does
 * not mention keeps the default.
 */
function dailyCapInForce(agencyId: number, rule: RuleKey): SQL {
  const path = `$.${rule}.dailyCap`;
  const fallback = DEFAULT_RULES.rules[rule].dailyCap ?? 0;
  return sql`coalesce((SELECT CASE json_type(rules, ${path}) WHEN 'null' THEN 0
      WHEN 'integer' THEN json_extract(rules, ${path}) ELSE ${fallback} END
    FROM reward_rules WHERE agency_id = ${agencyId} ORDER BY version DESC LIMIT 1), ${fallback})`;
}

type Row = Record<string, unknown>;

/** A read's rows as one JSON array of objects with the given columns (a scalar subquery); no read: none. */
const rows = (read: SQL | null, columns: readonly string[]) =>
  read === null
    ? sql`'[]'`
    : sql`(SELECT json_group_array(json_object(${sql.raw(columns.map((c) => `'${c}', x.${c}`).join(", "))})) FROM (${read}) x)`;
const num = (v: unknown) => Number(v ?? 0);
/** A JSON array of ids, as SQLite hands it over (embedded in the row's JSON, or as its text). */
const idList = (v: unknown): number[] =>
  (Array.isArray(v) ? v : (JSON.parse(String(v ?? "[]")) as number[])).map(Number);

/**
 * @param event the event about to happen
 * @param fresh the event's subject is created in the same batch: nothing can have been written for it yet
 */
export async function readRewardState(
  db: Database,
  event: RewardEvent,
  fresh = false,
): Promise<{ rules: RuleSet; state: RewardState }> {
  const who = recipients(event);
  // "today" is the day of the event on the clock of the event's agency
  const today = sql.raw(
    localDaySql(String(event.at), `(SELECT time_zone FROM agencies WHERE id = ${Number(event.agencyId)})`),
  );
  const ideaId = "ideaId" in event && TEAM_EVENTS.has(event.type) ? event.ideaId : null;
  const rulesOf = RULES_OF[event.type];
  const counted = rulesOf.map((r) => countedBadge(r)).filter((b) => b !== undefined);
  const { from, to } = causeRange(causeOf(event).key);
  const none = null;
  const reads = [
    rows(
      sql`SELECT a.time_zone, r.version, r.rules FROM agencies a
        LEFT JOIN reward_rules r ON r.agency_id = a.id
          AND r.version = (SELECT max(version) FROM reward_rules WHERE agency_id = a.id)
        WHERE a.id = ${event.agencyId}`,
      ["time_zone", "version", "rules"],
    ),
    // the all-time total as folded (the scheduler folds the ledger each minute): the engine's level
    // changes are reported against it; a person's own points (`/rewards/me`) add the rows not folded yet
    rows(
      sql`SELECT u.id AS user_id, u.agency_id, u.unit_id, a.time_zone, coalesce(t.points, 0) AS total
      FROM users u JOIN agencies a ON a.id = u.agency_id LEFT JOIN point_totals t
        ON t.agency_id = u.agency_id AND t.period = 'all' AND t.subject_type = 'user' AND t.subject_id = u.id
      WHERE u.id IN (SELECT user_id FROM w)`,
      ["user_id", "agency_id", "unit_id", "time_zone", "total"],
    ),
    rows(sql`SELECT user_id, badge_key FROM user_badges WHERE user_id IN (SELECT user_id FROM w)`, [
      "user_id",
      "badge_key",
    ]),
    rows(
      fresh
        ? none
        : sql`SELECT idempotency_key, agency_id, user_id, unit_id, points, rule_key, rules_version,
          subject_type, subject_id, day
          FROM point_ledger WHERE idempotency_key >= ${from} AND idempotency_key < ${to}`,
      [
        "idempotency_key",
        "agency_id",
        "user_id",
        "unit_id",
        "points",
        "rule_key",
        "rules_version",
        "subject_type",
        "subject_id",
        "day",
      ],
    ),
    rows(
      ideaId === null
        ? none
        : sql`SELECT i.vote_count,
          (SELECT json_group_array(a.user_id) FROM idea_authors a WHERE a.idea_id = i.id AND a.accepted_at IS NOT NULL) AS team
          FROM ideas i WHERE i.id = ${ideaId}`,
      ["vote_count", "team"],
    ),
    // today's paying rows of each rule (column n0, n1, … in the order of `rulesOf`), counted only up
    // to the rule's daily cap in force (uncapped: none): the engine asks "has the cap been reached?",
    // and a popular author's received votes stay unread
    rows(
      rulesOf.length === 0
        ? none
        : sql`SELECT w.user_id, ${sql.join(
            rulesOf.map(
              (rule, i) => sql`(SELECT count(*) FROM (SELECT 1 FROM point_ledger l
              WHERE l.user_id = w.user_id AND l.rule_key = ${rule} AND l.day = ${today} AND l.points > 0
              LIMIT ${dailyCapInForce(event.agencyId, rule)})) AS ${sql.raw(`n${i}`)}`,
            ),
            sql`, `,
          )} FROM w`,
      ["user_id", ...rulesOf.map((_, i) => `n${i}`)],
    ),
    // a submitted idea: every ancestor of the replica with its team, nearest first (read only for a
    // submission, so no other event pays for it)
    rows(
      ideaId !== null && event.type === "idea_submitted"
        ? sql`${lineageCte(ideaId)}
          SELECT o.id, o.agency_id, l.depth,
            (SELECT json_group_array(a.user_id) FROM idea_authors a WHERE a.idea_id = o.id AND a.accepted_at IS NOT NULL) AS team
          FROM lineage l JOIN ideas o ON o.id = l.id`
        : none,
      ["id", "agency_id", "depth", "team"],
    ),
    // a count badge reads its count only for those who do not hold it yet: at most its threshold of rows
    ...counted.map((badge) =>
      rows(
        sql`SELECT user_id, sum(CASE WHEN points > 0 THEN 1 WHEN points < 0 THEN -1 ELSE 0 END) AS n
        FROM point_ledger
        WHERE rule_key = ${badge.trigger.rule} AND user_id IN (SELECT u.id FROM users u WHERE u.id IN (SELECT user_id FROM w)
          AND NOT EXISTS (SELECT 1 FROM user_badges b WHERE b.user_id = u.id AND b.badge_key = ${badge.key}))
        GROUP BY user_id`,
        ["user_id", "n"],
      ),
    ),
  ];
  // every read above as one JSON column of ONE statement: the state costs one statement in one round trip
  const [row] = await db.all<Record<string, string>>(
    sql`WITH w(user_id) AS (${who}) SELECT ${sql.join(
      reads.map((read, i) => sql`${read} AS ${sql.raw(`r${i}`)}`),
      sql`, `,
    )}`,
  );
  const [rulesRows, peopleRows, badgeRows, causeRows, ideaRows, todayRows, lineageRows, ...countRows] = reads.map(
    (_, i) => JSON.parse(row?.[`r${i}`] ?? "[]") as Row[],
  );

  const stored = rulesRows![0];
  const rules = stored?.version != null ? parseRules(num(stored.version), String(stored.rules)) : DEFAULT_RULES;
  const timeZone = asTimeZone(stored?.time_zone as string | undefined);
  const people: Person[] = peopleRows!.map((p) => {
    const userId = num(p.user_id);
    const badges = badgeRows!.filter((b) => num(b.user_id) === userId).map((b) => String(b.badge_key));
    const today: Partial<Record<RuleKey, number>> = {};
    const counts = todayRows!.find((t) => num(t.user_id) === userId);
    for (const [i, rule] of rulesOf.entries()) today[rule] = num(counts?.[`n${i}`]);
    const countedNow: Partial<Record<RuleKey, number>> = {};
    counted.forEach((badge, i) => {
      if (badges.includes(badge.key)) return;
      const row = countRows[i]!.find((c) => num(c.user_id) === userId);
      countedNow[badge.trigger.rule] = num(row?.n);
    });
    return {
      userId,
      agencyId: num(p.agency_id),
      timeZone: asTimeZone(p.time_zone as string),
      unitId: num(p.unit_id),
      total: num(p.total),
      badges,
      today,
      counted: countedNow,
    };
  });
  const idea = ideaRows![0];
  const state: RewardState = {
    people,
    causeRows: causeRows!.map(toPriorRow),
    timeZone,
    ...(idea
      ? {
          team: idList(idea.team),
          ideaVotes: num(idea.vote_count),
          lineage: [...lineageRows!]
            .sort((a, b) => num(a.depth) - num(b.depth))
            .map((o) => ({ ideaId: num(o.id), agencyId: num(o.agency_id), team: idList(o.team) })),
        }
      : {}),
  };
  return { rules, state };
}

const toPriorRow = (r: Row): PriorRow => ({
  idempotencyKey: String(r.idempotency_key),
  agencyId: num(r.agency_id),
  userId: num(r.user_id),
  unitId: num(r.unit_id),
  points: num(r.points),
  ruleKey: String(r.rule_key),
  rulesVersion: num(r.rules_version),
  subjectType: r.subject_type as SubjectType,
  subjectId: num(r.subject_id),
  day: String(r.day),
});
