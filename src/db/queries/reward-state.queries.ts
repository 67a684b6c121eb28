/**
 * What the reward engine needs to know before an event, read in one statement (each small indexed
 * read a JSON column of it, `db/json-columns.ts`), so one round trip: the rules in force, the idea's
 * team (and, for a submitted replica, every ancestor's up its lineage), the people the event may pay
 * with the badges it may grant them, today's paying occurrences of capped rules and the counts a
 * badge watches, and the rows already written for the event's cause. Issue 22: each person is read
 * once, and only what the event can touch (a vote reads the voter's `vote_cast` cap and badge, the
 * team's `vote_received` ones); no all-time total, as no caller reports level changes.
 */
import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
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
} from "../../domain/rewards";
import { asTimeZone, localDay, type TimeZone } from "../../domain/time-zone";
import type { Database } from "../client";
import { fromJsonRows, jsonObject, jsonRowsOf, type JsonFields } from "../json-columns";
import { agencyZone, sqlLocalDay } from "../local-time";
import { bare } from "../raw";
import { agencies, ideaAuthors, ideas, pointLedger, rewardRules } from "../schema";
import { peopleRead, toPeople, wHead } from "./reward-people.queries";

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

const team = alias(ideaAuthors, "a");
const agency = alias(agencies, "ag");
const rules = alias(rewardRules, "r");
const newest = alias(rewardRules, "rn");
const origin = alias(ideas, "o");
const link = alias(ideas, "i");

const list = (ids: readonly number[]) =>
  ids.length === 0
    ? sql`SELECT NULL WHERE 0`
    : sql`VALUES ${sql.join(
        ids.map((id) => sql`(${id})`),
        sql`, `,
      )}`;

const acceptedAuthors = (ideaId: number) =>
  sql`SELECT ${ideaAuthors.userId} FROM ${ideaAuthors} WHERE ${ideaAuthors.ideaId} = ${ideaId} AND ${ideaAuthors.acceptedAt} IS NOT NULL`;

/** A JSON array of an idea's accepted authors (`idea` names the idea's id). */
const teamOf = (idea: SQL) =>
  sql<string>`(SELECT json_group_array(${team.userId}) FROM ${ideaAuthors} ${team} WHERE ${team.ideaId} = ${idea} AND ${team.acceptedAt} IS NOT NULL)`;

/**
 * The ideas up a replica's lineage as `lineage(id, depth)`: the one it replicates (depth 1), that
 * one's original (2), and so on, bounded by `MAX_LINEAGE_DEPTH` against a damaged chain.
 */
const lineageCte = (ideaId: number) => sql`WITH RECURSIVE lineage(id, depth) AS (
    SELECT ${ideas.replicatesId}, 1 FROM ${ideas} WHERE ${ideas.id} = ${ideaId} AND ${ideas.replicatesId} IS NOT NULL
    UNION
    SELECT ${link.replicatesId}, lineage.depth + 1 FROM lineage JOIN ${ideas} ${link} ON ${link.id} = lineage.id
      WHERE ${link.replicatesId} IS NOT NULL AND lineage.depth < ${MAX_LINEAGE_DEPTH})`;

