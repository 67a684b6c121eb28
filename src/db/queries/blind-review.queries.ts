/**
 * Reads behind blind review: whether a reader sits blind on ideas, and who the ideas' proposing
 * teams are (what the blindfold must hide).
 */
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { as } from "../alias";
import type { Database } from "../client";
import { campaignMembers, campaigns, ideaAuthors, ideas, units, users } from "../schema";

/**
 * For each idea: its status, whether its campaign reviews blind, the reader's seat on that
 * campaign's committee and whether the reader is on its team. Ideas of another agency are left out.
 */
export function listBlindFacts(db: Database, agencyId: number, readerId: number, ideaIds: readonly number[]) {
  return db
    .select({
      ideaId: ideas.id,
      status: ideas.status,
      blindReview: campaigns.blindReview,
      seat: campaignMembers.role,
      onTeam: sql<number>`EXISTS (SELECT 1 FROM ${ideaAuthors} WHERE ${ideaAuthors.ideaId} = ${ideas.id}
        AND ${ideaAuthors.userId} = ${readerId} AND ${ideaAuthors.acceptedAt} IS NOT NULL)`.as("on_team"),
    })
    .from(ideas)
    .innerJoin(campaigns, eq(campaigns.id, ideas.campaignId))
    .leftJoin(
      campaignMembers,
      and(eq(campaignMembers.campaignId, ideas.campaignId), eq(campaignMembers.userId, readerId)),
    )
    .where(and(inArray(ideas.id, [...ideaIds]), eq(ideas.agencyId, agencyId)));
}

/** The accepted members of the ideas' teams with what identifies them, and the units they and the ideas belong to. */
export function listProposers(db: Database, ideaIds: readonly number[]) {
  return db.batch([
    db
      .select({
        ideaId: ideaAuthors.ideaId,
        id: users.id,
        name: users.name,
        nip: users.nip,
        email: users.email,
        unitName: as(units.name, "unit_name"),
      })
      .from(ideaAuthors)
      .innerJoin(users, eq(users.id, ideaAuthors.userId))
      .innerJoin(units, eq(units.id, users.unitId))
      .where(and(inArray(ideaAuthors.ideaId, [...ideaIds]), isNotNull(ideaAuthors.acceptedAt))),
    db
      .select({ ideaId: ideas.id, unitName: units.name })
      .from(ideas)
      .innerJoin(units, eq(units.id, ideas.unitId))
      .where(inArray(ideas.id, [...ideaIds])),
  ]);
}
