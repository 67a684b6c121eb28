/**
 * The innovation profile and its evidence. Every write re-checks inside its statement what the
 * handler checked before (the idea still approved or implemented, the profile not locked, the
 * indicator still there), so a change in between turns the write into a no-op instead of a
 * half-truth; the handler then reads why.
 */
import { and, asc, eq, sql, type Column, type SQL } from "drizzle-orm";
import {
  MAX_EVIDENCE_FILES_PER_IDEA,
  MAX_EVIDENCE_PER_IDEA,
  PROFILE_STATUSES,
  type EvidenceKind,
  type Indicator,
  type ProfileInput,
} from "../../domain/innovation-profile";
import type { Database, Statement } from "../client";
import { ideas, innovationEvidence, innovationProfiles } from "../schema";

export type ProfileRow = typeof innovationProfiles.$inferSelect;
export type EvidenceRow = typeof innovationEvidence.$inferSelect;

const statusesSql = sql.join(
  PROFILE_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);
const name = (column: Column) => sql.identifier(column.name);

/** The idea's profile (of this agency), or undefined before the team first saves it. */
export async function getProfile(db: Database, input: { agencyId: number; ideaId: number }) {
  const [row] = await db
    .select()
    .from(innovationProfiles)
    .where(and(eq(innovationProfiles.ideaId, input.ideaId), eq(innovationProfiles.agencyId, input.agencyId)));
  return row;
}

/** The idea's evidence, oldest first (the order of the dossier's index within a slot). */
export function listEvidence(db: Database, input: { agencyId: number; ideaId: number }) {
  return db
    .select()
    .from(innovationEvidence)
    .where(and(eq(innovationEvidence.ideaId, input.ideaId), eq(innovationEvidence.agencyId, input.agencyId)))
    .orderBy(asc(innovationEvidence.id))
    .limit(MAX_EVIDENCE_PER_IDEA);
}

/** One piece of evidence of this idea of this agency, or undefined. */
export async function getEvidence(db: Database, input: { agencyId: number; ideaId: number; id: number }) {
  const [row] = await db
    .select()
    .from(innovationEvidence)
    .where(
      and(
        eq(innovationEvidence.id, input.id),
        eq(innovationEvidence.ideaId, input.ideaId),
        eq(innovationEvidence.agencyId, input.agencyId),
      ),
    );
  return row;
}

export type ProfileValues = Omit<ProfileInput, "indicators"> & { indicators: Indicator[] };

/**
 * Creates or replaces the profile, only while the idea is approved or implemented, the profile is
 * not locked, and no evidence names an indicator the new list drops. `changes` is 0 when refused.
 */
export function saveProfile(
  db: Database,
  input: { agencyId: number; ideaId: number; actorId: number; now: number; values: ProfileValues },
): Statement {
  const { agencyId, ideaId, actorId, now, values: v } = input;
  const p = innovationProfiles;
  const indicatorsJson = JSON.stringify(v.indicators);
  const columns: [Column, unknown][] = [
    [p.ideaId, ideaId],
    [p.agencyId, agencyId],
    [p.stage, v.stage],
    [p.trialDate, v.trialDate],
    [p.implementationDate, v.implementationDate],
    [p.innovationType, v.type],
    [p.form, v.form],
    [p.urusan, v.urusan],
    [p.sdgs, JSON.stringify(v.sdgs)],
    [p.objectives, v.objectives],
    [p.targetGroups, v.targetGroups],
    [p.budgetAmount, v.budgetAmount],
    [p.budgetSource, v.budgetSource],
    [p.legalBasisNumber, v.legalBasisNumber],
    [p.legalBasisDate, v.legalBasisDate],
    [p.videoUrl, v.videoUrl],
    [p.indicators, indicatorsJson],
    [p.updatedBy, actorId],
    [p.createdAt, now],
    [p.updatedAt, now],
  ];
  // every column but the key, the agency and the creation time follows the new values
  const updated = columns
    .map(([c]) => c)
    .filter((c) => c !== p.ideaId && c !== p.agencyId && c !== p.createdAt)
    .map((c) => sql`${name(c)} = excluded.${name(c)}`);
  return db.run(sql`
    INSERT INTO ${p} (${sql.join(
      columns.map(([c]) => name(c)),
      sql`, `,
    )})
    SELECT ${sql.join(
      columns.map(([, value]) => sql`${value}`),
      sql`, `,
    )}
    FROM ${ideas}
    WHERE ${ideas.id} = ${ideaId} AND ${ideas.agencyId} = ${agencyId} AND ${ideas.status} IN (${statusesSql})
    ON CONFLICT (${name(p.ideaId)}) DO UPDATE SET ${sql.join(updated, sql`, `)}
    WHERE ${p.lockedAt} IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM ${innovationEvidence}
        WHERE ${innovationEvidence.ideaId} = ${ideaId} AND ${innovationEvidence.indicatorKey} IS NOT NULL
          AND ${innovationEvidence.indicatorKey} NOT IN (SELECT json_extract(value, '$.key') FROM json_each(${indicatorsJson}))
      )`);
}

