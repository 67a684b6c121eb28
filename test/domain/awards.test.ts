import { describe, expect, it } from "vitest";
import { planAward, type AwardReferences } from "../../src/domain/awards";

const AGENCY = 10;
const LEADER = 1;

const refs = (over: Partial<AwardReferences> = {}): AwardReferences => ({
  people: new Map([
    [2, { agencyId: AGENCY, active: true }],
    [3, { agencyId: AGENCY, active: true }],
    [4, { agencyId: AGENCY, active: false }],
    [5, { agencyId: 11, active: true }],
    [LEADER, { agencyId: AGENCY, active: true }],
  ]),
  units: new Map([
    [20, { agencyId: AGENCY, active: true }],
    [21, { agencyId: AGENCY, active: false }],
    [22, { agencyId: 11, active: true }],
  ]),
  ideas: new Map([
    [30, { agencyId: AGENCY, listed: true }],
    [31, { agencyId: AGENCY, listed: false }],
    [32, { agencyId: 11, listed: true }],
  ]),
  team: [],
  ...over,
});

const plan = (request: Partial<Parameters<typeof planAward>[0]>, references = refs()) =>
  planAward({ userIds: [], unitIds: [], ideaIds: [], ...request }, references, AGENCY, LEADER);

describe("planAward", () => {
  it("names each person once, whether named directly or through an idea's team, and links the team's idea", () => {
    const team = [
      { userId: 3, agencyId: AGENCY, active: true },
      { userId: 2, agencyId: AGENCY, active: true },
    ];
    expect(plan({ userIds: [2, 2], ideaTeamOf: 30, unitIds: [20, 20], ideaIds: [30] }, refs({ team }))).toEqual({
      ok: true,
      people: [2, 3],
      units: [20],
      ideas: [30],
    });
  });

  it("leaves deactivated or foreign members of a team out", () => {
    const team = [
      { userId: 4, agencyId: AGENCY, active: false },
      { userId: 5, agencyId: 11, active: true },
      { userId: 3, agencyId: AGENCY, active: true },
    ];
    expect(plan({ ideaTeamOf: 30 }, refs({ team }))).toMatchObject({ ok: true, people: [3] });
  });

  it("names every wrong id with its path", () => {
    const result = plan({ userIds: [4, 5, 99], unitIds: [21, 22], ideaTeamOf: 32, ideaIds: [31] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ["json.recipients.userIds.0", "award.recipient_inactive"],
      ["json.recipients.userIds.1", "award.recipient_unknown"],
      ["json.recipients.userIds.2", "award.recipient_unknown"],
      ["json.recipients.unitIds.0", "award.unit_unknown"],
      ["json.recipients.unitIds.1", "award.unit_unknown"],
      ["json.recipients.ideaTeamOf", "award.idea_unknown"],
      ["json.ideaIds.0", "award.idea_unknown"],
    ]);
  });

  it("never lets the leader award themself, directly or as a member of the team", () => {
    expect(plan({ userIds: [LEADER] })).toMatchObject({ ok: false, errors: [{ code: "award.self_award" }] });
    const team = [{ userId: LEADER, agencyId: AGENCY, active: true }];
    expect(plan({ ideaTeamOf: 30 }, refs({ team }))).toMatchObject({
      ok: false,
      errors: [{ path: "json.recipients.ideaTeamOf", code: "award.self_award" }],
    });
  });

  it("needs at least one recipient", () => {
    expect(plan({ ideaIds: [30] })).toMatchObject({ ok: false, errors: [{ code: "award.no_recipient" }] });
    expect(plan({ ideaTeamOf: 30 })).toMatchObject({ ok: false, errors: [{ code: "award.no_recipient" }] });
  });
});
