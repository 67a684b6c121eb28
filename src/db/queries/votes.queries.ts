/**
 * Votes. A vote and the count it changes are written in one batch, guarded inside it: the insert
 * selects its row only when the idea takes votes, the campaign's window is open at the bound `now`,
 * the voter is not on the idea's team and still has budget; `ON CONFLICT DO NOTHING` makes a
 * second vote a no-op. The count then moves by what the insert did, read with SQLite's
 * `changes()` (the rows the previous statement of the batch changed; on workerd's allowlist),
 * so the count can never drift from the rows, however many requests race. The count's move hands
 * back the new count (`RETURNING`), so the batch needs no read after it: where the voter stood is
 * read before, in the reward state's statement ({@link voteStandingSql}), issue 22.
 */
import { and, desc, eq, exists, inArray, isNotNull, isNull, notExists, sql, type SQL } from "drizzle-orm";
import { VOTABLE_STATUSES } from "../../domain/voting";
import { as } from "../alias";
import type { Database } from "../client";
import { sqlHot } from "../hot";
import { fromJson, jsonRowOf, type JsonRow } from "../json-columns";
import { literal } from "../raw";
import { campaigns, follows, ideaAuthors, ideaBurstFindings, ideaReports, ideas, units, votes } from "../schema";

/** `insert().select()` names every column in table order; NULL lets SQLite assign the id. */
const AUTO_ID = sql<number>`NULL`.as("id");
const one = sql`1`;

/** The campaign's voting window is open at `now` (Kotak Ide: always); mirrors `isVotingOpen`. */
const votingOpenAt = (now: number) =>
  sql`(${campaigns.kind} = ${literal("open" satisfies (typeof campaigns.$inferSelect)["kind"])} OR (${campaigns.votingStart} <= ${now} AND ${now} < ${campaigns.votingEnd}))`;

/** The idea takes votes now: a votable status, not hidden, in the actor's agency, its campaign's window open. */
const votableNow = (ideaId: number, agencyId: number, now: number) =>
  and(
    eq(ideas.id, ideaId),
    eq(ideas.agencyId, agencyId),
    inArray(ideas.status, [...VOTABLE_STATUSES]),
    isNull(ideas.hiddenAt),
    votingOpenAt(now),
  );

/**
 * `vote_count` and `hot` move by `delta` only if the statement just before changed exactly one
 * row; the new count comes back (no row: nothing moved).
 */
const moveCount = (db: Database, ideaId: number, delta: 1 | -1) =>
  db
    .update(ideas)
    .set({ voteCount: sql`${ideas.voteCount} + ${delta}`, hot: sqlHot(sql`${ideas.voteCount} + ${delta}`) })
    .where(and(eq(ideas.id, ideaId), sql`changes() = 1`))
    .returning({ voteCount: ideas.voteCount });

export type VoteInput = { ideaId: number; agencyId: number; userId: number; unitId: number; now: number };

const votedBy = (userId: number) =>
  sql<number>`EXISTS (SELECT 1 FROM ${votes} WHERE ${votes.ideaId} = ${ideas.id} AND ${votes.userId} = ${userId})`;
const usedBy = (userId: number) =>
  sql<number>`(SELECT count(*) FROM ${votes} WHERE ${votes.userId} = ${userId} AND ${votes.campaignId} = ${ideas.campaignId})`;
const teamHas = (userId: number, accepted: boolean) =>
  sql<number>`EXISTS (SELECT 1 FROM ${ideaAuthors} WHERE ${ideaAuthors.ideaId} = ${ideas.id} AND ${ideaAuthors.userId} = ${userId}${
    accepted ? sql` AND ${ideaAuthors.acceptedAt} IS NOT NULL` : sql``
  })`;

/** The idea, its campaign and where the voter stands: the answer, or which rule refused. */
const standingFields = (userId: number) => ({
  status: ideas.status,
  voteCount: ideas.voteCount,
  hiddenAt: ideas.hiddenAt,
  campaignId: ideas.campaignId,
  kind: campaigns.kind,
  submissionStart: campaigns.submissionStart,
  submissionEnd: campaigns.submissionEnd,
  votingStart: campaigns.votingStart,
  votingEnd: campaigns.votingEnd,
  reviewStart: campaigns.reviewStart,
  reviewEnd: campaigns.reviewEnd,
  announcementAt: campaigns.announcementAt,
  voteBudget: campaigns.voteBudget,
  hideVotesUntilClosed: campaigns.hideVotesUntilClosed,
  // named: D1 hands rows over as objects (lib/d1-stats), so no two columns may share a name
  voted: votedBy(userId).as("voted"),
  used: usedBy(userId).as("used"),
  ownIdea: teamHas(userId, true).as("own_idea"),
  member: teamHas(userId, false).as("member"),
});