/** The guard every evidence write shares: an unlocked profile of an approved or implemented idea. */
const openProfile = (agencyId: number, ideaId: number) => sql`
  EXISTS (
    SELECT 1 FROM ${innovationProfiles} JOIN ${ideas} ON ${ideas.id} = ${innovationProfiles.ideaId}
    WHERE ${innovationProfiles.ideaId} = ${ideaId} AND ${innovationProfiles.agencyId} = ${agencyId}
      AND ${innovationProfiles.lockedAt} IS NULL AND ${ideas.status} IN (${statusesSql})
  )`;

export type NewEvidence = {
  agencyId: number;
  ideaId: number;
  kind: EvidenceKind;
  indicatorKey: string | null;
  title: string;
  addedBy: number;
  createdAt: number;
} & (
  | { url: string; file?: undefined }
  | { url?: undefined; file: { r2Key: string; fileName: string; contentType: string; size: number } }
);

/**
 * A piece of evidence, written only while the profile is open, the indicator it names is in the
 * profile and the idea has room (per item, and per file for a file). `changes` is 0 when refused;
 * `last_row_id` is the new id.
 */
export function addEvidence(db: Database, e: NewEvidence): Statement {
  const ev = innovationEvidence;
  const columns: [Column, unknown][] = [
    [ev.agencyId, e.agencyId],
    [ev.ideaId, e.ideaId],
    [ev.kind, e.kind],
    [ev.indicatorKey, e.indicatorKey],
    [ev.title, e.title],
    [ev.url, e.url ?? null],
    [ev.r2Key, e.file?.r2Key ?? null],
    [ev.fileName, e.file?.fileName ?? null],
    [ev.contentType, e.file?.contentType ?? null],
    [ev.size, e.file?.size ?? null],
    [ev.addedBy, e.addedBy],
    [ev.createdAt, e.createdAt],
  ];
  const indicatorThere =
    e.indicatorKey === null
      ? sql`1`
      : sql`EXISTS (
          SELECT 1 FROM ${innovationProfiles}, json_each(${innovationProfiles.indicators})
          WHERE ${innovationProfiles.ideaId} = ${e.ideaId} AND json_extract(value, '$.key') = ${e.indicatorKey}
        )`;
  const roomForFile = e.file
    ? sql`(SELECT count(*) FROM ${ev} WHERE ${ev.ideaId} = ${e.ideaId} AND ${ev.r2Key} IS NOT NULL) < ${MAX_EVIDENCE_FILES_PER_IDEA}`
    : sql`1`;
  return db.run(sql`
    INSERT INTO ${ev} (${sql.join(
      columns.map(([c]) => name(c)),
      sql`, `,
    )})
    SELECT ${sql.join(
      columns.map(([, value]) => sql`${value}`),
      sql`, `,
    )}
    WHERE ${openProfile(e.agencyId, e.ideaId)} AND ${indicatorThere} AND ${roomForFile}
      AND (SELECT count(*) FROM ${ev} WHERE ${ev.ideaId} = ${e.ideaId}) < ${MAX_EVIDENCE_PER_IDEA}`);
}

/** Deletes a piece of evidence while the profile is open; `changes` is 0 otherwise. */
export function removeEvidence(db: Database, input: { agencyId: number; ideaId: number; id: number }): Statement {
  return db
    .delete(innovationEvidence)
    .where(
      and(
        eq(innovationEvidence.id, input.id),
        eq(innovationEvidence.ideaId, input.ideaId),
        openProfile(input.agencyId, input.ideaId),
      ),
    );
}

/** Counts of the idea's evidence: all items, and files. */
export async function countEvidence(db: Database, ideaId: number) {
  const [row] = await db
    .select({
      items: sql<number>`count(*)`,
      files: sql<number>`count(${innovationEvidence.r2Key})`,
    })
    .from(innovationEvidence)
    .where(eq(innovationEvidence.ideaId, ideaId));
  return { items: row?.items ?? 0, files: row?.files ?? 0 };
}

/**
 * Locks the idea's profile and its evidence: the statement a competition round's entry puts in
 * its own batch (issue 20.3). Idempotent (a locked profile keeps its first time); `changes` is 1
 * when it locked now, 0 when there is no profile or it was locked already.
 * @param input.when a further condition, e.g. that the entry of the same batch was written
 * @example runBatch(db, [enterRound(...), lockProfile(db, { agencyId, ideaId, at: now })])
 */
export function lockProfile(
  db: Database,
  input: { agencyId: number; ideaId: number; at: number; when?: SQL },
): Statement {
  return db
    .update(innovationProfiles)
    .set({ lockedAt: input.at })
    .where(
      and(
        eq(innovationProfiles.ideaId, input.ideaId),
        eq(innovationProfiles.agencyId, input.agencyId),
        sql`${innovationProfiles.lockedAt} IS NULL`,
        input.when,
      ),
    );
}
