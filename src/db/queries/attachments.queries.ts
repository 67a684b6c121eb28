/**
 * Attachment rows (the bytes live in R2 under `r2Key`). The insert re-checks inside its
 * transaction what the handler checked before uploading: the idea's status and the per-idea limit.
 */
import { and, count, eq, exists, inArray, sql } from "drizzle-orm";
import { MAX_ATTACHMENTS_PER_IDEA, type AttachmentKind } from "../../domain/attachments";
import type { IdeaStatus } from "../../domain/idea-status";
import type { Database, Statement } from "../client";
import { insertFields } from "../raw";
import { attachments, ideas } from "../schema";

export type AttachmentRow = typeof attachments.$inferSelect;

/** An attachment of this idea (of this agency), or undefined. */
export async function getAttachment(db: Database, input: { agencyId: number; ideaId: number; id: number }) {
  const [row] = await db
    .select()
    .from(attachments)
    .where(
      and(eq(attachments.id, input.id), eq(attachments.ideaId, input.ideaId), eq(attachments.agencyId, input.agencyId)),
    );
  return row;
}

export async function countAttachments(db: Database, ideaId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(attachments).where(eq(attachments.ideaId, ideaId));
  return row?.n ?? 0;
}

/**
 * The row of an object already in R2, written only while the idea is in one of `statuses` and has
 * fewer than the maximum number of files. Its `changes` is 0 when refused; `last_row_id` is the new id.
 */
export function attachFile(
  db: Database,
  input: {
    agencyId: number;
    ideaId: number;
    r2Key: string;
    fileName: string;
    contentType: string;
    size: number;
    kind: AttachmentKind;
    uploadedBy: number;
    statuses: IdeaStatus[];
    now: number;
  },
): Statement {
  const { agencyId, ideaId, r2Key, fileName, contentType, size, kind, uploadedBy, statuses, now } = input;
  return db.insert(attachments).select(
    db
      .select(
        insertFields(attachments, {
          id: sql<number>`NULL`,
          agencyId: sql`${agencyId}`,
          ideaId: sql`${ideaId}`,
          r2Key: sql`${r2Key}`,
          fileName: sql`${fileName}`,
          contentType: sql`${contentType}`,
          size: sql`${size}`,
          kind: sql`${kind}`,
          uploadedBy: sql`${uploadedBy}`,
          createdAt: sql`${now}`,
        }),
      )
      .from(ideas)
      .where(
        and(
          eq(ideas.id, ideaId),
          eq(ideas.agencyId, agencyId),
          inArray(ideas.status, statuses),
          sql`(SELECT count(*) FROM ${attachments} WHERE ${attachments.ideaId} = ${ideaId}) < ${MAX_ATTACHMENTS_PER_IDEA}`,
        ),
      ),
  );
}

/** Deletes the row while the idea is in one of `statuses`; its `changes` is 0 otherwise. */
export function removeAttachment(db: Database, input: { id: number; ideaId: number; statuses: readonly IdeaStatus[] }) {
  return db.delete(attachments).where(
    and(
      eq(attachments.id, input.id),
      eq(attachments.ideaId, input.ideaId),
      exists(
        db
          .select({ one: sql`1` })
          .from(ideas)
          .where(and(eq(ideas.id, input.ideaId), inArray(ideas.status, [...input.statuses]))),
      ),
    ),
  );
}