export type VoteStateRow = JsonRow<ReturnType<typeof standingFields>>;

/**
 * Where the voter stands before the vote, as a JSON column for the reward state's statement (one
 * round trip with the session check): NULL when the agency has no such idea.
 */
export function voteStandingSql(input: Omit<VoteInput, "unitId" | "now">): SQL<string | null> {
  const { ideaId, agencyId, userId } = input;
  return jsonRowOf(
    standingFields(userId),
    sql`FROM ${ideas} JOIN ${campaigns} ON ${campaigns.id} = ${ideas.campaignId}
      WHERE ${ideas.id} = ${ideaId} AND ${ideas.agencyId} = ${agencyId}`,
  );
}

/** {@link voteStandingSql}'s value as the typed row (null: no such idea). */
export const toVoteState = (userId: number, value: unknown): VoteStateRow | null =>
  value === null || value === undefined ? null : fromJson(standingFields(userId), value);

/**
 * Where the voter stands after a batch that changed nothing while the standing read before said it
 * should have: a request that raced another (the budget spent meanwhile, the same vote twice).
 */
export async function getVoteState(
  db: Database,
  input: Omit<VoteInput, "unitId" | "now">,
): Promise<VoteStateRow | null> {
  const { ideaId, agencyId, userId } = input;
  const [row] = await db
    .select(standingFields(userId))
    .from(ideas)
    .innerJoin(campaigns, eq(campaigns.id, ideas.campaignId))
    .where(and(eq(ideas.id, ideaId), eq(ideas.agencyId, agencyId)));
  return row ?? null;
}

/**
 * Casts a vote: the guarded insert, then the count and hot score (handing back the new count).
 * @returns the statements by name, in batch order; `vote`'s `changes` is 1 when a vote was added
 */
export function castVoteStatements(db: Database, input: VoteInput) {
  const { ideaId, agencyId, userId, unitId, now } = input;
  const insert = db
    .insert(votes)
    .select(
      db
        .select({
          id: AUTO_ID,
          agencyId: ideas.agencyId,
          campaignId: ideas.campaignId,
          ideaId: as(ideas.id, "idea_id"),
          userId: sql`${userId}`.as("user_id"),
          unitId: sql`${unitId}`.as("unit_id"),
          createdAt: sql`${now}`.as("created_at"),
        })
        .from(ideas)
        .innerJoin(campaigns, eq(campaigns.id, ideas.campaignId))
        .where(
          and(
            votableNow(ideaId, agencyId, now),
            notExists(
              db
                .select({ one })
                .from(ideaAuthors)
                .where(
                  and(
                    eq(ideaAuthors.ideaId, ideaId),
                    eq(ideaAuthors.userId, userId),
                    isNotNull(ideaAuthors.acceptedAt),
                  ),
                ),
            ),
            sql`${usedBy(userId)} < ${campaigns.voteBudget}`,
          ),
        ),
    )
    .onConflictDoNothing({ target: [votes.ideaId, votes.userId] });
  return { vote: insert, count: moveCount(db, ideaId, 1) };
}

/**
 * Takes a vote back while the idea still takes votes, then moves the count (handing back the new count).
 * @returns the statements by name, in batch order; `vote`'s `changes` is 1 when a vote was removed
 */
export function retractVoteStatements(db: Database, input: Omit<VoteInput, "unitId">) {
  const { ideaId, agencyId, userId, now } = input;
  const remove = db.delete(votes).where(
    and(
      eq(votes.ideaId, ideaId),
      eq(votes.userId, userId),
      exists(
        db
          .select({ one })
          .from(ideas)
          .innerJoin(campaigns, eq(campaigns.id, ideas.campaignId))
          .where(votableNow(ideaId, agencyId, now)),
      ),
    ),
  );
  return { vote: remove, count: moveCount(db, ideaId, -1) };
}

