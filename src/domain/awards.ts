/**
 * Awards (penghargaan): a leader names people, an idea's team or units, links ideas, and gives
 * bonus points. This decides, from what storage found, who receives the award and what is wrong
 * with a request.
 *
 * Points: each PERSON recipient earns the award's bonus once (the reward engine's `award_granted`,
 * keyed per award and person, so naming someone twice — directly and through a team — pays once).
 * A UNIT recipient earns no points: a unit's total on the leaderboard is by definition the sum of
 * its members' points, so crediting the unit itself would break that, and splitting the bonus over
 * its members would pay people nobody named. A unit receives the certificate and its place in the
 * Hall of Fame.
 */

export const AWARD_LIMITS = { people: 50, units: 20, ideas: 20, bonusPoints: 1000 } as const;

export type AwardRequest = {
  userIds: readonly number[];
  unitIds: readonly number[];
  /** the accepted authors of this idea are named too, and the idea is linked */
  ideaTeamOf?: number | undefined;
  ideaIds: readonly number[];
};

/** What storage knows about the ids of a request (missing ids are absent from the maps). */
export type AwardReferences = {
  people: ReadonlyMap<number, { agencyId: number; active: boolean }>;
  units: ReadonlyMap<number, { agencyId: number; active: boolean }>;
  ideas: ReadonlyMap<number, { agencyId: number; listed: boolean }>;
  /** the accepted authors of `ideaTeamOf`, with their agency and whether they are active */
  team: readonly { userId: number; agencyId: number; active: boolean }[];
};

export type AwardRefusal = { path: string; code: string; message: string };

export type AwardPlan =
  { ok: true; people: number[]; units: number[]; ideas: number[] } | { ok: false; errors: AwardRefusal[] };

/**
 * The recipients and linked ideas of an award, or every reason the request cannot be announced.
 * People must be active members of the agency, units of the agency and active, ideas of the
 * agency and listed (not drafts, withdrawn or merged). The announcing leader is never a recipient.
 * @param agencyId the leader's agency
 * @param announcerId the leader
 * @example planAward({ userIds: [7], unitIds: [], ideaIds: [3] }, refs, 1, 9) // { ok: true, people: [7], units: [], ideas: [3] }
 */
export function planAward(
  request: AwardRequest,
  references: AwardReferences,
  agencyId: number,
  announcerId: number,
): AwardPlan {
  const errors: AwardRefusal[] = [];
  const people: number[] = [];
  const units: number[] = [];
  const ideas: number[] = [];
  const addOnce = (list: number[], id: number) => list.includes(id) || list.push(id);

  request.userIds.forEach((id, i) => {
    const path = `json.recipients.userIds.${i}`;
    const person = references.people.get(id);
    if (!person || person.agencyId !== agencyId) errors.push(unknownPerson(path));
    else if (!person.active) errors.push(inactivePerson(path));
    else if (id === announcerId) errors.push(selfAward(path));
    else addOnce(people, id);
  });

  request.unitIds.forEach((id, i) => {
    const unit = references.units.get(id);
    if (!unit || unit.agencyId !== agencyId || !unit.active) {
      errors.push({
        path: `json.recipients.unitIds.${i}`,
        code: "award.unit_unknown",
        message: "Name an active unit of your agency",
      });
    } else addOnce(units, id);
  });

  const ideaKnown = (id: number) => {
    const idea = references.ideas.get(id);
    return idea !== undefined && idea.agencyId === agencyId && idea.listed;
  };
  if (request.ideaTeamOf !== undefined) {
    const path = "json.recipients.ideaTeamOf";
    if (!ideaKnown(request.ideaTeamOf)) errors.push(unknownIdea(path));
    else {
      addOnce(ideas, request.ideaTeamOf);
      const members = references.team.filter((m) => m.agencyId === agencyId && m.active);
      if (members.some((m) => m.userId === announcerId)) errors.push(selfAward(path));
      else members.forEach((m) => addOnce(people, m.userId));
    }
  }

  request.ideaIds.forEach((id, i) => {
    if (!ideaKnown(id)) errors.push(unknownIdea(`json.ideaIds.${i}`));
    else addOnce(ideas, id);
  });

  if (errors.length > 0) return { ok: false, errors };
  if (people.length + units.length === 0) {
    return {
      ok: false,
      errors: [
        {
          path: "json.recipients",
          code: "award.no_recipient",
          message: "Name at least one person, a team of an idea with active members, or a unit",
        },
      ],
    };
  }
  if (people.length > AWARD_LIMITS.people) {
    return {
      ok: false,
      errors: [
        {
          path: "json.recipients",
          code: "award.too_many_recipients",
          message: `An award names at most ${AWARD_LIMITS.people} people`,
        },
      ],
    };
  }
  return { ok: true, people, units, ideas };
}

const unknownPerson = (path: string): AwardRefusal => ({
  path,
  code: "award.recipient_unknown",
  message: "Name a person of your agency",
});

const inactivePerson = (path: string): AwardRefusal => ({
  path,
  code: "award.recipient_inactive",
  message: "This person's account is deactivated",
});

const selfAward = (path: string): AwardRefusal => ({
  path,
  code: "award.self_award",
  message: "A leader does not award themself; another leader announces it",
});

const unknownIdea = (path: string): AwardRefusal => ({
  path,
  code: "award.idea_unknown",
  message: "Link a submitted idea of your agency",
});
