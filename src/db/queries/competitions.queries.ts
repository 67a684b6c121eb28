/**
 * Competitions of several rounds (issue 20.3–20.5): their gates and rounds, the entries and how
 * each fared per round, the panels' score sheets, and external (guest) reviewers.
 */
import { and, asc, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { RoundConfig } from "../../domain/competition";
import type { EntryGroup, Gates } from "../../domain/eligibility";
import { as, newestId } from "../alias";
import type { Database, Statement } from "../client";
import { columnList } from "../raw";
import {
  accountTokens,
  campaigns,
  competitionEntries,
  competitionRounds,
  competitions,
  guestReviewers,
  outbox,
  ideaAuthors,
  ideas,
  roundAssignments,
  roundEntries,
  roundMembers,
  units,
  users,
} from "../schema";

export type RoundRow = typeof competitionRounds.$inferSelect;
export type EntryRow = typeof competitionEntries.$inferSelect;

/** The competition's gates, rounds (by position) and each round's panel. */
export async function getCompetition(db: Database, campaignId: number) {
  const [gates, rounds, members] = await db.batch([
    db.select().from(competitions).where(eq(competitions.campaignId, campaignId)),
    db
      .select()
      .from(competitionRounds)
      .where(eq(competitionRounds.campaignId, campaignId))
      .orderBy(asc(competitionRounds.position)),
    db
      .select({ roundId: roundMembers.roundId, userId: users.id, name: users.name, roles: users.roles })
      .from(roundMembers)
      .innerJoin(competitionRounds, eq(competitionRounds.id, roundMembers.roundId))
      .innerJoin(users, eq(users.id, roundMembers.userId))
      .where(eq(competitionRounds.campaignId, campaignId))
      .orderBy(asc(users.name)),
  ]);
  return { gates: gates[0], rounds, members };
}

export type RoundInput = RoundConfig & {
  blind: boolean;
  normalised: boolean;
  slotStart: number | null;
  slotMinutes: number | null;
  memberIds: readonly number[];
};

/**
 * The whole configuration in one batch, replacing the previous one; every statement is guarded by
 * "no round has opened", so a configuration never changes under a running competition.
 */
export function replaceCompetitionStatements(
  db: Database,
  input: { agencyId: number; campaignId: number; gates: Gates; rounds: readonly RoundInput[]; now: number },
): Statement[] {
  const { agencyId, campaignId, now } = input;
  const notStarted = sql`NOT EXISTS (SELECT 1 FROM ${competitionRounds} WHERE ${competitionRounds.campaignId} = ${campaignId} AND ${competitionRounds.state} <> 'draft')`;
  const roundIds = sql`(SELECT ${competitionRounds.id} FROM ${competitionRounds} WHERE ${competitionRounds.campaignId} = ${campaignId})`;
  const statements: Statement[] = [
    db
      .insert(competitions)
      .values({ campaignId, agencyId, gates: JSON.stringify(input.gates), updatedAt: now })
      .onConflictDoUpdate({
        target: competitions.campaignId,
        set: { gates: JSON.stringify(input.gates), updatedAt: now },
        setWhere: notStarted,
      }),
    db.delete(roundMembers).where(and(sql`${roundMembers.roundId} IN ${roundIds}`, notStarted)),
    db.delete(competitionRounds).where(and(eq(competitionRounds.campaignId, campaignId), notStarted)),
  ];
  input.rounds.forEach((r, i) => {
    statements.push(
      db.run(sql`INSERT INTO ${competitionRounds} (${columnList(competitionRounds.agencyId, competitionRounds.campaignId, competitionRounds.position, competitionRounds.name, competitionRounds.kind, competitionRounds.weight, competitionRounds.advanceMode, competitionRounds.advanceValue, competitionRounds.items, competitionRounds.blind, competitionRounds.normalised, competitionRounds.slotStart, competitionRounds.slotMinutes)})
        SELECT ${agencyId}, ${campaignId}, ${i + 1}, ${r.name}, ${r.kind}, ${r.weight}, ${r.advance.mode},
          ${r.advance.mode === "top" ? r.advance.n : r.advance.mode === "grade" ? r.advance.grade : null},
          ${JSON.stringify(r.items)}, ${r.blind ? 1 : 0}, ${r.normalised ? 1 : 0}, ${r.slotStart}, ${r.slotMinutes}
        WHERE ${notStarted}`),
    );
    for (const userId of r.memberIds)
      statements.push(
        db.run(sql`INSERT INTO ${roundMembers} (${columnList(roundMembers.roundId, roundMembers.userId)})
          SELECT ${competitionRounds.id}, ${userId} FROM ${competitionRounds}
          WHERE ${competitionRounds.campaignId} = ${campaignId} AND ${competitionRounds.position} = ${i + 1} AND ${notStarted}`),
      );
  });
  return statements;
}

/** People of the agency who may sit on a round's panel: colleagues with the reviewer role and guests. */
export async function listPanelEligible(db: Database, agencyId: number, userIds: readonly number[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ id: users.id, roles: users.roles })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), eq(users.active, true), inArray(users.id, [...userIds])));
}