/** `EXISTS` the person's vote for the idea, cast at `now`: the guard for what casting it earns. */
export const voteCastAt = (ideaId: number, userId: number, now: number) =>
  sql`EXISTS (SELECT 1 FROM ${votes} WHERE ${votes.ideaId} = ${ideaId} AND ${votes.userId} = ${userId} AND ${votes.createdAt} = ${now})`;

/** `NOT EXISTS` the person's vote for the idea: the guard for taking back what it earned. */
export const noVote = (ideaId: number, userId: number) =>
  sql`NOT EXISTS (SELECT 1 FROM ${votes} WHERE ${votes.ideaId} = ${ideaId} AND ${votes.userId} = ${userId})`;

/** The ideas a person voted for in a campaign, newest vote first (at most the budget, ≤ 100). */
export function listMyVotes(db: Database, userId: number, campaignId: number) {
  return db
    .select({ ideaId: votes.ideaId })
    .from(votes)
    .where(and(eq(votes.userId, userId), eq(votes.campaignId, campaignId)))
    .orderBy(desc(votes.createdAt), desc(votes.id))
    .limit(100);
}

/** Every vote of an idea with the voter's unit (at the time of voting), for the committee's view. */
export function listVoteOrigins(db: Database, ideaId: number) {
  return db
    .select({ unitId: votes.unitId, unitName: units.name, at: votes.createdAt })
    .from(votes)
    .innerJoin(units, eq(units.id, votes.unitId))
    .where(eq(votes.ideaId, ideaId));
}

/**
 * When and from which unit each vote of these ideas arrived (no voter): the ranking's burst flags.
 * Read through `votes_idea_user`, so it costs the ranked ideas' votes, not the campaign's.
 */
export function listIdeaVoteTimes(db: Database, ideaIds: readonly number[]) {
  return db
    .select({ ideaId: votes.ideaId, unitId: votes.unitId, at: votes.createdAt })
    .from(votes)
    .where(inArray(votes.ideaId, [...ideaIds]));
}

export type BurstFindingRow = typeof ideaBurstFindings.$inferSelect;

/** The kept burst findings of these ideas (≤ 100 ids): those whose votes have not changed since. */
export function listBurstFindings(db: Database, ideaIds: readonly number[]) {
  return db
    .select()
    .from(ideaBurstFindings)
    .where(inArray(ideaBurstFindings.ideaId, [...ideaIds]));
}

/** Keeps findings just computed (≤ 12 per statement: 8 columns each). */
export const saveBurstFindings = (db: Database, rows: readonly BurstFindingRow[]) =>
  db
    .insert(ideaBurstFindings)
    .values([...rows])
    .onConflictDoNothing();

/** The viewer and an idea, for its page: their vote, whether they follow it, their votes used in its campaign. */
export function getViewerStanding(db: Database, idea: { id: number; campaignId: number }, viewerId: number) {
  return db
    .select({
      myVote:
        sql<number>`EXISTS (SELECT 1 FROM ${votes} WHERE ${votes.ideaId} = ${idea.id} AND ${votes.userId} = ${viewerId})`.as(
          "my_vote",
        ),
      following:
        sql<number>`EXISTS (SELECT 1 FROM ${follows} WHERE ${follows.ideaId} = ${idea.id} AND ${follows.userId} = ${viewerId})`.as(
          "following",
        ),
      reportedByMe:
        sql<number>`EXISTS (SELECT 1 FROM ${ideaReports} WHERE ${ideaReports.ideaId} = ${idea.id} AND ${ideaReports.userId} = ${viewerId})`.as(
          "reported_by_me",
        ),
      votesUsed:
        sql<number>`(SELECT count(*) FROM ${votes} WHERE ${votes.userId} = ${viewerId} AND ${votes.campaignId} = ${idea.campaignId})`.as(
          "votes_used",
        ),
      voteBudget: campaigns.voteBudget,
    })
    .from(campaigns)
    .where(eq(campaigns.id, idea.campaignId));
}

/** Follows an idea (idempotent). */
export const followIdea = (db: Database, ideaId: number, userId: number, now: number) =>
  db.insert(follows).values({ ideaId, userId, createdAt: now }).onConflictDoNothing();

export const unfollowIdea = (db: Database, ideaId: number, userId: number) =>
  db.delete(follows).where(and(eq(follows.ideaId, ideaId), eq(follows.userId, userId)));
