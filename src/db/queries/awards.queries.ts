/**
 * Awards: the reads behind announcing one (what the named ids are), the statements that announce
 * it in one batch, and the reads of the agency's awards, its public Hall of Fame and a certificate.
 */
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { AwardReferences, AwardRequest } from "../../domain/awards";
import { as, newestId } from "../alias";
import type { Database, Statement } from "../client";
import { columnList } from "../raw";
import { agencies, awardIdeas, awardRecipients, awards, ideaAuthors, ideas, units, users } from "../schema";
import { recordAuditIf } from "./audit.queries";
import { IGNORE_DUPLICATE_NOTIFICATIONS, INSERT_NOTIFICATION, notMuted } from "./notification-insert";

/** Recipient rows per insert: 3 bound parameters each, well under D1's 100. */
const RECIPIENTS_PER_INSERT = 25;

const ids = (list: readonly number[]) => (list.length > 0 ? [...list] : [0]);

/** What storage knows of every id an announcement names, in one round trip. */
export async function getAwardReferences(db: Database, request: AwardRequest): Promise<AwardReferences> {
  const ideaIds = request.ideaTeamOf === undefined ? request.ideaIds : [...request.ideaIds, request.ideaTeamOf];
  const [people, unitRows, ideaRows, team] = await db.batch([
    db
      .select({ id: users.id, agencyId: users.agencyId, active: users.active })
      .from(users)
      .where(inArray(users.id, ids(request.userIds))),
    db
      .select({ id: units.id, agencyId: units.agencyId, active: units.active })
      .from(units)
      .where(inArray(units.id, ids(request.unitIds))),
    db
      .select({ id: ideas.id, agencyId: ideas.agencyId, listed: ideas.listed })
      .from(ideas)
      .where(inArray(ideas.id, ids(ideaIds))),
    db
      .select({ userId: ideaAuthors.userId, agencyId: users.agencyId, active: users.active })
      .from(ideaAuthors)
      .innerJoin(users, eq(users.id, ideaAuthors.userId))
      .where(and(eq(ideaAuthors.ideaId, request.ideaTeamOf ?? 0), sql`${ideaAuthors.acceptedAt} IS NOT NULL`))
      .orderBy(asc(ideaAuthors.invitedAt), asc(ideaAuthors.userId)),
  ]);
  const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map(({ id, ...rest }) => [id, rest]));
  return { people: byId(people), units: byId(unitRows), ideas: byId(ideaRows), team };
}

export type NewAward = {
  agencyId: number;
  announcerId: number;
  title: string;
  citation: string;
  periodLabel: string;
  bonusPoints: number;
  /** each recipient with its fresh certificate code; the first code marks the award in the batch */
  people: readonly { userId: number; code: string }[];
  units: readonly { unitId: number; code: string }[];
  ideaIds: readonly number[];
  at: number;
};

/**
 * The award this batch announced, found through a certificate code it wrote (codes are unique and
 * fresh): NULL, and every statement guarded by {@link announcedBy} writes nothing, when the
 * award was not written.
 */
export const announcedAwardId = (marker: string): SQL<number> =>
  sql<number>`(SELECT ${awardRecipients.awardId} FROM ${awardRecipients} WHERE ${awardRecipients.certificateCode} = ${marker})`;

/** The condition that this batch wrote the award (see {@link announcedAwardId}). */
export const announcedBy = (marker: string): SQL =>
  sql`EXISTS (SELECT 1 FROM ${awardRecipients} WHERE ${awardRecipients.certificateCode} = ${marker})`;

/** The code that marks a new award in its batch. */
export const markerOf = (award: NewAward) => (award.people[0] ?? award.units[0])!.code;

/**
 * The statements announcing an award, to run as ONE batch with what it pays (`rewardStatements`
 * guarded by {@link announcedBy}): the award, written only if the agency has not announced an
 * award of the same title for the same period (a retried request writes nothing: `inserted`
 * changes no row); its recipients with their certificate codes; its linked ideas; and the audit
 * row (`followed`), for `runNamedBatch`.
 */