export async function getRound(db: Database, agencyId: number, roundId: number): Promise<RoundRow | undefined> {
  const [row] = await db
    .select()
    .from(competitionRounds)
    .where(and(eq(competitionRounds.id, roundId), eq(competitionRounds.agencyId, agencyId)));
  return row;
}

/** The competition's entries with their idea's title and unit. */
export function listEntries(db: Database, campaignId: number) {
  return db
    .select({
      id: competitionEntries.id,
      ideaId: competitionEntries.ideaId,
      title: ideas.title,
      unitId: competitionEntries.unitId,
      unitName: as(units.name, "unit_name"),
      group: competitionEntries.group,
      operatingSince: competitionEntries.operatingSince,
      enteredAt: competitionEntries.enteredAt,
    })
    .from(competitionEntries)
    .innerJoin(ideas, eq(ideas.id, competitionEntries.ideaId))
    .innerJoin(units, eq(units.id, competitionEntries.unitId))
    .where(eq(competitionEntries.campaignId, campaignId))
    .orderBy(asc(competitionEntries.id));
}

/** How every entry stands in every round of the competition. */
export function listRoundEntries(db: Database, campaignId: number) {
  return db
    .select({
      roundId: roundEntries.roundId,
      entryId: roundEntries.entryId,
      outcome: roundEntries.outcome,
      score: roundEntries.score,
      rawScore: roundEntries.rawScore,
      rank: roundEntries.rank,
      scheduledAt: roundEntries.scheduledAt,
    })
    .from(roundEntries)
    .innerJoin(competitionRounds, eq(competitionRounds.id, roundEntries.roundId))
    .where(eq(competitionRounds.campaignId, campaignId));
}

/** The competitions an innovation was entered into, with the competition's (campaign's) title. */
export function listIdeaEntries(db: Database, input: { agencyId: number; ideaId: number }) {
  return db
    .select({ entryId: competitionEntries.id, campaignId: competitionEntries.campaignId, title: campaigns.title })
    .from(competitionEntries)
    .innerJoin(campaigns, eq(campaigns.id, competitionEntries.campaignId))
    .where(and(eq(competitionEntries.ideaId, input.ideaId), eq(competitionEntries.agencyId, input.agencyId)))
    .orderBy(asc(competitionEntries.id));
}

/** The sheets of a round: who scored what, and who declared a conflict. */
export function listRoundSheets(db: Database, roundIds: readonly number[]) {
  if (roundIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: roundAssignments.id,
      roundId: roundAssignments.roundId,
      entryId: roundAssignments.entryId,
      reviewerId: roundAssignments.reviewerId,
      conflict: roundAssignments.conflict,
      score: roundAssignments.score,
      state: roundAssignments.state,
      submittedAt: roundAssignments.submittedAt,
    })
    .from(roundAssignments)
    .where(inArray(roundAssignments.roundId, [...roundIds]));
}

