/**
 * Reads of a person's rewards (their totals, badges and ledger) and of the agency's reward rules,
 * and the write that publishes a new version of the rules. Every read is by primary key or index.
 */
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { periodsOfDay } from "../../domain/reward-periods";
import { DEFAULT_RULES, parseRules, serializeRules, type RuleSet, type Rules } from "../../domain/reward-rules";
import { SECRET_RULE } from "../../domain/vote-secrecy";
import { as } from "../alias";
import { runMappedBatch, type Database } from "../client";
import { rowOf } from "../raw";
import { awards, comments, ideas, pointLedger, pointTotals, rewardRules, reviews, userBadges, users } from "../schema";
import { recordAuditIfChanged } from "./audit.queries";
import { unfoldedPointsSql } from "./reward-fold.queries";

/**
 * A person's totals for the given periods (`all`, `2026`, …), exact at once — the folded totals plus
 * their ledger rows the scheduler has not folded yet — and their badges, in one round trip. Periods
 * without points are absent.
 */
export async function getRewardsOf(db: Database, agencyId: number, userId: number, periods: readonly string[]) {
  const [folded, unfolded, badges] = await runMappedBatch(db, [
    db
      .select()
      .from(pointTotals)
      .where(
        and(eq(pointTotals.agencyId, agencyId), eq(pointTotals.subjectType, "user"), eq(pointTotals.subjectId, userId)),
      ),
    db.all<{ month: string; points: number }>(unfoldedPointsSql(userId)),
    listBadgesOf(db, userId),
  ] as const);
  const points = new Map<string, number>();
  const add = (period: string, n: number) => {
    if (periods.includes(period)) points.set(period, (points.get(period) ?? 0) + Number(n));
  };
  for (const row of folded) for (const [period, n] of periodPointsOf(row)) add(period, n);
  for (const r of unfolded) for (const period of periodsOfDay(`${r.month}-01`)) add(period, r.points);
  return { points, badges };
}

/** The (period, points) of a totals row, one per kind. */
function periodPointsOf(row: typeof pointTotals.$inferSelect): [string, number][] {
  return [
    ["all", row.allPoints],
    [row.yearKey, row.yearPoints],
    [row.quarterKey, row.quarterPoints],
    [row.monthKey, row.monthPoints],
  ];
}

export function listBadgesOf(db: Database, userId: number) {
  return db
    .select({ badgeKey: userBadges.badgeKey, at: userBadges.at })
    .from(userBadges)
    .where(eq(userBadges.userId, userId));
}

/** A person of the agency, for reads about them (404 otherwise is the caller's). */
export async function getMember(db: Database, agencyId: number, userId: number) {
  const [row] = await db
    .select({ id: users.id, agencyId: users.agencyId, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.agencyId, agencyId)));
  return row;
}

const commentIdea = alias(ideas, "comment_idea");
const reviewIdea = alias(ideas, "review_idea");

/** Ledger rows with what caused each: the idea it concerns (directly, or through the comment or review) or the award. */
function ledgerRows(db: Database) {
  return db
    .select({
      id: pointLedger.id,
      points: pointLedger.points,
      eventType: pointLedger.eventType,
      ruleKey: pointLedger.ruleKey,
      rulesVersion: pointLedger.rulesVersion,
      subjectType: pointLedger.subjectType,
      subjectId: pointLedger.subjectId,
      idempotencyKey: pointLedger.idempotencyKey,
      day: pointLedger.day,
      at: pointLedger.at,
      ideaId: as(ideas.id, "idea_id"),
      ideaTitle: as(ideas.title, "idea_title"),
      commentIdeaId: as(commentIdea.id, "comment_idea_id"),
      commentIdeaTitle: as(commentIdea.title, "comment_idea_title"),
      reviewIdeaId: as(reviewIdea.id, "review_idea_id"),
      reviewIdeaTitle: as(reviewIdea.title, "review_idea_title"),
      awardTitle: as(awards.title, "award_title"),
    })
    .from(pointLedger)
    .leftJoin(ideas, and(eq(pointLedger.subjectType, "idea"), eq(ideas.id, pointLedger.subjectId)))
    .leftJoin(comments, and(eq(pointLedger.subjectType, "comment"), eq(comments.id, pointLedger.subjectId)))
    .leftJoin(commentIdea, eq(commentIdea.id, comments.ideaId))
    .leftJoin(reviews, and(eq(pointLedger.subjectType, "review"), eq(reviews.id, pointLedger.subjectId)))
    .leftJoin(reviewIdea, eq(reviewIdea.id, reviews.ideaId))
    .leftJoin(awards, and(eq(pointLedger.subjectType, "award"), eq(awards.id, pointLedger.subjectId)));
}

/**
 * A person's ledger as they read it themselves, newest first. Keyset on (at, id) through
 * `point_ledger_user_at`.
 * @param after the (at, id) of the last row of the previous page
 */
export function listLedger(db: Database, userId: number, limit: number, after?: readonly [number, number]) {
  return ledgerRows(db)
    .where(
      and(
        eq(pointLedger.userId, userId),
        after
          ? or(lt(pointLedger.at, after[0]), and(eq(pointLedger.at, after[0]), lt(pointLedger.id, after[1])))
          : undefined,
      ),
    )
    .orderBy(desc(pointLedger.at), desc(pointLedger.id))
    .limit(limit + 1);
}

