import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import type { InnovationForm } from "../../domain/library";
import { as } from "../alias";
import type { Database, Statement } from "../client";
import { insertFields } from "../raw";
import { attachments, ideas, implementationReports, implementationUpdates, units, users } from "../schema";

export type ImplementationInput = {
  ideaId: number;
  agencyId: number;
  implementedOn: string;
  unitId: number;
  summary: string;
  evidenceAttachmentId: number | null;
  results: string | null;
  /** the innovation's form (`domain/library.ts`); null when not said */
  form: InnovationForm | null;
  reportedBy: number;
  now: number;
};

/**
 * The implementation report, written only if the `implement` transition of the same batch
 * happened (the idea is `implemented` since this instant), so there is never one without the other.
 */
export function reportImplementationStatement(db: Database, r: ImplementationInput): Statement {
  return db.insert(implementationReports).select(
    db
      .select(
        insertFields(implementationReports, {
          ideaId: sql`${r.ideaId}`,
          agencyId: sql`${r.agencyId}`,
          implementedOn: sql`${r.implementedOn}`,
          unitId: sql`${r.unitId}`,
          summary: sql`${r.summary}`,
          evidenceAttachmentId: sql`${r.evidenceAttachmentId}`,
          results: sql`${r.results}`,
          form: sql`${r.form}`,
          reportedBy: sql`${r.reportedBy}`,
          createdAt: sql`${r.now}`,
        }),
      )
      .from(ideas)
      .where(and(eq(ideas.id, r.ideaId), eq(ideas.status, "implemented"), eq(ideas.updatedAt, r.now))),
  );
}

/** The report of an implemented idea with its evidence files (the idea's attachments of kind `evidence`). */
export async function getImplementationReport(db: Database, ideaId: number) {
  const [[row], evidence] = await db.batch([
    reportOf(db, ideaId),
    db
      .select({ id: attachments.id, fileName: attachments.fileName, size: attachments.size })
      .from(attachments)
      .where(and(eq(attachments.ideaId, ideaId), eq(attachments.kind, "evidence")))
      .orderBy(asc(attachments.id)),
  ]);
  return row ? { ...row, evidence } : undefined;
}

function reportOf(db: Database, ideaId: number) {
  return db
    .select({
      ideaId: implementationReports.ideaId,
      implementedOn: implementationReports.implementedOn,
      unitId: implementationReports.unitId,
      unitName: as(units.name, "unit_name"),
      summary: implementationReports.summary,
      evidenceAttachmentId: implementationReports.evidenceAttachmentId,
      results: implementationReports.results,
      form: implementationReports.form,
      reportedById: implementationReports.reportedBy,
      reportedByName: as(users.name, "reported_by_name"),
      createdAt: implementationReports.createdAt,
    })
    .from(implementationReports)
    .innerJoin(units, eq(units.id, implementationReports.unitId))
    .innerJoin(users, eq(users.id, implementationReports.reportedBy))
    .where(eq(implementationReports.ideaId, ideaId));
}

/** Does the unit exist, active, in the agency? Is the attachment one of the idea's? */
export async function checkImplementationRefs(
  db: Database,
  input: { agencyId: number; unitId: number; ideaId: number; attachmentId: number | null },
) {
  const [unit, attachment] = await db.batch([
    db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, input.unitId), eq(units.agencyId, input.agencyId), eq(units.active, true))),
    db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.id, input.attachmentId ?? 0), eq(attachments.ideaId, input.ideaId))),
  ]);
  return { unitOk: unit.length > 0, attachmentOk: input.attachmentId === null || attachment.length > 0 };
}

export type NewImplementationUpdate = {
  agencyId: number;
  ideaId: number;
  authorId: number;
  body: string;
  /** JSON of the figures */
  figures: string;
  now: number;
};

/**
 * A follow-up update, written only while the idea is implemented and has its report (the report's
 * row is the update's foreign key), so a status change in between writes nothing.
 */
export function addImplementationUpdateStatement(db: Database, u: NewImplementationUpdate): Statement {
  const t = implementationUpdates;
  return db.run(sql`INSERT INTO ${t} (${sql.identifier(t.agencyId.name)}, ${sql.identifier(t.ideaId.name)},
      ${sql.identifier(t.authorId.name)}, ${sql.identifier(t.body.name)}, ${sql.identifier(t.figures.name)},
      ${sql.identifier(t.createdAt.name)})
    SELECT ${u.agencyId}, ${u.ideaId}, ${u.authorId}, ${u.body}, ${u.figures}, ${u.now}
    FROM ${implementationReports} JOIN ${ideas} ON ${ideas.id} = ${implementationReports.ideaId}
    WHERE ${implementationReports.ideaId} = ${u.ideaId} AND ${ideas.status} = 'implemented'`);
}

/**
 * An idea's updates, newest first, with their authors; `limit + 1` rows to tell a next page.
 * @param before the id of the last update of the previous page
 */
export function listImplementationUpdates(db: Database, ideaId: number, limit: number, before?: number) {
  return db
    .select({
      id: implementationUpdates.id,
      body: implementationUpdates.body,
      figures: implementationUpdates.figures,
      authorId: implementationUpdates.authorId,
      authorName: as(users.name, "author_name"),
      createdAt: implementationUpdates.createdAt,
    })
    .from(implementationUpdates)
    .innerJoin(users, eq(users.id, implementationUpdates.authorId))
    .where(
      and(
        eq(implementationUpdates.ideaId, ideaId),
        before !== undefined ? lt(implementationUpdates.id, before) : undefined,
      ),
    )
    .orderBy(desc(implementationUpdates.id))
    .limit(limit + 1);
}

export type ImplementationUpdateRow = Awaited<ReturnType<typeof listImplementationUpdates>>[number];