/** What the gates need to know about an idea that would enter (one batch of four reads). */
export async function getEntryFacts(
  db: Database,
  input: { agencyId: number; campaignId: number; ideaId: number; group: EntryGroup; userId: number },
) {
  const { agencyId, campaignId, ideaId, group, userId } = input;
  const [[idea], team, entered, [unit]] = await db.batch([
    db
      .select({ id: ideas.id, unitId: ideas.unitId, status: ideas.status, replicatesId: ideas.replicatesId })
      .from(ideas)
      .where(and(eq(ideas.id, ideaId), eq(ideas.agencyId, agencyId))),
    db
      .select({ userId: ideaAuthors.userId })
      .from(ideaAuthors)
      .where(and(eq(ideaAuthors.ideaId, ideaId), eq(ideaAuthors.userId, userId), isNotNull(ideaAuthors.acceptedAt))),
    db
      .select({ campaignId: competitionEntries.campaignId, year: competitionEntries.year })
      .from(competitionEntries)
      .where(and(eq(competitionEntries.ideaId, ideaId), eq(competitionEntries.agencyId, agencyId))),
    db
      .select({ n: count() })
      .from(competitionEntries)
      .innerJoin(ideas, eq(ideas.unitId, competitionEntries.unitId))
      .where(
        and(eq(ideas.id, ideaId), eq(competitionEntries.campaignId, campaignId), eq(competitionEntries.group, group)),
      ),
  ]);
  if (!idea) return undefined;
  return {
    ...idea,
    onTeam: team.length > 0,
    unitEntries: unit?.n ?? 0,
    /** the years the idea was entered, and whether into this competition */
    enteredYears: entered.map((e) => e.year),
    alreadyHere: entered.some((e) => e.campaignId === campaignId),
  };
}

/**
 * The entry, guarded in its own statement by what the gates counted (the unit's quota, one entry a
 * year, no round opened yet), so two entrants racing for the last place cannot both get it.
 * @returns the statement; its `changes` is 1 when the entry went in
 */
export function enterStatement(
  db: Database,
  e: {
    agencyId: number;
    campaignId: number;
    ideaId: number;
    unitId: number;
    group: EntryGroup;
    operatingSince: string;
    year: number;
    userId: number;
    now: number;
    quota: number | null;
    onePerYear: boolean;
  },
): Statement {
  const quota =
    e.quota === null
      ? sql`1`
      : sql`(SELECT count(*) FROM ${competitionEntries} WHERE ${competitionEntries.campaignId} = ${e.campaignId} AND ${competitionEntries.unitId} = ${e.unitId} AND ${competitionEntries.group} = ${e.group}) < ${e.quota}`;
  const yearly = e.onePerYear
    ? sql`NOT EXISTS (SELECT 1 FROM ${competitionEntries} WHERE ${competitionEntries.ideaId} = ${e.ideaId} AND ${competitionEntries.year} = ${e.year})`
    : sql`1`;
  return db.run(sql`INSERT INTO ${competitionEntries} (${columnList(competitionEntries.agencyId, competitionEntries.campaignId, competitionEntries.ideaId, competitionEntries.unitId, competitionEntries.group, competitionEntries.operatingSince, competitionEntries.year, competitionEntries.enteredBy, competitionEntries.enteredAt)})
    SELECT ${e.agencyId}, ${e.campaignId}, ${e.ideaId}, ${e.unitId}, ${e.group}, ${e.operatingSince}, ${e.year}, ${e.userId}, ${e.now}
    WHERE ${quota} AND ${yearly}
      AND NOT EXISTS (SELECT 1 FROM ${competitionRounds} WHERE ${competitionRounds.campaignId} = ${e.campaignId} AND ${competitionRounds.state} <> 'draft')
    ON CONFLICT DO NOTHING`);
}

