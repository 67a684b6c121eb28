import { env } from "cloudflare:test";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createPersonas, createUser } from "./fixtures/builders";
import { changesOf, createDb, runNamedBatch } from "../src/db/client";
import { acceptInvitationStatements, inviteCoauthorStatements } from "../src/db/queries/idea-team.queries";
import { follows, ideaAuthors, ideaEvents } from "../src/db/schema";
import { signedInColleague } from "./fixtures/colleagues";
import { testDb } from "./fixtures/db";
import { bodyOf, byId, client } from "./fixtures/client";
import { api } from "./fixtures/http";
import { addCoauthor } from "./fixtures/idea-team";
import { COMPLETE_IDEA, competition, insertIdea, insertVote, openCampaign, type TestCampaign } from "./fixtures/ideas";

let p: Awaited<ReturnType<typeof createPersonas>>;
let kotak: TestCampaign;
beforeAll(async () => {
  p = await createPersonas();
  kotak = await openCampaign(p.agency);
});

/** A colleague of the personas' agency, signed in. */
const colleague = (name?: string) => signedInColleague(p.unit, name ? { name } : {});

async function draftBy(cookie: string, title = COMPLETE_IDEA.title): Promise<number> {
  const res = await client(cookie).api.v1.ideas.$post({ json: { ...COMPLETE_IDEA, title } });
  return (await bodyOf(res, 201)).id;
}

const invite = (cookie: string, ideaId: number, userId: number) =>
  client(cookie).api.v1.ideas[":id"].coauthors.$post({ ...byId(ideaId), json: { userId } });
const accept = (cookie: string, ideaId: number) =>
  client(cookie).api.v1.ideas[":id"].coauthors.accept.$post(byId(ideaId));
const removeMember = (cookie: string, ideaId: number, userId: number) =>
  api("DELETE", `/api/v1/ideas/${ideaId}/coauthors/${userId}`, { cookie });
const invitationsOf = async (cookie: string, query: { limit?: string; cursor?: string } = {}) =>
  bodyOf(await client(cookie).api.v1.me.invitations.$get({ query }), 200);

async function teamRows(ideaId: number) {
  return testDb
    .select({ user_id: ideaAuthors.userId, role: ideaAuthors.role, accepted_at: ideaAuthors.acceptedAt })
    .from(ideaAuthors)
    .where(eq(ideaAuthors.ideaId, ideaId))
    .orderBy(asc(ideaAuthors.invitedAt), asc(ideaAuthors.userId));
}

async function eventActions(ideaId: number) {
  return testDb
    .select({
      action: ideaEvents.action,
      from_status: ideaEvents.fromStatus,
      to_status: ideaEvents.toStatus,
      actor_id: ideaEvents.actorId,
      reason: ideaEvents.reason,
    })
    .from(ideaEvents)
    .where(eq(ideaEvents.ideaId, ideaId))
    .orderBy(asc(ideaEvents.id));
}

