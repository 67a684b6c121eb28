/**
 * A demo team: one submitted idea of Binjai with its author, a co-author who accepted, and a
 * colleague whose invitation waits (`GET /api/v1/me/invitations` signed in as him). Keyed by the
 * idea's title and the people's NIPs: a rerun adds nothing, and if the idea is not in the demo the
 * statements insert nothing instead of failing.
 *
 * Attachments are not seeded: their bytes live in R2, which SQL cannot fill.
 */
import { AGENCIES } from "./organisation-data.ts";
import { agencyId, lit, userId } from "./sql.ts";

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

/** `FROM` the idea and one person, so that a missing idea or person selects no row at all. */
const ideaAndPerson = (nip: string) =>
  `FROM ideas i, users u WHERE i.agency_id = ${agencyId(TEAM_IDEA.agency)} AND i.title = ${lit(TEAM_IDEA.title)} AND u.nip = ${lit(nip)}`;

/** One history row of a team change about `member`, if they are on the team and the row is not there yet. */
function teamEvent(input: {
  action: string;
  actor: string;
  member: string;
  reason: string | null;
  hoursAfterCreation: number;
}) {
  const { action, actor, member, reason, hoursAfterCreation } = input;
  return `INSERT INTO idea_events (agency_id, idea_id, actor_id, action, from_status, to_status, reason, at)
   SELECT i.agency_id, i.id, u.id, ${lit(action)}, 'draft', 'draft', ${lit(reason)}, i.created_at + ${hoursAfterCreation * HOUR}
   ${ideaAndPerson(actor)}
     AND EXISTS (SELECT 1 FROM idea_authors a WHERE a.idea_id = i.id AND a.user_id = ${userId(member)})
     AND NOT EXISTS (SELECT 1 FROM idea_events e WHERE e.idea_id = i.id AND e.action = ${lit(action)} AND e.actor_id = u.id AND e.reason IS ${lit(reason)});`;
}

/** Team rows (the co-author skipped if they already vote for the idea: nobody votes for their own) and history. */
export function ideasTeamSql(): string[] {
  const { author, coauthor, invited } = TEAM_IDEA;
  return [
    `INSERT INTO idea_authors (idea_id, user_id, role, invited_at, accepted_at)
     SELECT i.id, u.id, 'coauthor', i.created_at + ${1 * HOUR}, i.created_at + ${6 * HOUR} ${ideaAndPerson(coauthor)}
       AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.idea_id = i.id AND v.user_id = u.id)
     ON CONFLICT(idea_id, user_id) DO NOTHING;`,
    `INSERT INTO follows (idea_id, user_id, created_at)
     SELECT i.id, u.id, i.created_at + ${6 * HOUR} ${ideaAndPerson(coauthor)}
       AND EXISTS (SELECT 1 FROM idea_authors a WHERE a.idea_id = i.id AND a.user_id = u.id)
     ON CONFLICT(idea_id, user_id) DO NOTHING;`,
    `INSERT INTO idea_authors (idea_id, user_id, role, invited_at, accepted_at)
     SELECT i.id, u.id, 'coauthor', i.created_at + ${2 * HOUR}, NULL ${ideaAndPerson(invited)}
     ON CONFLICT(idea_id, user_id) DO NOTHING;`,
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
  ];
}
