/**
 * The innovation record of a career (issue 21.2): its sources in one round trip, the issued records
 * and the share page. Reads are scoped by the person; a record of another agency reads as absent.
 */
import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { CareerSources, IdeaRole } from "../../domain/career-record";
import type { IdeaStatus } from "../../domain/idea-status";
import { asTimeZone } from "../../domain/time-zone";
import { as } from "../alias";
import type { Database } from "../client";
import { insertFields } from "../raw";
import {
  agencies,
  awardRecipients,
  awards,
  campaigns,
  careerRecords,
  careerShares,
  ideaAuthors,
  ideas,
  implementationReports,
  implementationUpdates,
  pointLedger,
  reviews,
  units,
  userBadges,
  users,
} from "../schema";

/**
 * What a person's record is made of, read in one batch: who they are, the listed ideas they
 * (co-)author with their implementation, reviews submitted, awards in force, badges and points.
 * @returns undefined for an unknown person
 */
export async function getCareerSources(db: Database, userId: number): Promise<CareerSources | undefined> {
  const original = alias(ideas, "original");
  const originalAgency = alias(agencies, "original_agency");
  const [person, ideaRows, reviewRows, awardRows, badgeRows, points] = await db.batch([
    db
      .select({
        name: users.name,
        nip: users.nip,
        position: users.position,
        unit: as(units.name, "unit_name"),
        agency: as(agencies.name, "agency_name"),
        timeZone: agencies.timeZone,
      })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(eq(users.id, userId)),
    db
      .select({
        id: ideas.id,
        title: ideas.title,
        role: ideaAuthors.role,
        status: ideas.status,
        campaign: as(campaigns.title, "campaign_title"),
        submittedAt: ideas.submittedAt,
        originalTitle: as(original.title, "original_title"),
        originalAgency: as(originalAgency.name, "original_agency"),
        implementedOn: implementationReports.implementedOn,
        summary: implementationReports.summary,
        results: implementationReports.results,
        updates: sql<number>`(SELECT count(*) FROM ${implementationUpdates} WHERE ${implementationUpdates.ideaId} = ${ideas.id})`,
        replicatedBy: ideas.replicationCount,
      })
      .from(ideaAuthors)
      .innerJoin(ideas, eq(ideas.id, ideaAuthors.ideaId))
      .innerJoin(campaigns, eq(campaigns.id, ideas.campaignId))
      .leftJoin(original, eq(original.id, ideas.replicatesId))
      .leftJoin(originalAgency, eq(originalAgency.id, original.agencyId))
      .leftJoin(implementationReports, eq(implementationReports.ideaId, ideas.id))
      .where(and(eq(ideaAuthors.userId, userId), isNotNull(ideaAuthors.acceptedAt), eq(ideas.listed, true))),
    db
      .select({ campaign: campaigns.title, submittedAt: reviews.submittedAt })
      .from(reviews)
      .innerJoin(campaigns, eq(campaigns.id, reviews.campaignId))
      .where(and(eq(reviews.reviewerId, userId), eq(reviews.state, "submitted"), isNotNull(reviews.submittedAt))),
    db
      .select({
        title: awards.title,
        periodLabel: awards.periodLabel,
        announcedAt: awards.announcedAt,
        code: awardRecipients.certificateCode,
      })
      .from(awardRecipients)
      .innerJoin(awards, eq(awards.id, awardRecipients.awardId))
      .where(and(eq(awardRecipients.userId, userId), isNull(awards.revokedAt))),
    db.select({ key: userBadges.badgeKey, at: userBadges.at }).from(userBadges).where(eq(userBadges.userId, userId)),
    db
      .select({ points: sql<number>`coalesce(sum(${pointLedger.points}), 0)` })
      .from(pointLedger)
      .where(eq(pointLedger.userId, userId)),
  ]);
  const who = person[0];
  if (!who) return undefined;
  return {
    person: { ...who, timeZone: asTimeZone(who.timeZone) },
    ideas: ideaRows.map((r) => ({
      id: r.id,
      title: r.title,
      role: r.role as IdeaRole,
      status: r.status as IdeaStatus,
      campaign: r.campaign,
      submittedAt: r.submittedAt,
      replicates: r.originalTitle ? { title: r.originalTitle, agency: r.originalAgency ?? "" } : null,
      implementation:
        r.implementedOn !== null
          ? { implementedOn: r.implementedOn, summary: r.summary ?? "", results: r.results, updates: Number(r.updates) }
          : null,
      replicatedBy: r.replicatedBy,
    })),
    reviews: reviewRows.map((r) => ({ campaign: r.campaign, submittedAt: r.submittedAt ?? 0 })),
    awards: awardRows,
    badges: badgeRows,
    points: Number(points[0]?.points ?? 0),
  };
}