export function announceAwardStatements(db: Database, award: NewAward) {
  const { agencyId, announcerId, title, citation, periodLabel, bonusPoints, at } = award;
  const marker = markerOf(award);
  const awardId = announcedAwardId(marker);
  const announced = announcedBy(marker);
  const recipients = [
    ...award.people.map((p) => ({ userId: p.userId, unitId: null, code: p.code })),
    ...award.units.map((u) => ({ userId: null, unitId: u.unitId, code: u.code })),
  ];
  const inserted =
    db.run(sql`INSERT INTO ${awards} (${columnList(awards.agencyId, awards.title, awards.citation, awards.periodLabel, awards.bonusPoints, awards.announcedBy, awards.announcedAt)})
      SELECT ${agencyId}, ${title}, ${citation}, ${periodLabel}, ${bonusPoints}, ${announcerId}, ${at}
      WHERE NOT EXISTS (SELECT 1 FROM ${awards} WHERE ${awards.agencyId} = ${agencyId} AND ${awards.title} = ${title} AND ${awards.periodLabel} = ${periodLabel})`);
  const statements: Statement[] = [];
  for (let i = 0; i < recipients.length; i += RECIPIENTS_PER_INSERT) {
    const part = recipients.slice(i, i + RECIPIENTS_PER_INSERT);
    const values = sql.join(
      part.map((r) => sql`(${r.userId}, ${r.unitId}, ${r.code})`),
      sql`, `,
    );
    // the first part follows the award insert: it runs only if that inserted, and the newest award is ours
    const [id, guard] = i === 0 ? [newestId(awards), sql`changes() > 0`] : [awardId, announced];
    statements.push(
      db.run(sql`INSERT INTO ${awardRecipients} (${columnList(awardRecipients.awardId, awardRecipients.userId, awardRecipients.unitId, awardRecipients.certificateCode)})
        SELECT ${id}, v.column1, v.column2, v.column3 FROM (VALUES ${values}) AS v WHERE ${guard}`),
    );
  }
  if (award.ideaIds.length > 0) {
    const values = sql.join(
      award.ideaIds.map((id) => sql`(${id})`),
      sql`, `,
    );
    statements.push(
      db.run(sql`INSERT INTO ${awardIdeas} (${columnList(awardIdeas.awardId, awardIdeas.ideaId)})
        SELECT ${awardId}, v.column1 FROM (VALUES ${values}) AS v WHERE ${announced}`),
    );
  }
  const detail = {
    title,
    periodLabel,
    bonusPoints,
    userIds: award.people.map((p) => p.userId),
    unitIds: award.units.map((u) => u.unitId),
    ideaIds: award.ideaIds,
  };
  statements.push(
    recordAuditIf(
      db,
      {
        agencyId,
        actorId: announcerId,
        action: "award.announce",
        subjectType: "award",
        subjectId: awardId,
        detail,
        at,
      },
      announced,
    ),
  );
  return { inserted, followed: statements };
}

const announcer = alias(users, "announcer");
const revoker = alias(users, "revoker");

type AwardFilter = {
  agencyId: number;
  id?: number;
  after?: readonly [number, number];
  /** only awards in force (the public Hall of Fame) */
  inForce?: boolean;
};

/** One page (newest first) or one award of an agency; `limit + 1` rows to tell a next page. */
function awardsWhere(filter: AwardFilter) {
  const { agencyId, id, after } = filter;
  return and(
    eq(awards.agencyId, agencyId),
    id !== undefined ? eq(awards.id, id) : undefined,
    filter.inForce ? isNull(awards.revokedAt) : undefined,
    after
      ? or(lt(awards.announcedAt, after[0]), and(eq(awards.announcedAt, after[0]), lt(awards.id, after[1])))
      : undefined,
  );
}

