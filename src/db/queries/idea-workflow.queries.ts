import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { hotScore } from "../../domain/voting";
import { LISTED_STATUSES, type IdeaAction, type IdeaStatus } from "../../domain/idea-status";
import type { SearchText } from "../../domain/search-normalise";
import { AUTO_ID, newestId } from "../alias";
import { runNamedBatch, type Database, type Statement } from "../client";
import { insertFields } from "../raw";
import { sqlHot } from "../hot";
import { follows, ideaAuthors, ideaEvents, ideas, votes } from "../schema";

export type DraftValues = {
  title: string;
  problem: string;
  solution: string;
  benefit: string;
  targetService: string;
  category: string;
  replicatesId: number | null;
} & SearchText;

const LISTED: ReadonlySet<IdeaStatus> = new Set(LISTED_STATUSES);

/**
 * A new draft with its team (the author, invited co-authors), the author following it, and a
 * `create` event, in one batch. @returns the new idea's id
 */
export async function createDraft(
  db: Database,
  input: {
    agencyId: number;
    campaignId: number;
    unitId: number;
    authorId: number;
    values: DraftValues;
    coauthorIds: number[];
    now: number;
  },
): Promise<number> {
  const { agencyId, campaignId, unitId, authorId, values, coauthorIds, now } = input;
  const id = newestId(ideas);
  const { created } = await runNamedBatch(db, {
    draft: db.insert(ideas).values({
      ...values,
      agencyId,
      campaignId,
      unitId,
      authorId,
      status: "draft",
      listed: false,
      createdAt: now,
      updatedAt: now,
    }),
    team: db.insert(ideaAuthors).values([
      { ideaId: id, userId: authorId, role: "author", invitedAt: now, acceptedAt: now },
      ...coauthorIds.map((userId) => ({
        ideaId: id,
        userId,
        role: "coauthor" as const,
        invitedAt: now + 1,
        acceptedAt: null,
      })),
    ]),
    follow: db.insert(follows).values({ ideaId: id, userId: authorId, createdAt: now }),
    event: db.insert(ideaEvents).values({
      agencyId,
      ideaId: id,
      actorId: authorId,
      action: "create",
      fromStatus: null,
      toStatus: "draft",
      at: now,
    }),
    created: db.select({ id }).from(ideas).limit(1),
  });
  return created[0]!.id;
}

export function updateDraft(
  db: Database,
  ideaId: number,
  values: Partial<DraftValues & { campaignId: number; unitId: number }>,
  now: number,
) {
  return db
    .update(ideas)
    .set({ ...values, updatedAt: now })
    .where(and(eq(ideas.id, ideaId), eq(ideas.status, "draft")));
}

/** The recount of an original's replicating agencies, for any batch that lists or unlists a replica. */
function recountReplications(db: Database, originalId: number) {
  const r = alias(ideas, "r");
  return db
    .update(ideas)
    .set({
      replicationCount: sql`(SELECT count(DISTINCT ${r.agencyId}) FROM ${ideas} ${r} WHERE ${r.replicatesId} = ${originalId} AND ${r.listed} = 1 AND ${r.agencyId} <> ${ideas.agencyId})`,
    })
    .where(eq(ideas.id, originalId));
}

/**
 * The statements of one workflow step: the status change, guarded by the status it was planned
 * from (a concurrent step makes it change nothing), and its event, written only if the change was.
 * Callers add what the step earns (points, notifications) and run everything as one batch
 * (`runNamedBatch(db, { ...transitionStatements(…), earned })`); `moved`'s `changes` is 1 when the step happened.
 */
export function transitionStatements(
  db: Database,
  input: {
    idea: { id: number; agencyId: number; replicatesId: number | null };
    action: IdeaAction;
    from: IdeaStatus;
    to: IdeaStatus;
    actorId: number;
    reason: string | null;
    now: number;
    extra?: Partial<typeof ideas.$inferInsert>;
    /** a further condition the step needs at the moment of writing (e.g. {@link mergeTargetOpen}) */
    guard?: SQL;
  },
) {
  const { idea, action, from, to, actorId, reason, now, extra, guard } = input;
  const set: Partial<typeof ideas.$inferInsert> = {
    status: to,
    listed: LISTED.has(to),
    updatedAt: now,
    // a draft has no votes, so its trending score starts from the moment it is submitted
    ...(action === "submit" ? { submittedAt: now, hot: hotScore(0, now) } : {}),
    ...(action === "approve" || action === "reject" || action === "implement" ? { decidedAt: now } : {}),
    ...(action === "reject" ? { decisionReason: reason } : {}),
    ...extra,
  };
  return {
    moved: db
      .update(ideas)
      .set(set)
      .where(and(eq(ideas.id, idea.id), eq(ideas.status, from), guard)),
    event: db.insert(ideaEvents).select(
      db
        .select(
          insertFields(ideaEvents, {
            id: AUTO_ID,
            agencyId: sql`${idea.agencyId}`,
            ideaId: sql`${idea.id}`,
            actorId: sql`${actorId}`,
            action: sql`${action}`,
            fromStatus: sql`${from}`,
            toStatus: sql`${to}`,
            reason: sql`${reason}`,
            at: sql`${now}`,
          }),
        )
        .from(ideas)
        // changes(): the update just before changed the row. Two racing steps can share `now` (the
        // Workers clock moves only between I/O), and then the loser would see the winner's row.
        .where(and(eq(ideas.id, idea.id), eq(ideas.status, to), eq(ideas.updatedAt, now), sql`changes() = 1`)),
    ),
    recount:
      idea.replicatesId !== null && LISTED.has(from) !== LISTED.has(to)
        ? [recountReplications(db, idea.replicatesId)]
        : ([] as Statement[]),
  };
}