/** The id of the entry just written in the same batch. */
export const newestEntryId = () => newestId(competitionEntries);

/** The accepted team of each idea: who may not score it. */
export function listTeams(db: Database, ideaIds: readonly number[]) {
  if (ideaIds.length === 0) return Promise.resolve([]);
  return db
    .select({ ideaId: ideaAuthors.ideaId, userId: ideaAuthors.userId })
    .from(ideaAuthors)
    .where(inArray(ideaAuthors.ideaId, [...ideaIds]));
}

/**
 * Opening a round: its entries (with their slot), a sheet per panel member and entry, and the
 * round's state — guarded so a round opens once, and only while draft (`opened`'s changes say so).
 */
export function openRoundStatements(
  db: Database,
  input: {
    agencyId: number;
    round: RoundRow;
    entries: readonly { entryId: number; scheduledAt: number | null }[];
    sheets: readonly { entryId: number; reviewerId: number }[];
    now: number;
  },
) {
  const { agencyId, round, now } = input;
  const entries: Statement[] = [];
  const sheets: Statement[] = [];
  // ten entries a statement: 5 parameters each, well below D1's 100
  for (let i = 0; i < input.entries.length; i += 10)
    entries.push(
      db
        .insert(roundEntries)
        .values(
          input.entries
            .slice(i, i + 10)
            .map((e) => ({ roundId: round.id, entryId: e.entryId, agencyId, scheduledAt: e.scheduledAt })),
        ),
    );
  for (let i = 0; i < input.sheets.length; i += 10)
    sheets.push(
      db.insert(roundAssignments).values(
        input.sheets.slice(i, i + 10).map((s) => ({
          agencyId,
          roundId: round.id,
          entryId: s.entryId,
          reviewerId: s.reviewerId,
          updatedAt: now,
        })),
      ),
    );
  return {
    opened: db
      .update(competitionRounds)
      .set({ state: "open", openedAt: now })
      .where(and(eq(competitionRounds.id, round.id), eq(competitionRounds.state, "draft"))),
    entries,
    sheets,
  };
}

/**
 * Closing a round: each entry's score, rank and outcome, and the round's state, guarded on it being
 * open (`closed`'s changes say whether it was).
 */
export function closeRoundStatements(
  db: Database,
  input: {
    roundId: number;
    results: readonly {
      entryId: number;
      score: number | null;
      rawScore: number | null;
      rank: number;
      advanced: boolean;
    }[];
    now: number;
  },
) {
  const isOpen = sql`EXISTS (SELECT 1 FROM ${competitionRounds} WHERE ${competitionRounds.id} = ${input.roundId} AND ${competitionRounds.state} = 'open')`;
  return {
    ranked: input.results.map((r) =>
      db
        .update(roundEntries)
        .set({ score: r.score, rawScore: r.rawScore, rank: r.rank, outcome: r.advanced ? "advanced" : "eliminated" })
        .where(and(eq(roundEntries.roundId, input.roundId), eq(roundEntries.entryId, r.entryId), isOpen)),
    ),
    closed: db
      .update(competitionRounds)
      .set({ state: "closed", closedAt: input.now })
      .where(and(eq(competitionRounds.id, input.roundId), eq(competitionRounds.state, "open"))),
  };
}

// ── the panel member's side ──────────────────────────────────────────────────────────────────

