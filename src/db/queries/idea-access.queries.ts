import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { ideaAuthors, ideas } from "../schema";

/**
 * The few facts about an idea that votes, follows and comments need, if the viewer may see it:
 * an idea of their agency, and a draft only when they are on its team (invitations included).
 */
export async function getIdeaAccess(db: Database, agencyId: number, ideaId: number, viewerId: number) {
  const [row] = await db
    .select({
      id: ideas.id,
      agencyId: ideas.agencyId,
      campaignId: ideas.campaignId,
      unitId: ideas.unitId,
      status: ideas.status,
      listed: ideas.listed,
      member:
        sql<number>`EXISTS (SELECT 1 FROM ${ideaAuthors} WHERE ${ideaAuthors.ideaId} = ${ideas.id} AND ${ideaAuthors.userId} = ${viewerId})`.as(
          "member",
        ),
    })
    .from(ideas)
    .where(and(eq(ideas.id, ideaId), eq(ideas.agencyId, agencyId)));
  if (!row || (row.status === "draft" && !row.member)) return undefined;
  return row;
}

export type IdeaAccess = NonNullable<Awaited<ReturnType<typeof getIdeaAccess>>>;
