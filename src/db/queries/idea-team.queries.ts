/**
 * Co-authors: invitations, acceptance, removal. Each change and its `idea_events` row are written
 * in one batch, both guarded by the same condition re-checked inside the transaction (the idea is
 * still in the status the plan saw, the team still allows it), so a concurrent change makes both
 * write nothing rather than one of them.
 */
import { and, desc, eq, exists, inArray, isNotNull, isNull, lt, notExists, or, sql, type SQL } from "drizzle-orm";
import { MAX_COAUTHORS, TEAM_OPEN_STATUSES } from "../../domain/idea-team";
import type { IdeaStatus } from "../../domain/idea-status";
import { alias } from "drizzle-orm/sqlite-core";
import { AUTO_ID, as } from "../alias";
import type { Database } from "../client";
import { insertFields } from "../raw";
import { follows, ideaAuthors, ideaEvents, ideas, users, votes } from "../schema";

type IdeaRef = { id: number; agencyId: number; status: IdeaStatus };
type TeamChange = "coauthor_invited" | "coauthor_accepted" | "coauthor_removed";

const one = sql`1`;

/** An active colleague of the agency, to invite. */
export async function getColleague(db: Database, agencyId: number, userId: number) {
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.agencyId, agencyId), eq(users.active, true)));
  return row;
}