export type LedgerListRow = Awaited<ReturnType<typeof listLedger>>[number];

/** Ledger rows by id, with their causes (the rows of a folded page). */
export function listLedgerRows(db: Database, ids: readonly number[]) {
  return ledgerRows(db).where(inArray(pointLedger.id, [...ids]));
}

/** Where an entry of a folded ledger stands: its day, a vote group (1) or a row (0), then time and place. */
export type FoldedKey = readonly [day: string, kind: number, at: number, pos: number];

export type FoldedEntry = {
  /** the row's id; null for a vote group */
  id: number | null;
  day: string;
  kind: number;
  at: number;
  pos: number;
  points: number;
  eventType: string;
  ruleKey: string;
  rulesVersion: number;
  /** ledger rows folded into the entry: 1 for a row */
  rows: number;
};

/**
 * A person's ledger as anyone else reads it (see `domain/vote-secrecy.ts`): their vote rows folded
 * per day, event and rules version, every other row as it is; newest day first, a day's vote
 * groups before its rows. A group's place (`pos`) comes from its event and version, never from a
 * row id. Reads the person's rows (the admin's view of one person, not a hot path).
 */
export async function listLedgerFolded(
  db: Database,
  userId: number,
  limit: number,
  after?: FoldedKey,
): Promise<FoldedEntry[]> {
  const l = pointLedger;
  const entries = sql`
    SELECT ${l.id} AS id, ${l.day} AS day, 0 AS kind, ${l.at} AS at, ${l.id} AS pos, ${l.points} AS points,
      ${l.eventType} AS "eventType", ${l.ruleKey} AS "ruleKey", ${l.rulesVersion} AS "rulesVersion", 1 AS "rows"
    FROM ${l} WHERE ${l.userId} = ${userId} AND ${l.ruleKey} <> ${SECRET_RULE}
    UNION ALL
    SELECT NULL, ${l.day}, 1, 0, ${l.rulesVersion} * 2 + (${l.eventType} = 'vote_retracted'), sum(${l.points}),
      ${l.eventType}, ${l.ruleKey}, ${l.rulesVersion}, count(*)
    FROM ${l} WHERE ${l.userId} = ${userId} AND ${l.ruleKey} = ${SECRET_RULE}
    GROUP BY ${l.day}, ${l.eventType}, ${l.ruleKey}, ${l.rulesVersion}`;
  return db.all<FoldedEntry>(sql`SELECT * FROM (${entries})
    WHERE ${after ? sql`(day, kind, at, pos) < (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]})` : sql`1`}
    ORDER BY day DESC, kind DESC, at DESC, pos DESC LIMIT ${limit + 1}`);
}

export type PublishedRuleSet = RuleSet & { createdAt: number | null; createdBy: { id: number; name: string } | null };

/**
 * The agency's rule versions, newest first, each with who published it (`limit + 1` of them, so a
 * page's oldest version can be compared with the one before it).
 * @param before the version of the last row of the previous page
 */
export async function listRuleVersions(
  db: Database,
  agencyId: number,
  limit: number,
  before?: number,
): Promise<PublishedRuleSet[]> {
  const rows = await db
    .select({
      version: rewardRules.version,
      rules: rewardRules.rules,
      createdAt: rewardRules.createdAt,
      createdById: rewardRules.createdBy,
      createdByName: users.name,
    })
    .from(rewardRules)
    .leftJoin(users, eq(users.id, rewardRules.createdBy))
    .where(and(eq(rewardRules.agencyId, agencyId), before === undefined ? undefined : lt(rewardRules.version, before)))
    .orderBy(desc(rewardRules.version))
    .limit(limit + 1);
  return rows.map((r) => ({
    ...parseRules(r.version, r.rules),
    createdAt: r.createdAt,
    createdBy: r.createdById === null ? null : { id: r.createdById, name: r.createdByName ?? "" },
  }));
}

/** The rules in force (the newest version; the defaults, version 0, before any) and who set them. */
export async function getRuleSet(db: Database, agencyId: number): Promise<PublishedRuleSet> {
  const [newest] = await listRuleVersions(db, agencyId, 0);
  return newest ?? { ...DEFAULT_RULES, createdAt: null, createdBy: null };
}

/**
 * Publishes `rules` as version `version`, only if the newest version is still `version - 1` (a
 * concurrent publish makes it change nothing), with its audit row.
 */
export function publishRulesStatements(
  db: Database,
  input: { agencyId: number; version: number; rules: Rules; actorId: number; now: number; detail: object },
) {
  const { agencyId, version, rules, actorId, now, detail } = input;
  return {
    published: db.insert(rewardRules).select(
      sql`SELECT ${rowOf(rewardRules, { agencyId, version, rules: serializeRules(rules), createdBy: actorId, createdAt: now })}
        WHERE (SELECT coalesce(max(${rewardRules.version}), 0) FROM ${rewardRules} WHERE ${rewardRules.agencyId} = ${agencyId}) = ${version - 1}`,
    ),
    effects: [
      recordAuditIfChanged(db, {
        agencyId,
        actorId,
        action: "reward_rules.update",
        subjectType: "reward_rules",
        subjectId: version,
        detail: { version, ...detail },
        at: now,
      }),
    ],
  };
}