describe("POST /api/v1/ideas/{id}/coauthors", () => {
  it("invites a colleague: pending on the team, recorded in the history, waiting in their invitations", async () => {
    const author = await colleague("Siti Rahmawati");
    const invitee = await colleague("Budi Santoso");
    const ideaId = await draftBy(author.cookie, "Layanan posyandu keliling terjadwal");
    const idea = await bodyOf(await invite(author.cookie, ideaId, invitee.id), 201);
    expect(idea.team).toContainEqual(
      expect.objectContaining({ userId: invitee.id, role: "coauthor", accepted: false }),
    );
    expect(idea.events.at(-1)).toMatchObject({
      action: "coauthor_invited",
      fromStatus: "draft",
      toStatus: "draft",
      reason: "Budi Santoso",
      actor: { id: author.id },
    });
    const invitations = await invitationsOf(invitee.cookie);
    expect(invitations.items).toEqual([
      {
        ideaId,
        title: "Layanan posyandu keliling terjadwal",
        status: "draft",
        author: { id: author.id, name: "Siti Rahmawati" },
        invitedAt: expect.any(String),
      },
    ]);
    // the invited person sees the draft, as invited, before deciding
    const seen = await bodyOf(await client(invitee.cookie).api.v1.ideas[":id"].$get(byId(ideaId)), 200);
    expect(seen.viewer).toMatchObject({ isAuthor: false, isInvited: true, availableActions: [] });
  });

  it("lets an accepted co-author invite as well, but not a person still invited (403)", async () => {
    const author = await colleague();
    const [coauthor, invited, third] = [await colleague(), await colleague(), await colleague()];
    const ideaId = await draftBy(author.cookie);
    await addCoauthor({ id: ideaId }, coauthor);
    await addCoauthor({ id: ideaId }, invited, { accepted: false });
    expect((await invite(coauthor.cookie, ideaId, third.id)).status).toBe(201);
    const refused = await invite(invited.cookie, ideaId, (await createUser(p.unit)).id);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "team.not_permitted" });
  });

  it("answers 409 team.already_member for someone already on the team or invited", async () => {
    const author = await colleague();
    const invitee = await createUser(p.unit);
    const ideaId = await draftBy(author.cookie);
    expect((await invite(author.cookie, ideaId, invitee.id)).status).toBe(201);
    for (const userId of [invitee.id, author.id]) {
      const res = await invite(author.cookie, ideaId, userId);
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ code: "team.already_member" });
    }
    expect(await teamRows(ideaId)).toHaveLength(2);
  });

  it("answers 422 idea.coauthor_unknown for another agency's person, an inactive colleague or no one", async () => {
    const author = await colleague();
    const inactive = await createUser(p.unit, { active: false });
    const ideaId = await draftBy(author.cookie);
    for (const userId of [p.otherAdmin.user.id, inactive.id, 999_999_999]) {
      const res = await invite(author.cookie, ideaId, userId);
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ errors: [{ path: "json.userId", code: "idea.coauthor_unknown" }] });
    }
    expect(await teamRows(ideaId)).toHaveLength(1);
  });

  it("refuses fields a caller must not set", async () => {
    const author = await colleague();
    const ideaId = await draftBy(author.cookie);
    const res = await api("POST", `/api/v1/ideas/${ideaId}/coauthors`, {
      cookie: author.cookie,
      body: { userId: p.reviewer.user.id, role: "author", acceptedAt: 1 },
    });
    expect(res.status).toBe(422);
  });

  it("answers 409 team.full at the eleventh co-author, invitations included", async () => {
    const author = await colleague();
    const ideaId = await draftBy(author.cookie);
    for (let i = 0; i < 10; i++) {
      const member = await createUser(p.unit);
      await addCoauthor({ id: ideaId }, member, { accepted: i % 2 === 0 });
    }
    const res = await invite(author.cookie, ideaId, (await createUser(p.unit)).id);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "team.full" });
    expect(await teamRows(ideaId)).toHaveLength(11);
  });

  it("invites on a submitted idea, and answers 409 team.closed once review has started", async () => {
    const author = await colleague();
    const submitted = await insertIdea(kotak, author);
    expect((await invite(author.cookie, submitted.id, (await createUser(p.unit)).id)).status).toBe(201);
    const inReview = await insertIdea(kotak, author, { status: "in_review" });
    const res = await invite(author.cookie, inReview.id, (await createUser(p.unit)).id);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "team.closed" });
    expect((await eventActions(inReview.id)).map((e) => e.action)).not.toContain("coauthor_invited");
  });

  it("answers 404 for a draft of someone else and for another agency's idea", async () => {
    const author = await colleague();
    const ideaId = await draftBy(author.cookie);
    expect((await invite(p.asn.cookie, ideaId, p.reviewer.user.id)).status).toBe(404);
    const foreign = await insertIdea(await openCampaign(p.otherAgency), p.otherAdmin.user);
    expect((await invite(author.cookie, foreign.id, p.reviewer.user.id)).status).toBe(404);
  });
});

