import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { fromJson, jsonRowOf } from "../json-columns";
import { ideaAuthors, ideas } from "../schema";
import { isHiddenFrom } from "../../domain/moderation";

/**
 * The idea's row as its access rules need it, for a statement that travels in a batch; judge it with
 * {@link ideaAccessOf}.
 */
const accessFields = (viewerId: number) => ({
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
});

export function ideaAccessQuery(db: Database, agencyId: number, ideaId: number, viewerId: number) {
  return db
    .select(accessFields(viewerId))
    .from(ideas)
    .where(and(eq(ideas.id, ideaId), eq(ideas.agencyId, agencyId)));
}

/**
 * {@link ideaAccessQuery} as a JSON column for another statement (e.g. the reward state's, so the
 * check costs no round trip of its own); read it back with {@link ideaAccessRowsOf}.
 */
export const ideaAccessSql = (agencyId: number, ideaId: number, viewerId: number) =>
  jsonRowOf(
    accessFields(viewerId),
    sql`FROM ${ideas} WHERE ${ideas.id} = ${ideaId} AND ${ideas.agencyId} = ${agencyId}`,
  );

/** {@link ideaAccessSql}'s value as the rows {@link ideaAccessOf} judges (none: no such idea). */
export const ideaAccessRowsOf = (viewerId: number, value: unknown): IdeaAccessRow[] =>
  value === null || value === undefined ? [] : [fromJson(accessFields(viewerId), value)];

type IdeaAccessRow = Awaited<ReturnType<ReturnType<typeof ideaAccessQuery>["all"]>>[number];

/** The idea if the viewer may see it: a draft only by its team, a hidden idea only by its team and moderators. */
export function ideaAccessOf(rows: readonly IdeaAccessRow[], viewer: { isModerator: boolean }) {
  const [row] = rows;
  if (!row || (row.status === "draft" && !row.member)) return undefined;
  if (isHiddenFrom(row, { isTeam: Boolean(row.member), isAdmin: viewer.isModerator })) return undefined;
  return row;
}

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
  return ideaAccessOf(await ideaAccessQuery(db, agencyId, ideaId, viewer.userId), viewer);
}

export type IdeaAccess = NonNullable<Awaited<ReturnType<typeof getIdeaAccess>>>;
