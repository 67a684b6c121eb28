/**
 * The reads of a person's home page: what waits for them, by role, and what the agency recognised
 * lately. All in one `db.batch` (one round trip); every read goes through an index, and every
 * count stops at {@link COUNT_CAP}, so the page costs the same in an agency of 100 ideas or 100,000.
 */
import { and, asc, desc, eq, gt, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { TEAM_OPEN_STATUSES } from "../../domain/idea-team";
import { as } from "../alias";
import { runMappedBatch, type Database } from "../client";
import { unfoldedPointsSql } from "./reward-fold.queries";
import {
  awardIdeas,
  awards,
  campaignMembers,
  campaigns,
  comments,
  ideaAuthors,
  ideaEvents,
  ideas,
  NOT_ANNOUNCED_LAST,
  pointTotals,
  reviewAssignments,
  reviews,
  userBadges,
  users,
} from "../schema";

/** Counts stop here: the page says "99+" rather than read every row. */
export const COUNT_CAP = 99;

/** Which role-specific reads to make: a person without the role costs nothing for it. */
export type HomeScope = {
  agencyId: number;
  userId: number;
  leader: boolean;
  admin: boolean;
  now: number;
};

/** `count(*)` of at most COUNT_CAP + 1 rows of a table that meet a condition. */
const capped = (db: Database, table: SQLiteTable, where: SQL | undefined) =>
  db.select({ n: sql<number>`count(*)`.as("n") }).from(
    db
      .select({ one: sql<number>`1`.as("one") })
      .from(table)
      .where(where)
      .limit(COUNT_CAP + 1)
      .as("capped"),
  );

const leader = alias(users, "leader");
const nothing = (db: Database) => db.select({ n: sql<number>`0`.as("n") }).from(sql`(SELECT 1)`);

/** My drafts and the drafts of teams I accepted to join: newest edits first. */
function draftsOf(db: Database, s: HomeScope) {
  return db
    .select({ id: ideas.id, title: ideas.title, updatedAt: ideas.updatedAt })
    .from(ideaAuthors)
    .innerJoin(ideas, eq(ideas.id, ideaAuthors.ideaId))
    .where(and(eq(ideaAuthors.userId, s.userId), sql`${ideaAuthors.acceptedAt} IS NOT NULL`, eq(ideas.status, "draft")))
    .orderBy(desc(ideas.updatedAt))
    .limit(COUNT_CAP + 1);
}

function invitationsOf(db: Database, s: HomeScope) {
  return db
    .select({
      ideaId: ideas.id,
      title: ideas.title,
      invitedAt: ideaAuthors.invitedAt,
      authorName: as(users.name, "author_name"),
    })
    .from(ideaAuthors)
    .innerJoin(ideas, eq(ideas.id, ideaAuthors.ideaId))
    .innerJoin(users, eq(users.id, ideas.authorId))
    .where(
      and(
        eq(ideaAuthors.userId, s.userId),
        isNull(ideaAuthors.acceptedAt),
        inArray(ideas.status, [...TEAM_OPEN_STATUSES]),
      ),
    )
    .orderBy(desc(ideaAuthors.invitedAt))
    .limit(COUNT_CAP + 1);
}

/** Assignments without a submitted review, soonest due first (through `review_assignments_reviewer`). */
function reviewsDueOf(db: Database, s: HomeScope) {
  return db
    .select({
      id: reviewAssignments.id,
      ideaId: reviewAssignments.ideaId,
      title: ideas.title,
      dueAt: reviewAssignments.dueAt,
      campaignTitle: as(campaigns.title, "campaign_title"),
    })
    .from(reviewAssignments)
    .innerJoin(ideas, eq(ideas.id, reviewAssignments.ideaId))
    .innerJoin(campaigns, eq(campaigns.id, reviewAssignments.campaignId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(and(eq(reviewAssignments.reviewerId, s.userId), sql`coalesce(${reviews.state}, '') <> 'submitted'`))
    .orderBy(asc(reviewAssignments.dueAt), asc(reviewAssignments.id))
    .limit(COUNT_CAP + 1);
}

/** The campaigns I chair with ideas in review or shortlisted: each waits for my decision. */
function decisionsOf(db: Database, s: HomeScope) {
  return db
    .select({
      campaignId: campaigns.id,
      title: campaigns.title,
      waiting: sql<number>`(SELECT count(*) FROM (SELECT 1 FROM ${ideas} WHERE ${ideas.campaignId} = ${campaigns.id}
        AND ${ideas.status} IN ('in_review', 'shortlisted') LIMIT ${COUNT_CAP + 1}))`.as("waiting"),
    })
    .from(campaignMembers)
    .innerJoin(campaigns, eq(campaigns.id, campaignMembers.campaignId))
    .where(and(eq(campaignMembers.userId, s.userId), eq(campaignMembers.role, "chair")))
    .orderBy(desc(campaigns.id))
    .limit(10);
}

/** Approved or implemented ideas no award names yet: a leader may recognise them. */
function awardableOf(db: Database, s: HomeScope) {
  return capped(
    db,
    ideas,
    and(
      eq(ideas.agencyId, s.agencyId),
      inArray(ideas.status, ["approved", "implemented"]),
      sql`NOT EXISTS (SELECT 1 FROM ${awardIdeas} WHERE ${awardIdeas.ideaId} = ${ideas.id})`,
    ),
  );
}

function reportedIdeasOf(db: Database, s: HomeScope) {
  return capped(db, ideas, and(eq(ideas.agencyId, s.agencyId), gt(ideas.reportCount, 0), isNull(ideas.hiddenAt)));
}

function reportedCommentsOf(db: Database, s: HomeScope) {
  return capped(
    db,
    comments,
    and(eq(comments.agencyId, s.agencyId), gt(comments.reportCount, 0), isNull(comments.hiddenAt)),
  );
}

/** Active accounts that never signed in (through the partial index `users_never_signed_in`). */
function notActivatedOf(db: Database, s: HomeScope) {
  return capped(db, users, and(eq(users.agencyId, s.agencyId), isNull(users.lastLoginAt), eq(users.active, true)));
}

/** Competitions not yet announced (through `campaigns_agency`), and the Kotak Ide. */
function campaignsOf(db: Database, s: HomeScope) {
  return db
    .select({
      id: campaigns.id,
      kind: campaigns.kind,
      title: campaigns.title,
      submissionStart: campaigns.submissionStart,
      submissionEnd: campaigns.submissionEnd,
      votingStart: campaigns.votingStart,
      votingEnd: campaigns.votingEnd,
      reviewStart: campaigns.reviewStart,
      reviewEnd: campaigns.reviewEnd,
      announcementAt: campaigns.announcementAt,
    })
    .from(campaigns)
    .where(and(eq(campaigns.agencyId, s.agencyId), sql`${sql.raw(NOT_ANNOUNCED_LAST)} > ${s.now}`))
    .orderBy(asc(sql.raw(NOT_ANNOUNCED_LAST)))
    .limit(6);
}

/** All-time points, exact: the folded total plus the person's rows not folded yet. */
function pointsOf(db: Database, s: HomeScope) {
  const folded = db
    .select({ points: pointTotals.allPoints })
    .from(pointTotals)
    .where(
      and(
        eq(pointTotals.agencyId, s.agencyId),
        eq(pointTotals.subjectType, "user"),
        eq(pointTotals.subjectId, s.userId),
      ),
    );
  return db.all<{ points: number }>(
    sql`SELECT coalesce((${folded}), 0) + coalesce((SELECT sum(points) FROM (${unfoldedPointsSql(s.userId)})), 0) AS points`,
  );
}

function newestBadgeOf(db: Database, s: HomeScope) {
  return db
    .select({ badgeKey: userBadges.badgeKey, at: userBadges.at })
    .from(userBadges)
    .where(eq(userBadges.userId, s.userId))
    .orderBy(desc(userBadges.at))
    .limit(1);
}

/** The agency's newest awards, each with the leader who announced it. */
function recentAwardsOf(db: Database, s: HomeScope) {
  return db
    .select({
      id: awards.id,
      title: awards.title,
      at: awards.announcedAt,
      leaderName: as(leader.name, "leader_name"),
      leaderPosition: as(leader.position, "leader_position"),
    })
    .from(awards)
    .innerJoin(leader, eq(leader.id, awards.announcedBy))
    .where(eq(awards.agencyId, s.agencyId))
    .orderBy(desc(awards.announcedAt), desc(awards.id))
    .limit(5);
}

/** Ideas newly implemented, each with the person who recorded it (through `idea_events_agency_at`). */
function recentImplementedOf(db: Database, s: HomeScope) {
  return db
    .select({
      id: ideas.id,
      title: ideas.title,
      at: ideaEvents.at,
      leaderName: as(leader.name, "leader_name"),
      leaderPosition: as(leader.position, "leader_position"),
    })
    .from(ideaEvents)
    .innerJoin(ideas, eq(ideas.id, ideaEvents.ideaId))
    .innerJoin(leader, eq(leader.id, ideaEvents.actorId))
    .where(
      and(
        eq(ideaEvents.agencyId, s.agencyId),
        eq(ideaEvents.toStatus, "implemented"),
        eq(ideas.status, "implemented"),
        isNull(ideas.hiddenAt),
      ),
    )
    .orderBy(desc(ideaEvents.at))
    .limit(5);
}

/**
 * Everything the home page shows, in one round trip. A role's reads are replaced by a constant
 * when the person does not hold it.
 */
export async function getHome(db: Database, s: HomeScope) {
  const [
    drafts,
    invitations,
    reviewsDue,
    decisions,
    awardable,
    reportedIdeas,
    reportedComments,
    notActivated,
    openCampaigns,
    points,
    badge,
    recentAwards,
    recentImplemented,
  ] = await runMappedBatch(db, [
    draftsOf(db, s),
    invitationsOf(db, s),
    reviewsDueOf(db, s),
    decisionsOf(db, s),
    s.leader ? awardableOf(db, s) : nothing(db),
    s.admin ? reportedIdeasOf(db, s) : nothing(db),
    s.admin ? reportedCommentsOf(db, s) : nothing(db),
    s.admin ? notActivatedOf(db, s) : nothing(db),
    campaignsOf(db, s),
    pointsOf(db, s),
    newestBadgeOf(db, s),
    recentAwardsOf(db, s),
    recentImplementedOf(db, s),
  ] as const);
  return {
    drafts,
    invitations,
    reviewsDue,
    decisions,
    awardable: awardable[0]?.n ?? 0,
    reportedIdeas: reportedIdeas[0]?.n ?? 0,
    reportedComments: reportedComments[0]?.n ?? 0,
    notActivated: notActivated[0]?.n ?? 0,
    openCampaigns,
    points: points[0]?.points ?? 0,
    badge: badge[0] ?? null,
    recentAwards,
    recentImplemented,
  };
}

export type HomeRows = Awaited<ReturnType<typeof getHome>>;