/** Whether the person has a live vote for the idea. */
export async function hasVoted(db: Database, ideaId: number, userId: number): Promise<boolean> {
  const rows = await db
    .select({ one })
    .from(votes)
    .where(and(eq(votes.ideaId, ideaId), eq(votes.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

/** The idea is still in the status the change was planned against. */
const stillIn = (db: Database, idea: IdeaRef) =>
  exists(
    db
      .select({ one })
      .from(ideas)
      .where(and(eq(ideas.id, idea.id), eq(ideas.status, idea.status))),
  );

/** The columns of a team change's history row, for an `insert().select()` from the guarding table. */
function eventColumns(input: {
  idea: IdeaRef;
  action: TeamChange;
  actorId: number;
  reason: string | null;
  now: number;
}) {
  const { idea, action, actorId, reason, now } = input;
  return insertFields(ideaEvents, {
    id: AUTO_ID,
    agencyId: sql`${idea.agencyId}`,
    ideaId: sql`${idea.id}`,
    actorId: sql`${actorId}`,
    action: sql`${action}`,
    fromStatus: sql`${idea.status}`,
    toStatus: sql`${idea.status}`,
    reason: sql`${reason}`,
    at: sql`${now}`,
  });
}

/**
 * Invites `invitee` and records it. @returns the statements for `runNamedBatch`; `invited`'s
 * `changes` is 1 when the invitation was written
 */
export function inviteCoauthorStatements(
  db: Database,
  input: { idea: IdeaRef; invitee: { id: number; name: string }; actorId: number; now: number },
) {
  const { idea, invitee, actorId, now } = input;
  const team = (where: SQL | undefined) => db.select({ one }).from(ideaAuthors).where(where);
  const c = alias(ideaAuthors, "c");
  // selects the idea's one row when the invitation may be written, none otherwise
  const allowed = and(
    eq(ideas.id, idea.id),
    eq(ideas.status, idea.status),
    exists(
      team(and(eq(ideaAuthors.ideaId, idea.id), eq(ideaAuthors.userId, actorId), isNotNull(ideaAuthors.acceptedAt))),
    ),
    notExists(team(and(eq(ideaAuthors.ideaId, idea.id), eq(ideaAuthors.userId, invitee.id)))),
    sql`(SELECT count(*) FROM ${ideaAuthors} ${c} WHERE ${c.ideaId} = ${idea.id} AND ${c.role} = 'coauthor') < ${MAX_COAUTHORS}`,
    exists(
      db
        .select({ one })
        .from(users)
        .where(and(eq(users.id, invitee.id), eq(users.agencyId, idea.agencyId), eq(users.active, true))),
    ),
  );
  const event = eventColumns({ idea, action: "coauthor_invited", actorId, reason: invitee.name, now });
  return {
    event: db.insert(ideaEvents).select(db.select(event).from(ideas).where(allowed)),
    invited: db
      .insert(ideaAuthors)
      .select(
        db
          .select(
            insertFields(ideaAuthors, {
              ideaId: sql`${idea.id}`,
              userId: sql`${invitee.id}`,
              role: sql`'coauthor'`,
              invitedAt: sql`${now}`,
              acceptedAt: sql`NULL`,
            }),
          )
          .from(ideas)
          .where(allowed),
      )
      .onConflictDoNothing(),
  };
}

/**
 * The invited person accepts: they join the team and follow the idea. Someone who has a vote on
 * the idea must take it back first (nobody votes for an idea they co-author). @returns the
 * statements for `runNamedBatch`; `accepted`'s `changes` is 1 when the acceptance was written
 */
export function acceptInvitationStatements(db: Database, input: { idea: IdeaRef; userId: number; now: number }) {
  const { idea, userId, now } = input;
  const justAccepted = and(
    eq(ideaAuthors.ideaId, idea.id),
    eq(ideaAuthors.userId, userId),
    eq(ideaAuthors.acceptedAt, now),
  );
  return {
    accepted: db
      .update(ideaAuthors)
      .set({ acceptedAt: now })
      .where(
        and(
          eq(ideaAuthors.ideaId, idea.id),
          eq(ideaAuthors.userId, userId),
          isNull(ideaAuthors.acceptedAt),
          stillIn(db, idea),
          notExists(
            db
              .select({ one })
              .from(votes)
              .where(and(eq(votes.ideaId, idea.id), eq(votes.userId, userId))),
          ),
        ),
      ),
    event: db.insert(ideaEvents).select(
      db
        .select(eventColumns({ idea, action: "coauthor_accepted", actorId: userId, reason: null, now }))
        .from(ideaAuthors)
        .where(justAccepted),
    ),
    followed: db
      .insert(follows)
      .select(
        db
          .select(
            insertFields(follows, {
              ideaId: ideaAuthors.ideaId,
              userId: ideaAuthors.userId,
              createdAt: sql`${now}`,
            }),
          )
          .from(ideaAuthors)
          .where(justAccepted),
      )
      .onConflictDoNothing(),
  };
}

/**
 * Takes a co-author (or an invitation) off the team and records who did it. @returns the
 * statements for `runNamedBatch`; `removed`'s `changes` is 1 when someone was removed
 */
export function removeCoauthorStatements(
  db: Database,
  input: { idea: IdeaRef; target: { id: number; name: string }; actorId: number; now: number },
) {
  const { idea, target, actorId, now } = input;
  const removable = and(
    eq(ideaAuthors.ideaId, idea.id),
    eq(ideaAuthors.userId, target.id),
    eq(ideaAuthors.role, "coauthor"),
    stillIn(db, idea),
  );
  return {
    event: db.insert(ideaEvents).select(
      db
        .select(eventColumns({ idea, action: "coauthor_removed", actorId, reason: target.name, now }))
        .from(ideaAuthors)
        .where(removable),
    ),
    removed: db.delete(ideaAuthors).where(removable),
  };
}

/**
 * My invitations still waiting for an answer, on ideas whose team is open, newest first.
 * Keyset on `(invitedAt, ideaId)`; fetches `limit + 1` rows.
 */
export function listMyInvitations(db: Database, userId: number, limit: number, after?: readonly [number, number]) {
  return db
    .select({
      ideaId: ideaAuthors.ideaId,
      invitedAt: ideaAuthors.invitedAt,
      title: ideas.title,
      status: ideas.status,
      authorId: ideas.authorId,
      authorName: as(users.name, "author_name"),
    })
    .from(ideaAuthors)
    .innerJoin(ideas, eq(ideas.id, ideaAuthors.ideaId))
    .innerJoin(users, eq(users.id, ideas.authorId))
    .where(
      and(
        eq(ideaAuthors.userId, userId),
        isNull(ideaAuthors.acceptedAt),
        inArray(ideas.status, [...TEAM_OPEN_STATUSES]),
        after
          ? or(
              lt(ideaAuthors.invitedAt, after[0]),
              and(eq(ideaAuthors.invitedAt, after[0]), lt(ideaAuthors.ideaId, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(ideaAuthors.invitedAt), desc(ideaAuthors.ideaId))
    .limit(limit + 1);
}