describe("POST /api/v1/ideas/{id}/coauthors/accept", () => {
  it("makes the invited colleague an author: they edit the draft, follow it, and the history says so", async () => {
    const author = await colleague();
    const invitee = await colleague();
    const ideaId = await draftBy(author.cookie);
    await invite(author.cookie, ideaId, invitee.id);
    const before = await api("PATCH", `/api/v1/ideas/${ideaId}`, {
      cookie: invitee.cookie,
      body: { benefit: "Ibu hamil tidak perlu menempuh jarak jauh." },
    });
    expect(before.status).toBe(403);

    const idea = await bodyOf(await accept(invitee.cookie, ideaId), 200);
    expect(idea.team).toContainEqual(expect.objectContaining({ userId: invitee.id, role: "coauthor", accepted: true }));
    expect(idea.viewer).toMatchObject({ isAuthor: true, isInvited: false, availableActions: ["submit", "withdraw"] });
    expect(idea.events.at(-1)).toMatchObject({
      action: "coauthor_accepted",
      fromStatus: "draft",
      toStatus: "draft",
      actor: { id: invitee.id },
    });

    const edited = await api("PATCH", `/api/v1/ideas/${ideaId}`, {
      cookie: invitee.cookie,
      body: { benefit: "Ibu hamil tidak perlu menempuh jarak jauh." },
    });
    expect(edited.status).toBe(200);
    const follow = await testDb
      .select({ userId: follows.userId })
      .from(follows)
      .where(and(eq(follows.ideaId, ideaId), eq(follows.userId, invitee.id)))
      .get();
    expect(follow).toBeDefined();
    expect((await invitationsOf(invitee.cookie)).items).toEqual([]);
  });

  it("answers 409 team.already_accepted the second time, and 404 to someone not invited", async () => {
    const author = await colleague();
    const invitee = await colleague();
    const submitted = await insertIdea(kotak, author);
    await addCoauthor(submitted, invitee, { accepted: false });
    expect((await accept(invitee.cookie, submitted.id)).status).toBe(200);
    const again = await accept(invitee.cookie, submitted.id);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "team.already_accepted" });
    expect((await accept(p.leader.cookie, submitted.id)).status).toBe(404);
    const accepted = (await eventActions(submitted.id)).filter((e) => e.action === "coauthor_accepted");
    expect(accepted).toEqual([
      {
        action: "coauthor_accepted",
        from_status: "submitted",
        to_status: "submitted",
        actor_id: invitee.id,
        reason: null,
      },
    ]);
  });

  it("answers 409 team.voted while the invited person has a vote for the idea", async () => {
    const campaign = await competition(p.agency, "voting");
    const author = await colleague();
    const voter = await colleague();
    const idea = await insertIdea(campaign, author);
    await insertVote(idea, campaign, voter);
    await addCoauthor(idea, voter, { accepted: false });
    const res = await accept(voter.cookie, idea.id);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "team.voted" });
    expect((await teamRows(idea.id)).find((m) => m.user_id === voter.id)?.accepted_at).toBeNull();
    expect((await eventActions(idea.id)).map((e) => e.action)).not.toContain("coauthor_accepted");
  });

  it("answers 409 team.closed when review started before the answer", async () => {
    const author = await colleague();
    const invitee = await colleague();
    const idea = await insertIdea(kotak, author, { status: "in_review" });
    await addCoauthor(idea, invitee, { accepted: false });
    const res = await accept(invitee.cookie, idea.id);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "team.closed" });
  });
});

