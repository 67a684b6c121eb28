import { and, desc, eq, inArray, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/sqlite-core";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { IdeaStatus } from "../../domain/idea-status";
import { scopedMatch, wordsMatch } from "../../domain/search";
import { as } from "../alias";
import type { Database } from "../client";
import { bare } from "../raw";
import { ideasFts } from "../fts";
import { campaigns, ideaAuthors, ideas, units, users } from "../schema";

export const IDEA_SORTS = ["new", "votes", "trending", "discussed", "score"] as const;
/** `updated` orders a person's own ideas (drafts have no submission time). */
export type IdeaSort = (typeof IDEA_SORTS)[number] | "updated";

const SORT_COLUMN: Record<IdeaSort, SQLiteColumn> = {
  new: ideas.submittedAt,
  votes: ideas.voteCount,
  trending: ideas.hot,
  discussed: ideas.commentCount,
  score: ideas.reviewScore,
  updated: ideas.updatedAt,
};

export type IdeaFilters = {
  agencyId: number;
  campaignId?: number | undefined;
  status?: IdeaStatus | undefined;
  category?: string | undefined;
  unitId?: number | undefined;
  authorId?: number | undefined;
  /** Only ideas this person (co-)authors, drafts included; otherwise only listed ideas. */
  memberId?: number | undefined;
};

/** What a list row shows; the names come along by primary key, a constant cost per row. */
const summary = {
  // named, so that the ORDER BY of a compound select (listIdeas) can refer to it
  id: as(ideas.id, "idea_id"),
  title: ideas.title,
  problem: sql<string>`substr(${ideas.problem}, 1, 240)`.as("problem_excerpt"),
  status: ideas.status,
  category: ideas.category,
  voteCount: ideas.voteCount,
  commentCount: ideas.commentCount,
  hot: ideas.hot,
  reviewScore: ideas.reviewScore,
  submittedAt: ideas.submittedAt,
  createdAt: ideas.createdAt,
  updatedAt: ideas.updatedAt,
  replicatesId: ideas.replicatesId,
  replicationCount: ideas.replicationCount,
  campaignId: ideas.campaignId,
  campaignTitle: as(campaigns.title, "campaign_title"),
  campaignKind: campaigns.kind,
  hideVotesUntilClosed: campaigns.hideVotesUntilClosed,
  votingEnd: campaigns.votingEnd,
  unitId: ideas.unitId,
  unitName: as(units.name, "unit_name"),
  authorId: ideas.authorId,
  authorName: as(users.name, "author_name"),
};

function summaryQuery(db: Database) {
  return db
    .select(summary)
    .from(ideas)
    .innerJoin(campaigns, eq(campaigns.id, ideas.campaignId))
    .innerJoin(units, eq(units.id, ideas.unitId))
    .innerJoin(users, eq(users.id, ideas.authorId));
}

export type IdeaSummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>["all"]>>[number];

function filterConditions(db: Database, f: IdeaFilters): (SQL | undefined)[] {
  return [
    eq(ideas.agencyId, f.agencyId),
    f.memberId === undefined
      ? and(eq(ideas.listed, true), isNull(ideas.hiddenAt))
      : inArray(
          ideas.id,
          db.select({ id: ideaAuthors.ideaId }).from(ideaAuthors).where(eq(ideaAuthors.userId, f.memberId)),
        ),
    f.campaignId === undefined ? undefined : eq(ideas.campaignId, f.campaignId),
    f.status === undefined ? undefined : eq(ideas.status, f.status),
    f.category === undefined ? undefined : eq(ideas.category, f.category),
    f.unitId === undefined ? undefined : eq(ideas.unitId, f.unitId),
    f.authorId === undefined ? undefined : eq(ideas.authorId, f.authorId),
  ];
}

/**
 * A page of listed ideas by keyset, newest/highest first, reading O(page size) rows through the
 * (agency | campaign, listed, sort, id) indexes. After a cursor `(x, y)` the page is the rest of
 * x's tie group (`sort = x AND id < y`) merged with what comes below (`sort < x`): SQLite merges
 * the two index-ordered arms and stops at the limit, where `(sort, id) < (x, y)` alone would seek
 * on `sort` only and rescan the whole tie group on every page.
 * @param after the last row of the previous page: its sort value and id
 */
export function listIdeas(
  db: Database,
  f: IdeaFilters,
  sort: IdeaSort,
  limit: number,
  after?: readonly [number, number],
) {
  const column = SORT_COLUMN[sort];
  const base = and(...filterConditions(db, f), sort === "score" ? isNotNull(ideas.reviewScore) : undefined);
  if (!after) {
    return summaryQuery(db)
      .where(base)
      .orderBy(desc(column), desc(ideas.id))
      .limit(limit + 1);
  }
  const [value, id] = after;
  const tieGroup = summaryQuery(db).where(and(base, eq(column, value), lt(ideas.id, id)));
  const below = summaryQuery(db).where(and(base, lt(column, value)));
  return (
    unionAll(tieGroup, below)
      // a compound select orders by its result columns, by bare name
      .orderBy(sql`${bare(column)} DESC`, sql`${sql.identifier(summary.id.fieldAlias)} DESC`)
      .limit(limit + 1)
  );
}

/** bm25 with the title weighing most, then the problem, then the solution; the scope token counts for nothing. */
const BM25 = "bm25(5.0, 2.0, 1.0, 0.0)";

/** How many matches one tier of a search ranks (see `searchIdeas`). */
export const RANKED_WINDOW = 500;

/**
 * A search's FTS5 query, kept inside the agency. While another agency has ideas in the database, FTS5
 * keeps to the agency by its scope token (`scopedMatch`); an agency alone in its database (one D1 per
 * agency, as the bench) is asked for its words only (`wordsMatch`). bm25 counts each phrase of a query
 * over the whole index before it scores a tier, the scope token's included: at L, 100,000 ideas and
 * most of the query's time, for a token every idea holds. Either way the same ideas match, and the
 * page's join keeps to the agency as well. SQLite decides once a statement, with two seeks on an index
 * that starts with the agency (`<` and `>`: `<>` would scan it).
 */
function agencyMatch(agencyId: number, match: string): SQL {
  const others = sql`EXISTS (SELECT 1 FROM ${ideas} WHERE ${ideas.agencyId} < ${agencyId}) OR EXISTS (SELECT 1 FROM ${ideas} WHERE ${ideas.agencyId} > ${agencyId})`;
  return sql`(CASE WHEN ${others} THEN ${scopedMatch(agencyId, match)} ELSE ${wordsMatch(match)} END)`;
}

/** The rowid of the match at `position` counting from the newest (no scoring: FTS5 walks its doclists). */
const matchAt = (match: SQL, position: number) =>
  sql`(SELECT rowid FROM ${ideasFts} WHERE ${ideasFts} MATCH ${match} ORDER BY rowid DESC LIMIT 1 OFFSET ${position})`;

/**
 * The matches of one tier, ranked inside the index (`rank MATCH`, `ORDER BY rank`) so that they
 * arrive best first and the join stops at the page. FTS5 scores every match in its range before it
 * hands back the best; a common word in a large agency (a third of 100,000 ideas) cost hundreds of
 * milliseconds unbounded. A tier is a rowid range FTS5 applies itself: the matches at positions
 * [tier·W, (tier+1)·W) counting from the newest, so no more than W are ever scored.
 * @param match an FTS5 query kept inside the agency (`agencyMatch`)
 */
function rankedTier(match: SQL, tier: number) {
  return and(
    sql`${ideasFts} MATCH ${match}`,
    sql`${ideasFts}.rank MATCH ${BM25}`,
    tier === 0 ? undefined : sql`${ideasFts}.rowid <= ${matchAt(match, tier * RANKED_WINDOW)}`,
    sql`${ideasFts}.rowid >= coalesce(${matchAt(match, (tier + 1) * RANKED_WINDOW - 1)}, 0)`,
  );
}
const byRank = sql`${ideasFts}.rank`;

/** Where a search page starts: its tier and its offset among the tier's (filtered) results. */
export type SearchPosition = readonly [tier: number, offset: number];

/**
 * Full-text search ranked by bm25 (title weighs most), tier by tier: the newest 500 matches best
 * first, then the next 500, and so on. Pages by offset inside a tier, since rank is not a key.
 * @param match a `searchQuery`, kept inside `f.agencyId` here
 */
export function searchIdeas(db: Database, f: IdeaFilters, match: string, limit: number, at: SearchPosition) {
  const [tier, offset] = at;
  return summaryQuery(db)
    .innerJoin(ideasFts, eq(ideasFts.rowid, ideas.id))
    .where(and(rankedTier(agencyMatch(f.agencyId, match), tier), ...filterConditions(db, f)))
    .orderBy(byRank)
    .limit(limit + 1)
    .offset(offset);
}

/**
 * Whether a search has matches past `tier`: asked only when a page ends its tier (or the whole
 * search), and a walk no longer than the matches, at most one tier's.
 */
export async function hasLaterTier(db: Database, agencyId: number, match: string, tier: number) {
  const rows = await db.all<{ rowid: number }>(
    sql`SELECT rowid FROM ${ideasFts} WHERE ${ideasFts} MATCH ${agencyMatch(agencyId, match)} ORDER BY rowid DESC LIMIT 1 OFFSET ${(tier + 1) * RANKED_WINDOW}`,
  );
  return rows.length > 0;
}

/**
 * Ideas of the agency that look like the text being typed.
 * @param match a `similarityQuery`, kept inside `agencyId` here
 */
export function listSimilarIdeas(
  db: Database,
  agencyId: number,
  match: string,
  excludeId: number | undefined,
  limit: number,
) {
  return db
    .select({
      id: ideas.id,
      title: ideas.title,
      status: ideas.status,
      voteCount: ideas.voteCount,
      campaignId: ideas.campaignId,
      campaignKind: campaigns.kind,
      hideVotesUntilClosed: campaigns.hideVotesUntilClosed,
      votingEnd: campaigns.votingEnd,
    })
    .from(ideas)
    .innerJoin(ideasFts, eq(ideasFts.rowid, ideas.id))
    .innerJoin(campaigns, eq(campaigns.id, ideas.campaignId))
    .where(
      and(
        rankedTier(agencyMatch(agencyId, match), 0),
        eq(ideas.agencyId, agencyId),
        eq(ideas.listed, true),
        isNull(ideas.hiddenAt),
        excludeId === undefined ? undefined : sql`${ideas.id} <> ${excludeId}`,
      ),
    )
    .orderBy(byRank)
    .limit(limit);
}
