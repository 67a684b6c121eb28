/** The demo team: an idea with an accepted co-author and an invitation waiting, with its history. */
import { asc, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../scripts/seed/organisation-data";
import { follows, ideaAuthors, ideaEvents, ideas, users } from "../src/db/schema";
import { testDb } from "./fixtures/db";
import { applyDemoSeed } from "./fixtures/demo";
import { bodyOf, byId, client } from "./fixtures/client";
import { api } from "./fixtures/http";

// what scripts/seed/ideas-team.ts promises, written out: the test checks the seed, not itself
const TEAM_IDEA = {
  title: "Surat keterangan domisili tanpa tatap muka",
  author: "199104172015032001",
  coauthor: "199312052019031004",
  invited: "199002282014021003",
};

const signInAs = async (nip: string) => {
  const res = await api("POST", "/api/v1/auth/login", { body: { identifier: nip, password: DEMO_PASSWORD } });
  expect(res.status).toBe(200);
  return /(__Host-gagas_session=[^;]+)/.exec(res.headers.get("set-cookie") ?? "")![1]!;
};

async function teamFigures() {
  const ofTheIdea = eq(ideas.title, TEAM_IDEA.title);
  const [team, events, followers] = await testDb.batch([
    testDb
      .select({ nip: users.nip, role: ideaAuthors.role, accepted: sql<number>`${ideaAuthors.acceptedAt} IS NOT NULL` })
      .from(ideaAuthors)
      .innerJoin(users, eq(users.id, ideaAuthors.userId))
      .innerJoin(ideas, eq(ideas.id, ideaAuthors.ideaId))
      .where(ofTheIdea)
      .orderBy(asc(ideaAuthors.invitedAt)),
    testDb
      .select({ action: ideaEvents.action, reason: ideaEvents.reason })
      .from(ideaEvents)
      .innerJoin(ideas, eq(ideas.id, ideaEvents.ideaId))
      .where(ofTheIdea)
      .orderBy(asc(ideaEvents.at), asc(ideaEvents.id)),
    testDb.select({ n: count() }).from(follows).innerJoin(ideas, eq(ideas.id, follows.ideaId)).where(ofTheIdea),
  ]);
  return { team, events, follows: followers };
}

beforeAll(async () => {
  await applyDemoSeed();
});

describe("the demo team (scripts/seed/ideas-team.ts)", () => {
  it("has the author, an accepted co-author and a pending invitation, each in the history", async () => {
    const { team, events } = await teamFigures();
    expect(team).toEqual([
      { nip: TEAM_IDEA.author, role: "author", accepted: 1 },
      { nip: TEAM_IDEA.coauthor, role: "coauthor", accepted: 1 },
      { nip: TEAM_IDEA.invited, role: "coauthor", accepted: 0 },
    ]);
    expect(events.map((e) => e.action)).toEqual([
      "create",
      "coauthor_invited",
      "coauthor_invited",
      "coauthor_accepted",
      "submit",
    ]);
  });

  it("shows the invitation to the invited colleague and lets the co-author see the idea as an author", async () => {
    const invitations = await bodyOf(
      await client(await signInAs(TEAM_IDEA.invited)).api.v1.me.invitations.$get({ query: {} }),
      200,
    );
    expect(invitations.items).toEqual([
      expect.objectContaining({
        title: TEAM_IDEA.title,
        author: expect.objectContaining({ name: "Dewi Anggraini Sembiring" }),
      }),
    ]);
    const { id } = (await testDb.select({ id: ideas.id }).from(ideas).where(eq(ideas.title, TEAM_IDEA.title)).get())!;
    const idea = await bodyOf(await client(await signInAs(TEAM_IDEA.coauthor)).api.v1.ideas[":id"].$get(byId(id)), 200);
    expect(idea.viewer.isAuthor).toBe(true);
  });

  it("adds nothing when applied a second time", async () => {
    const before = await teamFigures();
    await applyDemoSeed();
    expect(await teamFigures()).toEqual(before);
  });
});
