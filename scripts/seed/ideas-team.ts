/**
 * A demo team: one submitted idea of Binjai with its author, a co-author who accepted, and a
 * colleague whose invitation waits (`GET /api/v1/me/invitations` signed in as him). Keyed by the
 * idea's title and the people's NIPs: a rerun adds nothing, and if the idea is not in the demo the
 * statements insert nothing instead of failing.
 *
 * Attachments are not seeded: their bytes live in R2, which SQL cannot fill.
 */
import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { follows, ideaAuthors, ideaEvents, ideas, users, votes } from "../../src/db/schema.ts";
import { AGENCIES } from "./organisation-data.ts";
import { agencyId, insertSelect, onConflictDoNothing, sqlText, userId } from "./sql.ts";

const HOUR = 3_600_000;

export const TEAM_IDEA = {
  agency: "binjai",
  title: "Surat keterangan domisili tanpa tatap muka",
  /** Dewi Anggraini Sembiring */
  author: "199104172015032001",
  /** Andi Pratama Ginting: invited an hour after the draft was started, accepted five hours later */
  coauthor: "199312052019031004",
  /** Muhammad Rizki Damanik: invited, not yet answered */
  invited: "199002282014021003",
} as const;

const nameOf = (nip: string) => AGENCIES.flatMap((a) => a.users).find((u) => u.nip === nip)!.name;

const i = alias(ideas, "i");
const u = alias(users, "u");
const a = alias(ideaAuthors, "a");
const e = alias(ideaEvents, "e");
const v = alias(votes, "v");

/** `FROM` the idea and one person, so that a missing idea or person selects no row at all. */
const ideaAndPerson = (nip: string) =>
  sql`FROM ${ideas} ${i}, ${users} ${u} WHERE ${i.agencyId} = ${agencyId(TEAM_IDEA.agency)} AND ${i.title} = ${TEAM_IDEA.title} AND ${u.nip} = ${nip}`;

/** One history row of a team change about `member`, if they are on the team and the row is not there yet. */
function teamEvent(input: {
  action: string;
  actor: string;
  member: string;
  reason: string | null;
  hoursAfterCreation: number;
}) {
  const { action, actor, member, reason, hoursAfterCreation } = input;
  return insertSelect(
    ideaEvents,
    {
      agencyId: i.agencyId,
      ideaId: i.id,
      actorId: u.id,
      action,
      fromStatus: "draft",
      toStatus: "draft",
      reason,
      at: sql`${i.createdAt} + ${hoursAfterCreation * HOUR}`,
    },
    sql`${ideaAndPerson(actor)}
     AND EXISTS (SELECT 1 FROM ${ideaAuthors} ${a} WHERE ${a.ideaId} = ${i.id} AND ${a.userId} = ${userId(member)})
     AND NOT EXISTS (SELECT 1 FROM ${ideaEvents} ${e} WHERE ${e.ideaId} = ${i.id} AND ${e.action} = ${action} AND ${e.actorId} = ${u.id} AND ${e.reason} IS ${reason})`,
  );
}

/** Team rows (the co-author skipped if they already vote for the idea: nobody votes for their own) and history. */
export function ideasTeamSql(): string[] {
  const { author, coauthor, invited } = TEAM_IDEA;
  return [
    insertSelect(
      ideaAuthors,
      {
        ideaId: i.id,
        userId: u.id,
        role: "coauthor",
        invitedAt: sql`${i.createdAt} + ${1 * HOUR}`,
        acceptedAt: sql`${i.createdAt} + ${6 * HOUR}`,
      },
      sql`${ideaAndPerson(coauthor)}
       AND NOT EXISTS (SELECT 1 FROM ${votes} ${v} WHERE ${v.ideaId} = ${i.id} AND ${v.userId} = ${u.id})
     ${onConflictDoNothing(ideaAuthors.ideaId, ideaAuthors.userId)}`,
    ),
    insertSelect(
      follows,
      { ideaId: i.id, userId: u.id, createdAt: sql`${i.createdAt} + ${6 * HOUR}` },
      sql`${ideaAndPerson(coauthor)}
       AND EXISTS (SELECT 1 FROM ${ideaAuthors} ${a} WHERE ${a.ideaId} = ${i.id} AND ${a.userId} = ${u.id})
     ${onConflictDoNothing(follows.ideaId, follows.userId)}`,
    ),
    insertSelect(
      ideaAuthors,
      { ideaId: i.id, userId: u.id, role: "coauthor", invitedAt: sql`${i.createdAt} + ${2 * HOUR}`, acceptedAt: null },
      sql`${ideaAndPerson(invited)} ${onConflictDoNothing(ideaAuthors.ideaId, ideaAuthors.userId)}`,
    ),
    teamEvent({
      action: "coauthor_invited",
      actor: author,
      member: coauthor,
      reason: nameOf(coauthor),
      hoursAfterCreation: 1,
    }),
    teamEvent({
      action: "coauthor_invited",
      actor: author,
      member: invited,
      reason: nameOf(invited),
      hoursAfterCreation: 2,
    }),
    teamEvent({ action: "coauthor_accepted", actor: coauthor, member: coauthor, reason: null, hoursAfterCreation: 6 }),
  ].map(sqlText);
}