/**
 * Awards with their recipients (name, position and unit of a person; a unit's name) and linked
 * ideas, in one round trip of three indexed reads.
 * @param filter.after the (announcedAt, id) of the last award of the previous page
 */
export async function listAwards(db: Database, filter: AwardFilter & { limit: number }) {
  const where = awardsWhere(filter);
  const order = [desc(awards.announcedAt), desc(awards.id)];
  const pageIds = db
    .select({ id: awards.id })
    .from(awards)
    .where(where)
    .orderBy(...order)
    .limit(filter.limit + 1);
  const [page, recipients, linked] = await db.batch([
    db
      .select({
        id: awards.id,
        title: awards.title,
        citation: awards.citation,
        periodLabel: awards.periodLabel,
        bonusPoints: awards.bonusPoints,
        announcedAt: awards.announcedAt,
        announcerId: awards.announcedBy,
        announcerName: as(announcer.name, "announcer_name"),
        announcerPosition: as(announcer.position, "announcer_position"),
        revokedAt: awards.revokedAt,
        revocationReason: awards.revocationReason,
        revokerId: awards.revokedBy,
        revokerName: as(revoker.name, "revoker_name"),
      })
      .from(awards)
      .innerJoin(announcer, eq(announcer.id, awards.announcedBy))
      .leftJoin(revoker, eq(revoker.id, awards.revokedBy))
      .where(where)
      .orderBy(...order)
      .limit(filter.limit + 1),
    db
      .select({
        id: awardRecipients.id,
        awardId: awardRecipients.awardId,
        userId: awardRecipients.userId,
        certificateCode: awardRecipients.certificateCode,
        personName: as(users.name, "person_name"),
        personPosition: as(users.position, "person_position"),
        unitId: as(units.id, "recipient_unit_id"),
        unitName: as(units.name, "unit_name"),
      })
      .from(awardRecipients)
      .leftJoin(users, eq(users.id, awardRecipients.userId))
      .innerJoin(units, sql`${units.id} = coalesce(${awardRecipients.unitId}, ${users.unitId})`)
      .where(inArray(awardRecipients.awardId, pageIds))
      .orderBy(asc(awardRecipients.id)),
    db
      .select({ awardId: awardIdeas.awardId, id: ideas.id, title: ideas.title })
      .from(awardIdeas)
      .innerJoin(ideas, eq(ideas.id, awardIdeas.ideaId))
      .where(inArray(awardIdeas.awardId, pageIds))
      .orderBy(asc(ideas.id)),
  ]);
  return { page, recipients, linked };
}

export type AwardRows = Awaited<ReturnType<typeof listAwards>>;

/** An agency by its slug, with its settings (JSON), for its public pages. */
/**
 * A certificate by its code, for public verification: one read through the code's unique index.
 * Only what the verification shows is selected: the person's or unit's name, never more.
 */
export async function getCertificateByCode(db: Database, code: string) {
  const recipientUnit = alias(units, "recipient_unit");
  const [row] = await db
    .select({
      code: awardRecipients.certificateCode,
      title: awards.title,
      periodLabel: awards.periodLabel,
      announcedAt: awards.announcedAt,
      revokedAt: awards.revokedAt,
      agencyName: as(agencies.name, "agency_name"),
      timeZone: agencies.timeZone,
      personName: as(users.name, "person_name"),
      unitName: as(recipientUnit.name, "unit_name"),
    })
    .from(awardRecipients)
    .innerJoin(awards, eq(awards.id, awardRecipients.awardId))
    .innerJoin(agencies, eq(agencies.id, awards.agencyId))
    .leftJoin(users, eq(users.id, awardRecipients.userId))
    .leftJoin(recipientUnit, eq(recipientUnit.id, awardRecipients.unitId))
    .where(eq(awardRecipients.certificateCode, code));
  return row;
}