/** The caller's sheets in open and closed rounds, newest round first. */
export function listMySheets(db: Database, agencyId: number, reviewerId: number) {
  return db
    .select({
      id: roundAssignments.id,
      roundName: competitionRounds.name,
      roundState: as(competitionRounds.state, "round_state"),
      kind: competitionRounds.kind,
      title: ideas.title,
      conflict: roundAssignments.conflict,
      state: roundAssignments.state,
      scheduledAt: roundEntries.scheduledAt,
    })
    .from(roundAssignments)
    .innerJoin(competitionRounds, eq(competitionRounds.id, roundAssignments.roundId))
    .innerJoin(competitionEntries, eq(competitionEntries.id, roundAssignments.entryId))
    .innerJoin(ideas, eq(ideas.id, competitionEntries.ideaId))
    .leftJoin(
      roundEntries,
      and(eq(roundEntries.roundId, roundAssignments.roundId), eq(roundEntries.entryId, roundAssignments.entryId)),
    )
    .where(and(eq(roundAssignments.reviewerId, reviewerId), eq(roundAssignments.agencyId, agencyId)))
    .orderBy(asc(roundAssignments.state), asc(roundEntries.scheduledAt), asc(roundAssignments.id))
    .limit(200);
}

/** One sheet with its round and the idea it scores. */
export async function getSheet(db: Database, agencyId: number, id: number) {
  const [row] = await db
    .select({
      id: roundAssignments.id,
      reviewerId: roundAssignments.reviewerId,
      conflict: roundAssignments.conflict,
      conflictReason: roundAssignments.conflictReason,
      scores: roundAssignments.scores,
      score: roundAssignments.score,
      note: roundAssignments.note,
      state: roundAssignments.state,
      roundId: as(competitionRounds.id, "round_id"),
      roundName: competitionRounds.name,
      kind: competitionRounds.kind,
      roundState: as(competitionRounds.state, "round_state"),
      blind: competitionRounds.blind,
      items: competitionRounds.items,
      ideaId: as(ideas.id, "idea_id"),
      title: ideas.title,
      problem: ideas.problem,
      solution: ideas.solution,
      benefit: ideas.benefit,
      targetService: ideas.targetService,
      category: ideas.category,
      unitName: as(units.name, "unit_name"),
      group: competitionEntries.group,
      operatingSince: competitionEntries.operatingSince,
      scheduledAt: roundEntries.scheduledAt,
    })
    .from(roundAssignments)
    .innerJoin(competitionRounds, eq(competitionRounds.id, roundAssignments.roundId))
    .innerJoin(competitionEntries, eq(competitionEntries.id, roundAssignments.entryId))
    .innerJoin(ideas, eq(ideas.id, competitionEntries.ideaId))
    .innerJoin(units, eq(units.id, ideas.unitId))
    .leftJoin(
      roundEntries,
      and(eq(roundEntries.roundId, roundAssignments.roundId), eq(roundEntries.entryId, roundAssignments.entryId)),
    )
    .where(and(eq(roundAssignments.id, id), eq(roundAssignments.agencyId, agencyId)));
  return row;
}

/** A write to a sheet counts only while its round is open and the sheet not submitted. */
const writable = (id: number) =>
  and(
    eq(roundAssignments.id, id),
    eq(roundAssignments.state, "draft"),
    sql`EXISTS (SELECT 1 FROM ${competitionRounds} WHERE ${competitionRounds.id} = ${roundAssignments.roundId} AND ${competitionRounds.state} = 'open')`,
  );

export function declareConflictStatement(
  db: Database,
  input: { id: number; conflict: "none" | "conflict"; reason: string; now: number },
) {
  return db
    .update(roundAssignments)
    .set({ conflict: input.conflict, conflictReason: input.reason, updatedAt: input.now })
    .where(and(writable(input.id), eq(roundAssignments.conflict, "undeclared")));
}

export function saveSheetStatement(
  db: Database,
  input: {
    id: number;
    scores: Record<string, number>;
    score: number | null;
    note: string;
    submit: boolean;
    now: number;
  },
) {
  return db
    .update(roundAssignments)
    .set({
      scores: JSON.stringify(input.scores),
      score: input.score,
      note: input.note,
      updatedAt: input.now,
      ...(input.submit ? { state: "submitted" as const, submittedAt: input.now } : {}),
    })
    .where(and(writable(input.id), eq(roundAssignments.conflict, "none")));
}

// ── external reviewers ───────────────────────────────────────────────────────────────────────