describe("DELETE /api/v1/ideas/{id}/coauthors/{userId}", () => {
  it("lets the author remove a co-author, who then no longer sees the draft", async () => {
    const author = await colleague();
    const coauthor = await colleague("Rina Marlina");
    const ideaId = await draftBy(author.cookie);
    await invite(author.cookie, ideaId, coauthor.id);
    await accept(coauthor.cookie, ideaId);
    expect((await api("GET", `/api/v1/ideas/${ideaId}`, { cookie: coauthor.cookie })).status).toBe(200);

    const res = await removeMember(author.cookie, ideaId, coauthor.id);
    expect(res.status).toBe(204);
    expect((await api("GET", `/api/v1/ideas/${ideaId}`, { cookie: coauthor.cookie })).status).toBe(404);
    expect(
      (await api("PATCH", `/api/v1/ideas/${ideaId}`, { cookie: coauthor.cookie, body: { benefit: "Sesuatu" } })).status,
    ).toBe(404);
    expect((await teamRows(ideaId)).map((m) => m.user_id)).toEqual([author.id]);
    expect(
      (await eventActions(ideaId)).map((e) => [e.action, e.from_status, e.to_status, e.actor_id, e.reason]),
    ).toEqual([
      ["create", null, "draft", author.id, null],
      ["coauthor_invited", "draft", "draft", author.id, "Rina Marlina"],
      ["coauthor_accepted", "draft", "draft", coauthor.id, null],
      ["coauthor_removed", "draft", "draft", author.id, "Rina Marlina"],
    ]);
  });

  it("lets the author withdraw an invitation, which leaves the invited person's list", async () => {
    const author = await colleague();
    const invitee = await colleague();
    const ideaId = await draftBy(author.cookie);
    await invite(author.cookie, ideaId, invitee.id);
    expect((await invitationsOf(invitee.cookie)).items).toHaveLength(1);
    expect((await removeMember(author.cookie, ideaId, invitee.id)).status).toBe(204);
    expect((await invitationsOf(invitee.cookie)).items).toEqual([]);
    expect((await accept(invitee.cookie, ideaId)).status).toBe(404);
  });

  it("lets a co-author leave and an invited person decline, but not remove anyone else (403)", async () => {
    const author = await colleague();
    const [coauthor, invitee] = [await colleague(), await colleague()];
    const idea = await insertIdea(kotak, author);
    await addCoauthor(idea, coauthor);
    await addCoauthor(idea, invitee, { accepted: false });
    const refused = await removeMember(coauthor.cookie, idea.id, invitee.id);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "team.not_permitted" });
    expect((await removeMember(p.asn.cookie, idea.id, coauthor.id)).status).toBe(403);
    expect((await removeMember(invitee.cookie, idea.id, invitee.id)).status).toBe(204);
    expect((await removeMember(coauthor.cookie, idea.id, coauthor.id)).status).toBe(204);
    expect((await teamRows(idea.id)).map((m) => m.user_id)).toEqual([author.id]);
  });

  it("never removes the author (409 team.author_not_removable)", async () => {
    const author = await colleague();
    const ideaId = await draftBy(author.cookie);
    const res = await removeMember(author.cookie, ideaId, author.id);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "team.author_not_removable" });
  });

  it("keeps accepted co-authors once review has started (409 team.closed); a pending invitation may still go", async () => {
    const author = await colleague();
    const [coauthor, invitee] = [await colleague(), await colleague()];
    const idea = await insertIdea(kotak, author, { status: "approved" });
    await addCoauthor(idea, coauthor);
    await addCoauthor(idea, invitee, { accepted: false });
    const res = await removeMember(author.cookie, idea.id, coauthor.id);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "team.closed" });
    expect((await removeMember(invitee.cookie, idea.id, invitee.id)).status).toBe(204);
  });

  it("answers 404 for someone not on the team and for another agency's idea", async () => {
    const author = await colleague();
    const ideaId = await draftBy(author.cookie);
    expect((await removeMember(author.cookie, ideaId, p.leader.user.id)).status).toBe(404);
    const foreign = await insertIdea(await openCampaign(p.otherAgency), p.otherAdmin.user);
    expect((await removeMember(author.cookie, foreign.id, p.otherAdmin.user.id)).status).toBe(404);
  });
});