const recordColumns = {
  id: careerRecords.id,
  code: careerRecords.code,
  issuedAt: careerRecords.issuedAt,
  revokedAt: careerRecords.revokedAt,
};

/** The records a person issued, newest first, and whether (and under which code) they share their record. */
export async function listMyRecords(db: Database, userId: number) {
  const [issued, share] = await db.batch([
    db
      .select(recordColumns)
      .from(careerRecords)
      .where(eq(careerRecords.userId, userId))
      .orderBy(desc(careerRecords.id))
      .limit(50),
    db.select({ code: careerShares.code }).from(careerShares).where(eq(careerShares.userId, userId)),
  ]);
  return { issued, shareCode: share[0]?.code ?? null };
}

/** One issued record of its person (another person's: undefined). */
export async function getMyRecord(db: Database, userId: number, id: number) {
  const [row] = await db
    .select({ ...recordColumns, content: careerRecords.content })
    .from(careerRecords)
    .where(and(eq(careerRecords.id, id), eq(careerRecords.userId, userId)));
  return row;
}

/**
 * Stores an issued record unless the person issued `limit` records since `since` (the count is
 * checked inside the statement, so racing requests cannot pass it together).
 * @returns the row, or none when the limit was reached
 */
export async function issueRecord(
  db: Database,
  row: { agencyId: number; userId: number; code: string; content: string; issuedAt: number },
  limit: { count: number; since: number },
) {
  const [inserted] = await db.batch([
    db
      .insert(careerRecords)
      .select(
        db
          .select(
            insertFields(careerRecords, {
              id: sql`NULL`,
              agencyId: sql`${row.agencyId}`,
              userId: sql`${row.userId}`,
              code: sql`${row.code}`,
              content: sql`${row.content}`,
              issuedAt: sql`${row.issuedAt}`,
              revokedAt: sql`NULL`,
            }),
          )
          .from(users)
          .where(
            and(
              eq(users.id, row.userId),
              sql`(SELECT count(*) FROM ${careerRecords} WHERE ${careerRecords.userId} = ${row.userId}
                AND ${careerRecords.issuedAt} >= ${limit.since}) < ${limit.count}`,
            ),
          ),
      )
      .returning(recordColumns),
  ]);
  return inserted[0];
}

/** Revokes a record of its person that is still in force. @returns the row, or none when it was not */
export async function revokeRecord(db: Database, userId: number, id: number, at: number) {
  const [updated] = await db.batch([
    db
      .update(careerRecords)
      .set({ revokedAt: at })
      .where(and(eq(careerRecords.id, id), eq(careerRecords.userId, userId), isNull(careerRecords.revokedAt)))
      .returning(recordColumns),
  ]);
  return updated[0];
}

/** A record by its public code, with what the verification page shows. */
export async function getRecordByCode(db: Database, code: string) {
  const [row] = await db
    .select({
      code: careerRecords.code,
      content: careerRecords.content,
      issuedAt: careerRecords.issuedAt,
      revokedAt: careerRecords.revokedAt,
      timeZone: agencies.timeZone,
    })
    .from(careerRecords)
    .innerJoin(agencies, eq(agencies.id, careerRecords.agencyId))
    .where(eq(careerRecords.code, code));
  return row;
}

/** Turns sharing on under a new code (replacing any old one, whose links then stop working). */
export function startSharing(db: Database, row: { userId: number; agencyId: number; code: string; at: number }) {
  return db
    .insert(careerShares)
    .values({ userId: row.userId, agencyId: row.agencyId, code: row.code, createdAt: row.at })
    .onConflictDoUpdate({ target: careerShares.userId, set: { code: row.code, createdAt: row.at } });
}

export const stopSharing = (db: Database, userId: number) =>
  db.delete(careerShares).where(eq(careerShares.userId, userId));

/** Whose record a share code opens: an active person of an active agency. */
export async function getSharedPerson(db: Database, code: string) {
  const [row] = await db
    .select({ userId: careerShares.userId })
    .from(careerShares)
    .innerJoin(users, eq(users.id, careerShares.userId))
    .innerJoin(agencies, eq(agencies.id, careerShares.agencyId))
    .where(and(eq(careerShares.code, code), eq(users.active, true), eq(agencies.active, true)));
  return row?.userId;
}
