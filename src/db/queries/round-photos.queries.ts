/**
 * Photos on checklist items of round sheets (field verification). The bytes live in R2 under
 * `r2Key`; the insert re-checks in its own statement what the handler checked before uploading
 * (the sheet still writable, the item's room), so a row never outlives the rules it was written under.
 */
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { MAX_PHOTOS_PER_ITEM } from "../../domain/round-photos";
import { as } from "../alias";
import { columnList } from "../raw";
import type { Database, Statement } from "../client";
import { campaigns, competitionEntries, competitionRounds, roundAssignments, roundPhotos } from "../schema";

export type RoundPhotoRow = typeof roundPhotos.$inferSelect;

/** What a sheet, the round view and the API show of a photo (never its R2 key). */
const shown = {
  id: roundPhotos.id,
  assignmentId: roundPhotos.assignmentId,
  itemKey: roundPhotos.itemKey,
  fileName: roundPhotos.fileName,
  contentType: roundPhotos.contentType,
  size: roundPhotos.size,
  createdAt: roundPhotos.createdAt,
};

/** The photos of some sheets, in the order they were taken. */
export async function listSheetPhotos(db: Database, assignmentIds: readonly number[]) {
  if (assignmentIds.length === 0) return [];
  return db
    .select(shown)
    .from(roundPhotos)
    .where(inArray(roundPhotos.assignmentId, [...assignmentIds]))
    .orderBy(asc(roundPhotos.assignmentId), asc(roundPhotos.id));
}

/** The photos of every sheet of some rounds, with the sheet's entry: the admin's view of the rounds. */
export async function listRoundPhotos(db: Database, roundIds: readonly number[]) {
  if (roundIds.length === 0) return [];
  return db
    .select({ ...shown, roundId: roundAssignments.roundId, entryId: roundAssignments.entryId })
    .from(roundPhotos)
    .innerJoin(roundAssignments, eq(roundAssignments.id, roundPhotos.assignmentId))
    .where(inArray(roundAssignments.roundId, [...roundIds]))
    .orderBy(asc(roundAssignments.entryId), asc(roundPhotos.id));
}

/** One photo of one sheet of this agency, with its R2 key, or undefined. */
export async function getRoundPhoto(db: Database, input: { agencyId: number; assignmentId: number; id: number }) {
  const [row] = await db
    .select()
    .from(roundPhotos)
    .where(
      and(
        eq(roundPhotos.id, input.id),
        eq(roundPhotos.assignmentId, input.assignmentId),
        eq(roundPhotos.agencyId, input.agencyId),
      ),
    );
  return row;
}

/** The sheet may still change: a draft of its reviewer, free of conflict, in an open checklist round. */
const sheetWritable = (assignmentId: number, reviewerId: number) =>
  sql`EXISTS (SELECT 1 FROM ${roundAssignments} JOIN ${competitionRounds} ON ${competitionRounds.id} = ${roundAssignments.roundId}
    WHERE ${roundAssignments.id} = ${assignmentId} AND ${roundAssignments.reviewerId} = ${reviewerId}
      AND ${roundAssignments.state} = 'draft' AND ${roundAssignments.conflict} = 'none'
      AND ${competitionRounds.state} = 'open' AND ${competitionRounds.kind} = 'checklist')`;

const PHOTO_COLUMNS = columnList(
  roundPhotos.agencyId,
  roundPhotos.assignmentId,
  roundPhotos.itemKey,
  roundPhotos.r2Key,
  roundPhotos.fileName,
  roundPhotos.contentType,
  roundPhotos.size,
  roundPhotos.uploadedBy,
  roundPhotos.createdAt,
);

/**
 * The row of a photo already in R2, written only while the sheet may change and the item has room.
 * @returns the statement; its `changes` is 0 when refused, `last_row_id` the new id
 */
export function addRoundPhoto(
  db: Database,
  p: Omit<RoundPhotoRow, "id" | "uploadedBy"> & { reviewerId: number },
): Statement {
  const room = sql`(SELECT count(*) FROM ${roundPhotos} WHERE ${roundPhotos.assignmentId} = ${p.assignmentId} AND ${roundPhotos.itemKey} = ${p.itemKey}) < ${MAX_PHOTOS_PER_ITEM}`;
  return db.run(sql`INSERT INTO ${roundPhotos} (${PHOTO_COLUMNS})
    SELECT ${p.agencyId}, ${p.assignmentId}, ${p.itemKey}, ${p.r2Key}, ${p.fileName}, ${p.contentType}, ${p.size}, ${p.reviewerId}, ${p.createdAt}
    WHERE ${sheetWritable(p.assignmentId, p.reviewerId)} AND ${room}`);
}

export async function countItemPhotos(db: Database, assignmentId: number, itemKey: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(roundPhotos)
    .where(and(eq(roundPhotos.assignmentId, assignmentId), eq(roundPhotos.itemKey, itemKey)));
  return row?.n ?? 0;
}

/** Deletes a photo while its sheet may still change; `changes` is 0 otherwise. */
export function removeRoundPhoto(db: Database, input: { id: number; assignmentId: number; reviewerId: number }) {
  return db
    .delete(roundPhotos)
    .where(
      and(
        eq(roundPhotos.id, input.id),
        eq(roundPhotos.assignmentId, input.assignmentId),
        sheetWritable(input.assignmentId, input.reviewerId),
      ),
    );
}

/**
 * The field-verification photos of an innovation for its dossier: those on submitted sheets of
 * reviewers free of conflict (a reviewer's last word, never a draft), with their competition,
 * round and item, by competition, round and time taken.
 */
export function listIdeaFieldPhotos(db: Database, input: { agencyId: number; ideaId: number }) {
  return db
    .select({
      id: roundPhotos.id,
      r2Key: roundPhotos.r2Key,
      fileName: roundPhotos.fileName,
      contentType: roundPhotos.contentType,
      size: roundPhotos.size,
      itemKey: roundPhotos.itemKey,
      roundName: competitionRounds.name,
      roundItems: as(competitionRounds.items, "round_items"),
      campaignTitle: campaigns.title,
    })
    .from(roundPhotos)
    .innerJoin(roundAssignments, eq(roundAssignments.id, roundPhotos.assignmentId))
    .innerJoin(competitionRounds, eq(competitionRounds.id, roundAssignments.roundId))
    .innerJoin(competitionEntries, eq(competitionEntries.id, roundAssignments.entryId))
    .innerJoin(campaigns, eq(campaigns.id, competitionEntries.campaignId))
    .where(
      and(
        eq(competitionEntries.ideaId, input.ideaId),
        eq(roundPhotos.agencyId, input.agencyId),
        eq(roundAssignments.state, "submitted"),
        eq(roundAssignments.conflict, "none"),
      ),
    )
    .orderBy(asc(competitionEntries.id), asc(competitionRounds.position), asc(roundPhotos.id))
    .limit(100);
}