describe("GET /api/v1/me/invitations", () => {
  it("lists pending invitations on open ideas, newest first, a page at a time", async () => {
    const author = await colleague("Ahmad Fauzi");
    const invitee = await colleague();
    const older = await insertIdea(kotak, author, { title: "Arsip digital kelurahan" });
    const newer = await draftBy(author.cookie, "Tanda tangan elektronik surat keterangan");
    const closed = await insertIdea(kotak, author, { status: "in_review" });
    const accepted = await insertIdea(kotak, author);
    await addCoauthor(older, invitee, { accepted: false });
    await addCoauthor(closed, invitee, { accepted: false });
    await addCoauthor(accepted, invitee);
    await invite(author.cookie, newer, invitee.id);

    const first = await invitationsOf(invitee.cookie, { limit: "1" });
    expect(first.items.map((i) => i.ideaId)).toEqual([newer]);
    expect(first.nextCursor).not.toBeNull();
    const second = await invitationsOf(invitee.cookie, { limit: "1", cursor: first.nextCursor! });
    expect(second.items).toEqual([
      expect.objectContaining({
        ideaId: older.id,
        title: "Arsip digital kelurahan",
        author: { id: author.id, name: "Ahmad Fauzi" },
      }),
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it("answers 400 for a made-up cursor and 401 without a session", async () => {
    expect((await api("GET", "/api/v1/me/invitations?cursor=xyz", { cookie: p.asn.cookie })).status).toBe(400);
    expect((await api("GET", "/api/v1/me/invitations")).status).toBe(401);
  });
});

describe("team writes re-check their conditions inside the batch", () => {
  const db = () => createDb(env.DB);

  it("writes neither the invitation nor its event when the idea moved on since it was read", async () => {
    const author = await createUser(p.unit);
    const idea = await insertIdea(kotak, author, { status: "in_review" });
    const invitee = await createUser(p.unit);
    // planned against a draft that has since gone to review
    const stale = { id: idea.id, agencyId: p.agency.id, status: "draft" as const };
    const { event, invited } = await runNamedBatch(
      db(),
      inviteCoauthorStatements(db(), { idea: stale, invitee, actorId: author.id, now: Date.now() }),
    );
    expect([changesOf(event), changesOf(invited)]).toEqual([0, 0]);
    expect(await teamRows(idea.id)).toHaveLength(1);
  });

  it("writes neither when the team filled up in between", async () => {
    const author = await createUser(p.unit);
    const idea = await insertIdea(kotak, author);
    for (let i = 0; i < 10; i++) await addCoauthor(idea, await createUser(p.unit), { accepted: false });
    const ref = { id: idea.id, agencyId: p.agency.id, status: "submitted" as const };
    const invitee = await createUser(p.unit);
    const { event, invited } = await runNamedBatch(
      db(),
      inviteCoauthorStatements(db(), { idea: ref, invitee, actorId: author.id, now: Date.now() }),
    );
    expect([changesOf(event), changesOf(invited)]).toEqual([0, 0]);
    expect((await eventActions(idea.id)).map((e) => e.action)).not.toContain("coauthor_invited");
  });

  it("does not accept (nor record, nor follow) when a vote arrived in between", async () => {
    const campaign = await competition(p.agency, "voting");
    const author = await createUser(p.unit);
    const invitee = await createUser(p.unit);
    const idea = await insertIdea(campaign, author);
    await addCoauthor(idea, invitee, { accepted: false });
    await insertVote(idea, campaign, invitee);
    const ref = { id: idea.id, agencyId: p.agency.id, status: "submitted" as const };
    const { accepted, event, followed } = await runNamedBatch(
      db(),
      acceptInvitationStatements(db(), { idea: ref, userId: invitee.id, now: Date.now() }),
    );
    expect([accepted, event, followed].map(changesOf)).toEqual([0, 0, 0]);
    expect((await teamRows(idea.id)).find((m) => m.user_id === invitee.id)?.accepted_at).toBeNull();
  });
});
