import { and, eq, sql } from "drizzle-orm";
import { as } from "../alias";
import type { Database, Statement } from "../client";
import { attachments, ideas, implementationReports, units, users } from "../schema";

export type ImplementationInput = {
  ideaId: number;
  agencyId: number;
  implementedOn: string;
  unitId: number;
  summary: string;
  evidenceAttachmentId: number | null;
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
      .select({
        ideaId: sql`${r.ideaId}`.as("idea_id"),
        agencyId: sql`${r.agencyId}`.as("agency_id"),
        implementedOn: sql`${r.implementedOn}`.as("implemented_on"),
        unitId: sql`${r.unitId}`.as("unit_id"),
        summary: sql`${r.summary}`.as("summary"),
        evidenceAttachmentId: sql`${r.evidenceAttachmentId}`.as("evidence_attachment_id"),
        reportedBy: sql`${r.reportedBy}`.as("reported_by"),
        createdAt: sql`${r.now}`.as("created_at"),
      })
      .from(ideas)
      .where(and(eq(ideas.id, r.ideaId), eq(ideas.status, "implemented"), eq(ideas.updatedAt, r.now))),
  );
}

export async function getImplementationReport(db: Database, ideaId: number) {
  const [row] = await db
    .select({
      ideaId: implementationReports.ideaId,
      implementedOn: implementationReports.implementedOn,
      unitId: implementationReports.unitId,
      unitName: as(units.name, "unit_name"),
      summary: implementationReports.summary,
      evidenceAttachmentId: implementationReports.evidenceAttachmentId,
      reportedById: implementationReports.reportedBy,
      reportedByName: as(users.name, "reported_by_name"),
      createdAt: implementationReports.createdAt,
    })
    .from(implementationReports)
    .innerJoin(units, eq(units.id, implementationReports.unitId))
    .innerJoin(users, eq(users.id, implementationReports.reportedBy))
    .where(eq(implementationReports.ideaId, ideaId));
  return row;
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