/** The unit external reviewers sit in (inactive: no colleague is ever placed in it). */
export const GUEST_UNIT_CODE = "PENILAI-EKSTERNAL";

export function listGuests(db: Database, agencyId: number) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      institution: guestReviewers.institution,
      expertise: guestReviewers.expertise,
      invitedAt: guestReviewers.invitedAt,
      activated: sql<number>`(${users.lastLoginAt} IS NOT NULL)`.mapWith(Boolean),
    })
    .from(guestReviewers)
    .innerJoin(users, eq(users.id, guestReviewers.userId))
    .where(and(eq(guestReviewers.agencyId, agencyId), eq(users.active, true)))
    .orderBy(asc(users.name))
    .limit(200);
}

export async function emailTaken(db: Database, email: string) {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.email, email));
  return (row?.n ?? 0) > 0;
}

/**
 * A guest account in one batch: the agency's external-reviewers unit if it has none yet, the user
 * (role `guest`, a `TAMU…` placeholder where a NIP would be, a password nobody knows), its details,
 * its activation link (an `account_tokens` row, as for a colleague) and the invitation e-mail in the
 * outbox. The statements after the user find it by its (unique) e-mail.
 */
export function createGuestStatements(
  db: Database,
  g: {
    agencyId: number;
    name: string;
    email: string;
    institution: string;
    expertise: string;
    placeholderNip: string;
    passwordHash: string;
    invitedBy: number;
    now: number;
    tokenHash: string;
    expiresAt: number;
    /** the e-mail's payload: the activation link and its expiry in words */
    mail: object;
  },
): Statement[] {
  const guestId = sql`(SELECT ${users.id} FROM ${users} WHERE ${users.email} = ${g.email})`;
  return [
    db
      .insert(units)
      .values({ agencyId: g.agencyId, code: GUEST_UNIT_CODE, name: "Penilai eksternal", active: false })
      .onConflictDoNothing(),
    db.run(sql`INSERT INTO ${users} (${columnList(users.agencyId, users.unitId, users.nip, users.name, users.email, users.position, users.roles, users.passwordHash, users.createdAt, users.updatedAt)})
      SELECT ${g.agencyId}, ${units.id}, ${g.placeholderNip}, ${g.name}, ${g.email}, ${g.institution}, 'guest', ${g.passwordHash}, ${g.now}, ${g.now}
      FROM ${units} WHERE ${units.agencyId} = ${g.agencyId} AND ${units.code} = ${GUEST_UNIT_CODE}`),
    db.run(sql`INSERT INTO ${guestReviewers} (${columnList(guestReviewers.userId, guestReviewers.agencyId, guestReviewers.institution, guestReviewers.expertise, guestReviewers.invitedBy, guestReviewers.invitedAt)})
      SELECT ${users.id}, ${g.agencyId}, ${g.institution}, ${g.expertise}, ${g.invitedBy}, ${g.now}
      FROM ${users} WHERE ${users.email} = ${g.email}`),
    db.run(sql`INSERT INTO ${accountTokens} (${columnList(accountTokens.agencyId, accountTokens.userId, accountTokens.purpose, accountTokens.channel, accountTokens.tokenHash, accountTokens.createdAt, accountTokens.expiresAt)})
      VALUES (${g.agencyId}, ${guestId}, 'activation', 'email', ${g.tokenHash}, ${g.now}, ${g.expiresAt})`),
    db.run(sql`INSERT INTO ${outbox} (${columnList(outbox.agencyId, outbox.userId, outbox.kind, outbox.payload, outbox.dedupeKey, outbox.nextAttemptAt, outbox.createdAt)})
      VALUES (${g.agencyId}, ${guestId}, 'guest_invitation', ${JSON.stringify(g.mail)}, ${`guest_invitation:${g.tokenHash}`}, ${g.now}, ${g.now})`),
  ];
}

/** The new guest's id, after the batch. */
export async function getUserIdByEmail(db: Database, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id;
}
