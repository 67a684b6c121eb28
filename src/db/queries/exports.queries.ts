/**
 * Reads of the CSV exports and the dossier. Every export reads by keyset, a page at a time, along
 * an index that leads with the agency (or campaign), so a page costs about its own rows:
 * ideas by (submitted_at, id) through `ideas_list_new` / `ideas_campaign_new`, awards by
 * (announced_at, id) through `awards_agency_at`. The ledger pages by id (its only agency-wide
 * order; see docs/exports.md), its secret vote rows folded per person and day after the others.
 */
import { and, asc, eq, gt, gte, inArray, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { SECRET_RULE } from "../../domain/vote-secrecy";
import { as } from "../alias";
import type { Database } from "../client";
import {
  agencies,
  awardIdeas,
  awardRecipients,
  awards,
  campaigns,
  ideaAuthors,
  ideas,
  pointLedger,
  units,
  users,
  votes,
} from "../schema";

// the co-authors of an exported idea, and the ideas an exported award names
const [a, u, ai, i] = [alias(ideaAuthors, "a"), alias(users, "u"), alias(awardIdeas, "ai"), alias(ideas, "i")];

export type IdeaScope = { agencyId: number; campaignId?: number | undefined };
/** The last row of the previous page: its submission time and id. */
export type IdeaKey = readonly [number, number];

/** The agency (its slug names the file) and, when asked for, its campaign (absent: 404). */
export async function getExportScope(db: Database, agencyId: number, campaignId: number | undefined) {
  const [agency, campaign] = await db.batch([
    db
      .select({ slug: agencies.slug, name: agencies.name, timeZone: agencies.timeZone })
      .from(agencies)
      .where(eq(agencies.id, agencyId)),
    db
      .select({ id: campaigns.id, title: campaigns.title })
      .from(campaigns)
      .where(and(eq(campaigns.id, campaignId ?? 0), eq(campaigns.agencyId, agencyId))),
  ]);
  return { agency: agency[0]!, campaign: campaign[0] ?? null };
}

/** Listed ideas of the agency (or one campaign), after a key, in submission order. */
function ideaPageWhere(scope: IdeaScope, after: IdeaKey | undefined, ...extra: (SQL | undefined)[]) {
  return and(
    eq(ideas.agencyId, scope.agencyId),
    eq(ideas.listed, true),
    isNull(ideas.hiddenAt),
    scope.campaignId === undefined ? undefined : eq(ideas.campaignId, scope.campaignId),
    after ? sql`(${ideas.submittedAt}, ${ideas.id}) > (${after[0]}, ${after[1]})` : undefined,
    ...extra,
  );
}

const submissionOrder = [asc(ideas.submittedAt), asc(ideas.id)];

/** A page of `ideas.csv`: `limit + 1` rows, each with its names, team and original. */
export function listIdeasForExport(db: Database, scope: IdeaScope, limit: number, after?: IdeaKey) {
  const original = alias(ideas, "original");
  const originalAgency = alias(agencies, "original_agency");
  return db
    .select({
      id: ideas.id,
      title: ideas.title,
      status: ideas.status,
      category: ideas.category,
      campaignId: ideas.campaignId,
      campaignTitle: as(campaigns.title, "campaign_title"),
      campaignKind: campaigns.kind,
      hideVotesUntilClosed: campaigns.hideVotesUntilClosed,
      votingEnd: campaigns.votingEnd,
      unitName: as(units.name, "unit_name"),
      authorName: as(users.name, "author_name"),
      // accepted co-authors; the author has a column of their own
      coauthors: sql<
        string | null
      >`(SELECT group_concat(${u.name}, '; ') FROM ${ideaAuthors} ${a} JOIN ${users} ${u} ON ${u.id} = ${a.userId}
        WHERE ${a.ideaId} = ${ideas.id} AND ${a.role} = 'coauthor' AND ${a.acceptedAt} IS NOT NULL)`.as(
        "coauthor_names",
      ),
      voteCount: ideas.voteCount,
      commentCount: ideas.commentCount,
      reviewScore: ideas.reviewScore,
      submittedAt: ideas.submittedAt,
      decidedAt: ideas.decidedAt,
      decisionReason: ideas.decisionReason,
      originalId: as(original.id, "original_id"),
      originalTitle: as(original.title, "original_title"),
      originalAgency: as(originalAgency.name, "original_agency_name"),
    })
    .from(ideas)
    .innerJoin(campaigns, eq(campaigns.id, ideas.campaignId))
    .innerJoin(units, eq(units.id, ideas.unitId))
    .innerJoin(users, eq(users.id, ideas.authorId))
    .leftJoin(original, eq(original.id, ideas.replicatesId))
    .leftJoin(originalAgency, eq(originalAgency.id, original.agencyId))
    .where(ideaPageWhere(scope, after))
    .orderBy(...submissionOrder)
    .limit(limit + 1);
}

/** Votes count now: the Kotak Ide always; a competition hiding them, once its voting closed. */
const votesVisible = (now: number) =>
  or(eq(campaigns.kind, "open"), eq(campaigns.hideVotesUntilClosed, false), lte(campaigns.votingEnd, now));

/**
 * A page of `votes.csv` in one round trip: up to `limit + 1` ideas with votes (whose counts are
 * visible now) and, for the first `limit` of them, their votes counted per voter's unit. Who voted
 * is never read.
 */
export function listVoteSourcesForExport(db: Database, scope: IdeaScope, now: number, limit: number, after?: IdeaKey) {
  const where = ideaPageWhere(scope, after, gt(ideas.voteCount, 0), votesVisible(now));
  const page = db
    .select({
      id: ideas.id,
      title: ideas.title,
      status: ideas.status,
      voteCount: ideas.voteCount,
      submittedAt: ideas.submittedAt,
      campaignId: ideas.campaignId,
      campaignTitle: as(campaigns.title, "campaign_title"),
    })
    .from(ideas)
    .innerJoin(campaigns, eq(campaigns.id, ideas.campaignId))
    .where(where)
    .orderBy(...submissionOrder)
    .limit(limit + 1);
  const pageIds = db
    .select({ id: ideas.id })
    .from(ideas)
    .innerJoin(campaigns, eq(campaigns.id, ideas.campaignId))
    .where(where)
    .orderBy(...submissionOrder)
    .limit(limit);
  const perUnit = db
    .select({
      ideaId: votes.ideaId,
      unitName: units.name,
      count: sql<number>`count(*)`.as("vote_total"),
    })
    .from(votes)
    .innerJoin(units, eq(units.id, votes.unitId))
    .where(inArray(votes.ideaId, pageIds))
    .groupBy(votes.ideaId, votes.unitId)
    .orderBy(asc(votes.ideaId), sql`vote_total DESC`, asc(units.name));
  return db.batch([page, perUnit]);
}

/**
 * A page of `ledger.csv`: `limit + 1` rows after the id `afterId`, optionally within days
 * (`YYYY-MM-DD` in the agency's time zone, inclusive), with the person and the unit credited.
 * Vote rows are left out: they are secret, {@link listVoteDaysForExport} folds them.
 */
export function listLedgerForExport(
  db: Database,
  f: { agencyId: number; from?: string | undefined; to?: string | undefined },
  limit: number,
  afterId = 0,
) {
  return db
    .select({
      id: pointLedger.id,
      at: pointLedger.at,
      points: pointLedger.points,
      eventType: pointLedger.eventType,
      subjectType: pointLedger.subjectType,
      subjectId: pointLedger.subjectId,
      ruleKey: pointLedger.ruleKey,
      rulesVersion: pointLedger.rulesVersion,
      nip: users.nip,
      name: users.name,
      unitName: as(units.name, "unit_name"),
    })
    .from(pointLedger)
    .innerJoin(users, eq(users.id, pointLedger.userId))
    .innerJoin(units, eq(units.id, pointLedger.unitId))
    .where(
      and(
        gt(pointLedger.id, afterId),
        eq(pointLedger.agencyId, f.agencyId),
        f.from === undefined ? undefined : gte(pointLedger.day, f.from),
        f.to === undefined ? undefined : lte(pointLedger.day, f.to),
        ne(pointLedger.ruleKey, SECRET_RULE),
      ),
    )
    .orderBy(asc(pointLedger.id))
    .limit(limit + 1);
}

/** The last vote group of the previous page: its day, person, unit and rules version, event. */
export type VoteDayKey = readonly [day: string, userId: number, unitId: number, version: number, eventType: string];

/**
 * A page of the vote rows of `ledger.csv`, folded per person, unit credited, day, rules version
 * and event (cast or taken back): what they paid and how many, never which idea.
 */
export function listVoteDaysForExport(
  db: Database,
  f: { agencyId: number; from?: string | undefined; to?: string | undefined },
  limit: number,
  after?: VoteDayKey,
) {
  const l = pointLedger;
  return db
    .select({
      day: l.day,
      userId: l.userId,
      unitId: l.unitId,
      rulesVersion: l.rulesVersion,
      eventType: l.eventType,
      ruleKey: l.ruleKey,
      points: sql<number>`sum(${l.points})`.as("points"),
      count: sql<number>`count(*)`.as("vote_rows"),
      nip: users.nip,
      name: users.name,
      unitName: as(units.name, "unit_name"),
    })
    .from(l)
    .innerJoin(users, eq(users.id, l.userId))
    .innerJoin(units, eq(units.id, l.unitId))
    .where(
      and(
        eq(l.agencyId, f.agencyId),
        eq(l.ruleKey, SECRET_RULE),
        f.from === undefined ? undefined : gte(l.day, f.from),
        f.to === undefined ? undefined : lte(l.day, f.to),
        after
          ? sql`(${l.day}, ${l.userId}, ${l.unitId}, ${l.rulesVersion}, ${l.eventType}) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]}, ${after[4]})`
          : undefined,
      ),
    )
    .groupBy(l.day, l.userId, l.unitId, l.rulesVersion, l.eventType)
    .orderBy(asc(l.day), asc(l.userId), asc(l.unitId), asc(l.rulesVersion), asc(l.eventType))
    .limit(limit + 1);
}

/** The last award of the previous page: its announcement time and id. */
export type AwardKey = readonly [number, number];

/**
 * A page of `awards.csv` in one round trip: up to `limit + 1` awards of the agency in announcement
 * order, with who announced them and their linked ideas, and the recipients of the first `limit`.
 */
export function listAwardsForExport(db: Database, agencyId: number, limit: number, after?: AwardKey) {
  const where = and(
    eq(awards.agencyId, agencyId),
    after ? sql`(${awards.announcedAt}, ${awards.id}) > (${after[0]}, ${after[1]})` : undefined,
  );
  const order = [asc(awards.announcedAt), asc(awards.id)];
  const page = db
    .select({
      id: awards.id,
      title: awards.title,
      citation: awards.citation,
      periodLabel: awards.periodLabel,
      bonusPoints: awards.bonusPoints,
      announcedAt: awards.announcedAt,
      announcedBy: as(users.name, "announcer_name"),
      ideas: sql<string | null>`(SELECT group_concat('#' || ${i.id} || ' ' || ${i.title}, '; ') FROM ${awardIdeas} ${ai}
        JOIN ${ideas} ${i} ON ${i.id} = ${ai.ideaId} WHERE ${ai.awardId} = ${awards.id})`.as("idea_labels"),
    })
    .from(awards)
    .innerJoin(users, eq(users.id, awards.announcedBy))
    .where(where)
    .orderBy(...order)
    .limit(limit + 1);
  const pageIds = db
    .select({ id: awards.id })
    .from(awards)
    .where(where)
    .orderBy(...order)
    .limit(limit);
  const personUnit = alias(units, "person_unit");
  const recipientUnit = alias(units, "recipient_unit");
  const recipients = db
    .select({
      awardId: awardRecipients.awardId,
      userId: awardRecipients.userId,
      certificateCode: awardRecipients.certificateCode,
      personName: as(users.name, "person_name"),
      personUnitName: as(personUnit.name, "person_unit_name"),
      recipientUnitName: as(recipientUnit.name, "recipient_unit_name"),
    })
    .from(awardRecipients)
    .leftJoin(users, eq(users.id, awardRecipients.userId))
    .leftJoin(personUnit, eq(personUnit.id, users.unitId))
    .leftJoin(recipientUnit, eq(recipientUnit.id, awardRecipients.unitId))
    .where(inArray(awardRecipients.awardId, pageIds))
    .orderBy(asc(awardRecipients.awardId), asc(awardRecipients.id));
  return db.batch([page, recipients]);
}

/**
 * What the dossier needs beyond the idea's page: the agency's name and the other agencies whose
 * listed ideas replicate it (the library is shared between agencies, so their names are public).
 */
export async function getDossierContext(db: Database, idea: { id: number; agencyId: number }) {
  const [agency, replicas] = await db.batch([
    db
      .select({ name: agencies.name, timeZone: agencies.timeZone, emblemKey: agencies.emblemKey })
      .from(agencies)
      .where(eq(agencies.id, idea.agencyId)),
    db
      .selectDistinct({ name: agencies.name })
      .from(ideas)
      .innerJoin(agencies, eq(agencies.id, ideas.agencyId))
      .where(and(eq(ideas.replicatesId, idea.id), eq(ideas.listed, true)))
      .orderBy(asc(agencies.name))
      .limit(100),
  ]);
  const { name, timeZone, emblemKey } = agency[0]!;
  return { agencyName: name, timeZone, emblemKey, replicatingAgencies: replicas.map((r) => r.name) };
}
