import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { ideaAuthors, ideas } from "../schema";
import { isHiddenFrom } from "../../domain/moderation";

/**
 * The few facts about an idea that votes, follows and comments need, if the viewer may see it:
 * an idea of their agency, a draft only when they are on its team (invitations included), a
 * hidden idea only on its team or as a moderator.
 */
export async function getIdeaAccess(
  db: Database,
  agencyId: number,
  ideaId: number,
  viewer: { userId: number; isModerator: boolean },
) {
  const viewerId = viewer.userId;
  const [row] = await db
    .select({
      id: ideas.id,
      agencyId: ideas.agencyId,
      campaignId: ideas.campaignId,
      unitId: ideas.unitId,
      status: ideas.status,
      listed: ideas.listed,
      hiddenAt: ideas.hiddenAt,
      member:
        sql<number>`EXISTS (SELECT 1 FROM ${ideaAuthors} WHERE ${ideaAuthors.ideaId} = ${ideas.id} AND ${ideaAuthors.userId} = ${viewerId})`.as(
          "member",
        ),
    })
    .from(ideas)
    .where(and(eq(ideas.id, ideaId), eq(ideas.agencyId, agencyId)));
  if (!row || (row.status === "draft" && !row.member)) return undefined;
  if (isHiddenFrom(row, { isTeam: Boolean(row.member), isAdmin: viewer.isModerator })) return undefined;
  return row;
}

export type IdeaAccess = NonNullable<Awaited<ReturnType<typeof getIdeaAccess>>>;