/** The merge target is still a listed idea of the duplicate's campaign (see `mergeTargetRefusal`). */
export const mergeTargetOpen = (survivorId: number, campaignId: number) =>
  sql`EXISTS (SELECT 1 FROM ${ideas} WHERE ${ideas.id} = ${survivorId} AND ${ideas.campaignId} = ${campaignId}
    AND ${ideas.listed} = 1)`;

/**
 * Folds a duplicate into the surviving idea: supporters move over without anyone counted twice
 * (nor on an idea they now co-author), the duplicate's authors join the survivor's team and its
 * followers follow the survivor; both counts are recomputed from the vote rows. Every statement
 * acts only if the duplicate was merged into the survivor at `now` earlier in the same batch, so a
 * refused or raced merge moves nothing.
 */
export function mergeStatements(
  db: Database,
  input: { agencyId: number; duplicateId: number; survivorId: number; actorId: number; reason: string; now: number },
): Statement[] {
  const { agencyId, duplicateId, survivorId, actorId, reason, now } = input;
  const merged = sql`EXISTS (SELECT 1 FROM ${ideas} WHERE ${ideas.id} = ${duplicateId} AND ${ideas.status} = 'merged'
    AND ${ideas.mergedIntoId} = ${survivorId} AND ${ideas.updatedAt} = ${now})`;
  const survivorTeam = db
    .select({ userId: ideaAuthors.userId })
    .from(ideaAuthors)
    .where(eq(ideaAuthors.ideaId, survivorId));
  const duplicateTeam = db
    .select({ userId: ideaAuthors.userId })
    .from(ideaAuthors)
    .where(eq(ideaAuthors.ideaId, duplicateId));
  const recount = (id: number) => {
    const count = sql`(SELECT count(*) FROM ${votes} WHERE ${votes.ideaId} = ${id})`;
    return (
      db
        .update(ideas)
        // a SET sees the old row: the trending score is computed from the new count, not from vote_count
        .set({ voteCount: count, hot: sqlHot(count) })
        .where(and(eq(ideas.id, id), merged))
    );
  };
  return [
    db
      .insert(ideaAuthors)
      .select(
        db
          .select(
            insertFields(ideaAuthors, {
              ideaId: sql`${survivorId}`,
              userId: ideaAuthors.userId,
              role: sql`'coauthor'`,
              invitedAt: sql`${now}`,
              acceptedAt: sql`${now}`,
            }),
          )
          .from(ideaAuthors)
          .where(and(eq(ideaAuthors.ideaId, duplicateId), sql`${ideaAuthors.acceptedAt} IS NOT NULL`, merged)),
      )
      .onConflictDoNothing(),
    // nobody votes for an idea they (now) co-author
    db.delete(votes).where(and(eq(votes.ideaId, survivorId), inArray(votes.userId, duplicateTeam), merged)),
    db
      .insert(votes)
      .select(
        db
          .select(
            insertFields(votes, {
              id: AUTO_ID,
              agencyId: votes.agencyId,
              campaignId: votes.campaignId,
              ideaId: sql`${survivorId}`,
              userId: votes.userId,
              unitId: votes.unitId,
              createdAt: votes.createdAt,
            }),
          )
          .from(votes)
          .where(and(eq(votes.ideaId, duplicateId), sql`${votes.userId} NOT IN ${survivorTeam}`, merged)),
      )
      .onConflictDoNothing(),
    db.delete(votes).where(and(eq(votes.ideaId, duplicateId), merged)),
    recount(survivorId),
    recount(duplicateId),
    db
      .insert(follows)
      .select(
        db
          .select(
            insertFields(follows, {
              ideaId: sql`${survivorId}`,
              userId: follows.userId,
              createdAt: sql`${now}`,
            }),
          )
          .from(follows)
          .where(and(eq(follows.ideaId, duplicateId), merged)),
      )
      .onConflictDoNothing(),
    // the survivor's history tells what it absorbed
    db.insert(ideaEvents).select(
      db
        .select(
          insertFields(ideaEvents, {
            id: AUTO_ID,
            agencyId: sql`${agencyId}`,
            ideaId: sql`${survivorId}`,
            actorId: sql`${actorId}`,
            action: sql`'absorb'`,
            fromStatus: ideas.status,
            toStatus: ideas.status,
            reason: sql`${reason}`,
            at: sql`${now}`,
          }),
        )
        .from(ideas)
        .where(and(eq(ideas.id, survivorId), merged)),
    ),
  ];
}