/** Everything a certificate prints, for one recipient of one award (any agency: the caller checks). */
export async function getCertificate(db: Database, awardId: number, recipientId: number) {
  const [row] = await db
    .select({
      agencyId: awards.agencyId,
      agencyName: as(agencies.name, "agency_name"),
      agencySettings: as(agencies.settings, "agency_settings"),
      timeZone: agencies.timeZone,
      emblemKey: agencies.emblemKey,
      title: awards.title,
      citation: awards.citation,
      periodLabel: awards.periodLabel,
      announcedAt: awards.announcedAt,
      revokedAt: awards.revokedAt,
      announcerName: as(announcer.name, "announcer_name"),
      announcerPosition: as(announcer.position, "announcer_position"),
      code: awardRecipients.certificateCode,
      userId: awardRecipients.userId,
      personName: as(users.name, "person_name"),
      personNip: users.nip,
      personPosition: as(users.position, "person_position"),
      unitName: as(units.name, "unit_name"),
    })
    .from(awardRecipients)
    .innerJoin(awards, eq(awards.id, awardRecipients.awardId))
    .innerJoin(agencies, eq(agencies.id, awards.agencyId))
    .innerJoin(announcer, eq(announcer.id, awards.announcedBy))
    .leftJoin(users, eq(users.id, awardRecipients.userId))
    .innerJoin(units, sql`${units.id} = coalesce(${awardRecipients.unitId}, ${users.unitId})`)
    .where(and(eq(awardRecipients.id, recipientId), eq(awardRecipients.awardId, awardId)));
  return row;
}

export type CertificateRow = NonNullable<Awaited<ReturnType<typeof getCertificate>>>;

export type Revocation = { awardId: number; agencyId: number; actorId: number; reason: string; at: number };

/** The condition that this batch revoked the award (at this instant, by this person). */
export const revokedBy = (r: Revocation): SQL =>
  sql`EXISTS (SELECT 1 FROM ${awards} WHERE ${awards.id} = ${r.awardId} AND ${awards.revokedAt} = ${r.at} AND ${awards.revokedBy} = ${r.actorId})`;

/**
 * The statements revoking an award, to run as ONE batch with the reversal of its points
 * (`rewardStatements` of `award_revoked`, guarded by {@link revokedBy}): the award marked revoked
 * only if it is in force (a second revoke changes no row, and nothing after it writes), the
 * notice to each person recipient, and the audit row.
 */
export function revokeAwardStatements(db: Database, r: Revocation) {
  const revoked = revokedBy(r);
  const [ar, aw] = [alias(awardRecipients, "ar"), alias(awards, "aw")];
  return {
    revoked: db
      .update(awards)
      .set({ revokedAt: r.at, revokedBy: r.actorId, revocationReason: r.reason })
      .where(and(eq(awards.id, r.awardId), eq(awards.agencyId, r.agencyId), isNull(awards.revokedAt))),
    effects: [
      db.run(sql`${INSERT_NOTIFICATION}
        SELECT ${aw.agencyId}, ${ar.userId}, 'award_revoked',
          json_object('awardId', ${aw.id}, 'title', ${aw.title}, 'reason', ${aw.revocationReason}), 'award-revoked:' || ${ar.id}, ${r.at}
        FROM ${awardRecipients} ${ar} JOIN ${awards} ${aw} ON ${aw.id} = ${ar.awardId}
        WHERE ${ar.awardId} = ${r.awardId} AND ${ar.userId} IS NOT NULL AND ${revoked}
          AND ${notMuted(ar.userId, "award_revoked")}
        ${IGNORE_DUPLICATE_NOTIFICATIONS}`),
      recordAuditIf(
        db,
        {
          agencyId: r.agencyId,
          actorId: r.actorId,
          action: "award.revoke",
          subjectType: "award",
          subjectId: r.awardId,
          detail: { reason: r.reason },
          at: r.at,
        },
        revoked,
      ),
    ],
  };
}