/** The people an event may pay or reverse, as a subquery of user ids. */
export function recipients(event: RewardEvent): SQL {
  if (isReversal(event)) {
    const { from, to } = causeRange(causeOf(event).key);
    return sql`SELECT ${pointLedger.userId} FROM ${pointLedger}
      WHERE ${pointLedger.idempotencyKey} >= ${from} AND ${pointLedger.idempotencyKey} < ${to}`;
  }
  switch (event.type) {
    case "idea_submitted":
      return sql`SELECT ${bare(ideaAuthors.userId)} FROM (${lineageCte(event.ideaId)}
        SELECT ${ideaAuthors.userId} FROM ${ideaAuthors} WHERE ${ideaAuthors.acceptedAt} IS NOT NULL
          AND (${ideaAuthors.ideaId} = ${event.ideaId} OR ${ideaAuthors.ideaId} IN (SELECT id FROM lineage)))`;
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

/** The agency's newest rules version, as a condition on `rules` (reward_rules aliased). */
const newestOf = (agencyId: SQL | number) =>
  sql`${rules.version} = (SELECT max(${newest.version}) FROM ${rewardRules} ${newest} WHERE ${newest.agencyId} = ${agencyId})`;

const VERSION_FIELDS = { version: rules.version, rules: rules.rules } satisfies JsonFields;
const RULES_FIELDS = { timeZone: agency.timeZone, ...VERSION_FIELDS } satisfies JsonFields;
const CAUSE_FIELDS = {
  idempotencyKey: pointLedger.idempotencyKey,
  agencyId: pointLedger.agencyId,
  userId: pointLedger.userId,
  unitId: pointLedger.unitId,
  points: pointLedger.points,
  ruleKey: pointLedger.ruleKey,
  rulesVersion: pointLedger.rulesVersion,
  subjectType: pointLedger.subjectType,
  subjectId: pointLedger.subjectId,
  day: pointLedger.day,
} satisfies JsonFields;
const IDEA_FIELDS = { voteCount: ideas.voteCount } satisfies JsonFields;
/** A submission's own team: its people read also include the teams up the lineage. */
const SUBMITTED_FIELDS = { voteCount: ideas.voteCount, team: teamOf(sql`${ideas.id}`) } satisfies JsonFields;
const LINEAGE_FIELDS = {
  id: origin.id,
  agencyId: origin.agencyId,
  depth: sql<number>`lineage.depth`,
  team: teamOf(sql`${origin.id}`),
} satisfies JsonFields;

/**
 * The idea's accepted authors. For a vote and a workflow step they are the people read (`w` is the
 * team, and the voter for a vote: the voter is no team member, or the guarded vote writes nothing),
 * so the team is not read twice; a submission reads its own (its people include the lineage's teams).
 */
function teamFrom(event: RewardEvent, read: unknown, people: readonly Person[]): number[] {
  if (event.type === "idea_submitted") return idList(read);
  const ids = people.map((p) => p.userId).sort((a, b) => a - b);
  return event.type === "vote_cast" ? ids.filter((id) => id !== event.voterId) : ids;
}

/** A JSON array of ids, as SQLite hands it over (embedded in the row's JSON, or as its text). */
const idList = (v: unknown): number[] =>
  (Array.isArray(v) ? v : (JSON.parse(String(v ?? "[]")) as number[])).map(Number);

/** The state's reads, each a JSON column of the one statement (exported for the cost diagnosis in tests). */
export function stateReads(event: RewardEvent, options: StateOptions = {}) {
  const { fresh = false, zone = null } = options;
  const ideaId = "ideaId" in event && TEAM_EVENTS.has(event.type) ? event.ideaId : null;
  const rulesOf = RULES_OF[event.type];
  const { from, to } = causeRange(causeOf(event).key);
  const none = sql`'[]'`;
  // "today" is the day of the event on the clock of the event's agency (given, or read from its row)
  const today = zone ? sql<string>`${localDay(event.at, zone)}` : sqlLocalDay(event.at, agencyZone(event.agencyId));
  const people = peopleRead(event, rulesOf, today);
  return {
    rules: zone
      ? jsonRowsOf(
          VERSION_FIELDS,
          sql`FROM ${rewardRules} ${rules} WHERE ${rules.agencyId} = ${event.agencyId} AND ${newestOf(event.agencyId)}`,
        )
      : jsonRowsOf(
          RULES_FIELDS,
          sql`FROM ${agencies} ${agency} LEFT JOIN ${rewardRules} ${rules} ON ${rules.agencyId} = ${agency.id} AND ${newestOf(sql`${agency.id}`)}
            WHERE ${agency.id} = ${event.agencyId}`,
        ),
    cause: fresh
      ? none
      : jsonRowsOf(
          CAUSE_FIELDS,
          sql`FROM ${pointLedger} WHERE ${pointLedger.idempotencyKey} >= ${from} AND ${pointLedger.idempotencyKey} < ${to}`,
        ),
    idea:
      ideaId === null
        ? none
        : jsonRowsOf(
            event.type === "idea_submitted" ? SUBMITTED_FIELDS : IDEA_FIELDS,
            sql`FROM ${ideas} WHERE ${ideas.id} = ${ideaId}`,
          ),
    // a submitted idea: every ancestor of the replica with its team, nearest first (read only for a
    // submission, so no other event pays for it)
    lineage:
      ideaId !== null && event.type === "idea_submitted"
        ? sql`(${lineageCte(ideaId)} SELECT coalesce(json_group_array(${jsonObject(LINEAGE_FIELDS)}), '[]')
            FROM lineage JOIN ${ideas} ${origin} ON ${origin.id} = lineage.id)`
        : none,
    people,
  };
}

/** How the state is read (see {@link readRewardState}). */
export type StateOptions = {
  /** the event's subject is created in the same batch: nothing can have been written for it yet */
  fresh?: boolean;
  /** a scalar read of the caller's to carry in the same statement (e.g. where a voter stands) */
  alongside?: SQL | null;
  /** the time zone of the event's agency when the caller knows it (the session's): then not read */
  zone?: TimeZone | null;
};

/**
 * @param event the event about to happen
 * @returns the rules and the state, the `alongside` read's value as SQLite gives it, and the last
 *   ledger id at the time of reading
 */
export async function readRewardState(
  db: Database,
  event: RewardEvent,
  options: StateOptions = {},
): Promise<{ rules: RuleSet; state: RewardState; alongside: unknown; ledgerThrough: number }> {
  const alongside = options.alongside ?? null;
  const reads = stateReads(event, options);
  const columns: [string, SQL][] = [
    ["rules", reads.rules],
    ["people", reads.people.read],
    ["cause", reads.cause],
    ["idea", reads.idea],
    ["lineage", reads.lineage],
    // the last ledger id now: a capped row of the batch then counts only the rows written since
    ["ledger_through", sql`(SELECT max(${pointLedger.id}) FROM ${pointLedger})`],
    ...(alongside ? [["alongside", alongside] as [string, SQL]] : []),
  ];
  // every read above as one JSON column of ONE statement: the state costs one statement in one round trip
  const [row] = await db.all<Record<string, unknown>>(
    sql`WITH ${wHead} AS (${recipients(event)}) SELECT ${sql.join(
      columns.map(([name, read]) => sql`${read} AS ${sql.identifier(name)}`),
      sql`, `,
    )}`,
  );
  const got = row ?? {};
  const stored = fromJsonRows(RULES_FIELDS, got.rules)[0];
  const rules = stored?.version != null ? parseRules(stored.version, String(stored.rules)) : DEFAULT_RULES;
  // the zone the caller gave (the session's) is not read again; otherwise it came with the rules
  const timeZone = options.zone ?? asTimeZone(stored?.timeZone ?? undefined);
  const people = toPeople(reads.people, got.people);
  const idea = fromJsonRows(SUBMITTED_FIELDS, got.idea)[0];
  const state: RewardState = {
    people,
    causeRows: fromJsonRows(CAUSE_FIELDS, got.cause) satisfies PriorRow[],
    timeZone,
    ...(idea
      ? {
          team: teamFrom(event, idea.team, people),
          ideaVotes: idea.voteCount,
          lineage: fromJsonRows(LINEAGE_FIELDS, got.lineage)
            .sort((a, b) => a.depth - b.depth)
            .map((o) => ({ ideaId: o.id, agencyId: o.agencyId, team: idList(o.team) })),
        }
      : {}),
  };
  return { rules, state, alongside: got.alongside ?? null, ledgerThrough: Number(got.ledger_through ?? 0) };
}
