import { describe, expect, it } from "vitest";
import {
  MAX_COAUTHORS,
  planAcceptance,
  planInvitation,
  planRemoval,
  type TeamMember,
} from "../../src/domain/idea-team";

const AUTHOR = 1;
const COAUTHOR = 2;
const INVITED = 3;
const OUTSIDER = 4;
const team: TeamMember[] = [
  { userId: AUTHOR, role: "author", acceptedAt: 1 },
  { userId: COAUTHOR, role: "coauthor", acceptedAt: 2 },
  { userId: INVITED, role: "coauthor", acceptedAt: null },
];

describe("planInvitation", () => {
  it("lets the author and an accepted co-author invite, not an invited person or an outsider", () => {
    const invite = (actorId: number) => planInvitation({ status: "draft", team, actorId, inviteeId: 9 });
    expect(invite(AUTHOR)).toEqual({ ok: true });
    expect(invite(COAUTHOR)).toEqual({ ok: true });
    expect(invite(INVITED)).toEqual({ ok: false, code: "team.not_permitted" });
    expect(invite(OUTSIDER)).toEqual({ ok: false, code: "team.not_permitted" });
  });

  it("is open while the idea is a draft or submitted only", () => {
    expect(planInvitation({ status: "submitted", team, actorId: AUTHOR, inviteeId: 9 }).ok).toBe(true);
    for (const status of ["in_review", "approved", "withdrawn", "merged"] as const) {
      expect(planInvitation({ status, team, actorId: AUTHOR, inviteeId: 9 })).toEqual({
        ok: false,
        code: "team.closed",
      });
    }
  });

  it("refuses someone already on the team or invited, the author included", () => {
    for (const inviteeId of [AUTHOR, COAUTHOR, INVITED]) {
      expect(planInvitation({ status: "draft", team, actorId: AUTHOR, inviteeId })).toEqual({
        ok: false,
        code: "team.already_member",
      });
    }
  });

  it(`counts invitations towards the ${MAX_COAUTHORS} co-authors`, () => {
    const full: TeamMember[] = [
      team[0]!,
      ...Array.from({ length: MAX_COAUTHORS }, (_, i) => ({
        userId: 100 + i,
        role: "coauthor" as const,
        acceptedAt: i % 2 ? 5 : null,
      })),
    ];
    expect(planInvitation({ status: "draft", team: full, actorId: AUTHOR, inviteeId: 9 })).toEqual({
      ok: false,
      code: "team.full",
    });
    expect(planInvitation({ status: "draft", team: full.slice(0, -1), actorId: AUTHOR, inviteeId: 9 }).ok).toBe(true);
  });
});

describe("planAcceptance", () => {
  it("lets the invited person accept while the team is open", () => {
    expect(planAcceptance({ status: "submitted", team, actorId: INVITED })).toEqual({ ok: true });
    expect(planAcceptance({ status: "in_review", team, actorId: INVITED })).toEqual({ ok: false, code: "team.closed" });
  });

  it("has nothing to accept for someone not invited or already on the team", () => {
    expect(planAcceptance({ status: "draft", team, actorId: OUTSIDER })).toEqual({
      ok: false,
      code: "team.no_invitation",
    });
    expect(planAcceptance({ status: "draft", team, actorId: COAUTHOR })).toEqual({
      ok: false,
      code: "team.already_accepted",
    });
  });
});

describe("planRemoval", () => {
  const remove = (actorId: number, targetId: number, status: "draft" | "approved" = "draft") =>
    planRemoval({ status, team, actorId, targetId });

  it("lets the author remove a co-author or withdraw an invitation", () => {
    expect(remove(AUTHOR, COAUTHOR)).toEqual({ ok: true });
    expect(remove(AUTHOR, INVITED)).toEqual({ ok: true });
  });

  it("lets a co-author leave and an invited person decline, but not remove someone else", () => {
    expect(remove(COAUTHOR, COAUTHOR)).toEqual({ ok: true });
    expect(remove(INVITED, INVITED)).toEqual({ ok: true });
    expect(remove(COAUTHOR, INVITED)).toEqual({ ok: false, code: "team.not_permitted" });
    expect(remove(OUTSIDER, COAUTHOR)).toEqual({ ok: false, code: "team.not_permitted" });
  });

  it("never removes the author", () => {
    expect(remove(AUTHOR, AUTHOR)).toEqual({ ok: false, code: "team.author_not_removable" });
    expect(remove(COAUTHOR, AUTHOR)).toEqual({ ok: false, code: "team.not_permitted" });
  });

  it("keeps accepted co-authors once review has started, but lets a pending invitation go", () => {
    expect(remove(AUTHOR, COAUTHOR, "approved")).toEqual({ ok: false, code: "team.closed" });
    expect(remove(INVITED, INVITED, "approved")).toEqual({ ok: true });
  });

  it("answers team.not_member for someone not on the team", () => {
    expect(remove(AUTHOR, OUTSIDER)).toEqual({ ok: false, code: "team.not_member" });
  });
});
