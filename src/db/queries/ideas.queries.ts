import { and, asc, eq } from "drizzle-orm";
import { as } from "../alias";
import type { Database } from "../client";
import {
  agencies,
  attachments,
  campaignMembers,
  campaigns,
  ideaAuthors,
  ideaEvents,
  ideas,
  units,
  users,
} from "../schema";
import { getViewerStanding } from "./votes.queries";

export type IdeaRow = typeof ideas.$inferSelect;

/** An idea of the agency (any status; visibility is the caller's business). */
export async function getIdea(db: Database, agencyId: number, id: number): Promise<IdeaRow | undefined> {
  const [row] = await db
    .select()
    .from(ideas)
    .where(and(eq(ideas.id, id), eq(ideas.agencyId, agencyId)));
  return row;
}

/** The team of an idea, author first; `acceptedAt` null for an invitation not yet accepted. */
export function listTeam(db: Database, ideaId: number) {
  return db
    .select({
      userId: ideaAuthors.userId,
      role: ideaAuthors.role,
      acceptedAt: ideaAuthors.acceptedAt,
      name: users.name,
      // never shown with the team: what a blind reader's blindfold takes out of free text
      nip: users.nip,
      email: users.email,
      position: users.position,
      unitId: users.unitId,
      unitName: as(units.name, "unit_name"),
    })
    .from(ideaAuthors)
    .innerJoin(users, eq(users.id, ideaAuthors.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(ideaAuthors.ideaId, ideaId))
    .orderBy(asc(ideaAuthors.invitedAt), asc(ideaAuthors.userId));
}

/** The workflow history, oldest first, with who acted. */
export function listEvents(db: Database, ideaId: number) {
  return db
    .select({
      id: ideaEvents.id,
      action: ideaEvents.action,
      fromStatus: ideaEvents.fromStatus,
      toStatus: ideaEvents.toStatus,
      reason: ideaEvents.reason,
      at: ideaEvents.at,
      actorId: ideaEvents.actorId,
      actorName: users.name,
    })
    .from(ideaEvents)
    .leftJoin(users, eq(users.id, ideaEvents.actorId))
    .where(eq(ideaEvents.ideaId, ideaId))
    .orderBy(asc(ideaEvents.at), asc(ideaEvents.id));
}

export function listAttachments(db: Database, ideaId: number) {
  return db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      size: attachments.size,
      kind: attachments.kind,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.ideaId, ideaId))
    .orderBy(asc(attachments.id));
}

/** The actor's seat on the committee of the idea's campaign (chair / reviewer), if any. */
export function getCommitteeSeat(db: Database, campaignId: number, userId: number) {
  return db
    .select({ role: campaignMembers.role })
    .from(campaignMembers)
    .where(and(eq(campaignMembers.campaignId, campaignId), eq(campaignMembers.userId, userId)));
}

/** What an idea's page needs besides the idea itself, read in one round trip. */
export async function getIdeaContext(db: Database, idea: IdeaRow, viewerId: number) {
  const [team, events, files, seat, campaign, unit, original, standing] = await db.batch([
    listTeam(db, idea.id),
    listEvents(db, idea.id),
    listAttachments(db, idea.id),
    getCommitteeSeat(db, idea.campaignId, viewerId),
    db.select().from(campaigns).where(eq(campaigns.id, idea.campaignId)),
    db.select({ id: units.id, name: units.name, code: units.code }).from(units).where(eq(units.id, idea.unitId)),
    db
      .select({ id: ideas.id, title: ideas.title, agencyName: agencies.name, status: ideas.status })
      .from(ideas)
      .innerJoin(agencies, eq(agencies.id, ideas.agencyId))
      .where(eq(ideas.id, idea.replicatesId ?? 0)),
    getViewerStanding(db, idea, viewerId),
  ]);
  return {
    team,
    events,
    files,
    seat: seat[0]?.role ?? null,
    campaign: campaign[0]!,
    unit: unit[0]!,
    original: original[0] ?? null,
    standing: standing[0]!,
  };
}
