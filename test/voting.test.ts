import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { votes } from "../src/db/schema";
import { hotScore } from "../src/domain/voting";
import { bodyOf, byId, client, codeOf } from "./fixtures/client";
import { createPersonas, createUnit, createUser, signIn } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { api, d1Cost } from "./fixtures/http";
import {
  competition,
  insertIdea,
  insertVote,
  openCampaign,
  seatOnCommittee,
  type TestCampaign,
} from "./fixtures/ideas";
import { addCoauthor, crowd, ideaCounts, type Voter } from "./fixtures/voting";

type Cost = ReturnType<typeof d1Cost>;

let p: Awaited<ReturnType<typeof createPersonas>>;
/** A colleague of the ASN persona, new in every test (writes are rate-limited per person). */
let colleague: Voter;
let kotak: TestCampaign;
beforeAll(async () => {
  p = await createPersonas();
  kotak = await openCampaign(p.agency);
});
beforeEach(async () => {
  [colleague] = (await crowd(p.unit, 1)) as [Voter];
});

const vote = (cookie: string, ideaId: number) => client(cookie).api.v1.ideas[":id"].vote.$put(byId(ideaId));
const retract = (cookie: string, ideaId: number) => client(cookie).api.v1.ideas[":id"].vote.$delete(byId(ideaId));
const ideaOf = async (cookie: string, id: number) =>
  bodyOf(await client(cookie).api.v1.ideas[":id"].$get(byId(id)), 200);

describe("PUT /api/v1/ideas/{id}/vote", () => {
  it("counts 50 colleagues voting at the same moment exactly once each", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const voters = await crowd(p.unit, 50);
    const answers = await Promise.all(voters.map((v) => vote(v.cookie, idea.id)));
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(200));
    const counts = await ideaCounts(idea.id);
    expect(counts.voteCount).toBe(50);
    expect(counts.voteRows).toBe(50);
  });

  it("lets exactly 5 of 20 simultaneous votes stand with a budget of 5; the rest answer 409 vote.budget_exhausted", async () => {
    const campaign = await competition(p.agency, "voting", { voteBudget: 5 });
    const ideas = await Promise.all(Array.from({ length: 20 }, () => insertIdea(campaign, p.asn.user)));
    const [voter] = await crowd(p.unit, 1);
    const answers = await Promise.all(ideas.map((i) => vote(voter!.cookie, i.id)));
    const ok = answers.filter((r) => r.status === 200);
    const refused = answers.filter((r) => r.status === 409);
    expect(ok).toHaveLength(5);
    expect(refused).toHaveLength(15);
    expect(new Set(await Promise.all(refused.map(codeOf)))).toEqual(new Set(["vote.budget_exhausted"]));
    expect(await testDb.$count(votes, and(eq(votes.userId, voter!.user.id), eq(votes.campaignId, campaign.id)))).toBe(
      5,
    );
    const counts = await Promise.all(ideas.map((i) => ideaCounts(i.id)));
    expect(counts.every((c) => c.voteCount === c.voteRows)).toBe(true);
    expect(counts.reduce((sum, c) => sum + c.voteCount, 0)).toBe(5);
  });

  it("answers the new count and the remaining budget, and is idempotent: a second vote is still one vote", async () => {
    const campaign = await competition(p.agency, "voting", { voteBudget: 3 });
    const idea = await insertIdea(campaign, p.asn.user);
    const first = await vote(colleague.cookie, idea.id);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ voted: true, voteCount: 1, remainingBudget: 2 });
    const second = await vote(colleague.cookie, idea.id);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ voted: true, voteCount: 1, remainingBudget: 2 });
    expect((await ideaCounts(idea.id)).voteRows).toBe(1);
  });

  it("keeps the stored hot score equal to hotScore(vote_count, submitted_at)", async () => {
    const idea = await insertIdea(kotak, p.asn.user, { submittedAt: Date.now() - 3 * 86_400_000 });
    const voters = await crowd(p.unit, 12);
    await Promise.all(voters.map((v) => vote(v.cookie, idea.id)));
    await retract(voters[0]!.cookie, idea.id);
    const { voteCount, hot, submittedAt } = await ideaCounts(idea.id);
    expect(voteCount).toBe(11);
    expect(hot).toBeCloseTo(hotScore(voteCount, submittedAt), 9);
  });

  it("answers 409 vote.own_idea to the author", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const res = await vote(p.asn.cookie, idea.id);
    expect(res.status).toBe(409);
    expect(await codeOf(res)).toBe("vote.own_idea");
    expect((await ideaCounts(idea.id)).voteRows).toBe(0);
  });

  it("answers 409 vote.own_idea to an accepted co-author, but lets a colleague still only invited vote", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    await addCoauthor(idea, colleague.user, true);
    await addCoauthor(idea, p.reviewer.user, false);
    const coauthor = await vote(colleague.cookie, idea.id);
    expect(coauthor.status).toBe(409);
    expect(await codeOf(coauthor)).toBe("vote.own_idea");
    expect((await vote(p.reviewer.cookie, idea.id)).status).toBe(200);
    expect((await ideaCounts(idea.id)).voteCount).toBe(1);
  });

  it("answers 409 vote.phase_closed before voting opens and after it closes", async () => {
    for (const phase of ["submission", "review"] as const) {
      const campaign = await competition(p.agency, phase);
      const idea = await insertIdea(campaign, p.asn.user);
      const res = await vote(colleague.cookie, idea.id);
      expect(res.status).toBe(409);
      expect(await codeOf(res)).toBe("vote.phase_closed");
      expect((await ideaCounts(idea.id)).voteRows).toBe(0);
    }
  });

  it("answers 409 vote.idea_closed on a decided idea, even in the always-open Kotak Ide", async () => {
    const idea = await insertIdea(kotak, p.asn.user, { status: "approved" });
    const res = await vote(colleague.cookie, idea.id);
    expect(res.status).toBe(409);
    expect(await codeOf(res)).toBe("vote.idea_closed");
  });

  it("takes votes on an idea in review in the Kotak Ide", async () => {
    const idea = await insertIdea(kotak, p.asn.user, { status: "in_review" });
    expect((await vote(colleague.cookie, idea.id)).status).toBe(200);
  });

  it("answers 404 for someone else's draft and for another agency's idea", async () => {
    const draft = await insertIdea(kotak, p.asn.user, { status: "draft" });
    expect((await vote(colleague.cookie, draft.id)).status).toBe(404);
    const foreign = await insertIdea(await openCampaign(p.otherAgency), p.otherAdmin.user);
    expect((await vote(colleague.cookie, foreign.id)).status).toBe(404);
    expect((await ideaCounts(foreign.id)).voteRows).toBe(0);
  });

  it("costs one batch after the session and the reward state: figures in Server-Timing", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    await Promise.all((await crowd(p.unit, 3)).map((v) => vote(v.cookie, idea.id)));
    const answers = [await vote(colleague.cookie, idea.id), await vote(colleague.cookie, idea.id)];
    answers.push(await retract(colleague.cookie, idea.id));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    const [cast, again, back] = answers.map(d1Cost) as [Cost, Cost, Cost];
    console.log(
      `vote cost: cast ${JSON.stringify(cast)}, repeat ${JSON.stringify(again)}, retract ${JSON.stringify(back)}`,
    );
    // the session read (1 query), the reward engine's state with where the voter stands (one statement),
    // then the vote's batch: the guarded insert, the count handing back the new count, the ledger rows;
    // the period totals are folded by the scheduler (issue 22). Two round trips once the session is known
    // (the colleague's first vote: three).
    expect(cast.q).toBe(5);
    expect(cast.r).toBeLessThanOrEqual(60);
    expect(back.rt).toBe(2);
    // the vote (with its indexes), the count, two ledger rows (each with 3 indexes)
    expect(cast.w).toBeLessThanOrEqual(20);
    // a repeated vote reads where the voter stands and stops there: one round trip, nothing written
    expect(again).toMatchObject({ q: 2, rt: 1, w: 0 });
    // a retraction takes back what the vote earned
    expect(back.w).toBeLessThanOrEqual(20);
  });
});

describe("DELETE /api/v1/ideas/{id}/vote", () => {
  it("takes a vote back and lets the person vote again: retract and revote", async () => {
    const campaign = await competition(p.agency, "voting", { voteBudget: 2 });
    const idea = await insertIdea(campaign, p.asn.user);
    await vote(colleague.cookie, idea.id);
    const back = await retract(colleague.cookie, idea.id);
    expect(back.status).toBe(200);
    expect(await back.json()).toEqual({ voted: false, voteCount: 0, remainingBudget: 2 });
    const again = await vote(colleague.cookie, idea.id);
    expect(await again.json()).toEqual({ voted: true, voteCount: 1, remainingBudget: 1 });
    expect((await ideaCounts(idea.id)).voteRows).toBe(1);
  });

  it("is idempotent: without a vote it answers 200 and changes nothing", async () => {
    const idea = await insertIdea(kotak, p.asn.user, { voteCount: 0 });
    const res = await retract(colleague.cookie, idea.id);
    expect(res.status).toBe(200);
    expect((await bodyOf(res, 200)).voted).toBe(false);
    expect((await ideaCounts(idea.id)).voteCount).toBe(0);
  });

  it("answers 409 vote.phase_closed once voting has closed, and the vote stays", async () => {
    const campaign = await competition(p.agency, "review");
    const idea = await insertIdea(campaign, p.asn.user);
    await insertVote(idea, campaign, colleague.user);
    const res = await retract(colleague.cookie, idea.id);
    expect(res.status).toBe(409);
    expect(await codeOf(res)).toBe("vote.phase_closed");
    expect(await ideaCounts(idea.id)).toMatchObject({ voteCount: 1, voteRows: 1 });
  });
});

describe("hidden vote counts", () => {
  let campaign: TestCampaign;
  let idea: { id: number };
  beforeAll(async () => {
    campaign = await competition(p.agency, "voting", { hideVotesUntilClosed: true, voteBudget: 4 });
    idea = await insertIdea(campaign, p.asn.user, { title: "Layanan antar dokumen kependudukan gratis" });
    await vote(p.reviewer.cookie, idea.id);
  });

  it("answers a vote with a null count but the voter's remaining budget", async () => {
    const res = await vote(colleague.cookie, idea.id);
    expect(await res.json()).toEqual({ voted: true, voteCount: null, remainingBudget: 3 });
  });

  it("shows null in the idea's detail and in lists", async () => {
    const detail = await ideaOf(p.admin.cookie, idea.id);
    expect(detail.voteCount).toBeNull();
    const list = await bodyOf(
      await client(p.admin.cookie).api.v1.ideas.$get({ query: { campaignId: String(campaign.id), sort: "new" } }),
      200,
    );
    expect(list.items.find((i) => i.id === idea.id)?.voteCount).toBeNull();
    const similar = await bodyOf(
      await client(p.admin.cookie).api.v1.ideas.similar.$get({ query: { text: "antar dokumen kependudukan" } }),
      200,
    );
    expect(similar.items.find((i) => i.id === idea.id)?.voteCount).toBeNull();
  });

  it("answers 409 idea.votes_hidden to a list of that campaign sorted by votes or trending", async () => {
    for (const sort of ["votes", "trending"]) {
      const res = await api("GET", `/api/v1/ideas?campaignId=${campaign.id}&sort=${sort}`, { cookie: p.asn.cookie });
      expect(res.status).toBe(409);
      expect(await codeOf(res)).toBe("idea.votes_hidden");
    }
  });

  it("still sorts the agency-wide list by votes, with the hidden campaign's counts null", async () => {
    const res = await client(p.asn.cookie).api.v1.ideas.$get({ query: { sort: "votes", limit: "100" } });
    expect(res.status).toBe(200);
    const body = await bodyOf(res, 200);
    expect(body.items.find((i) => i.id === idea.id)?.voteCount).toBeNull();
  });

  it("shows the counts once voting has closed", async () => {
    const closed = await competition(p.agency, "review", { hideVotesUntilClosed: true });
    const done = await insertIdea(closed, p.asn.user, { voteCount: 7 });
    const detail = await ideaOf(colleague.cookie, done.id);
    expect(detail.voteCount).toBe(7);
    expect(
      (await api("GET", `/api/v1/ideas?campaignId=${closed.id}&sort=votes`, { cookie: p.asn.cookie })).status,
    ).toBe(200);
  });
});

describe("GET /api/v1/campaigns/{id}/my-votes", () => {
  it("lists the ideas I support in the campaign and what is left of my budget", async () => {
    const campaign = await competition(p.agency, "voting", { voteBudget: 3 });
    const [a, b] = [await insertIdea(campaign, p.asn.user), await insertIdea(campaign, p.asn.user)];
    const [me] = await crowd(p.unit, 1);
    await vote(me!.cookie, a.id);
    await vote(me!.cookie, b.id);
    const res = await client(me!.cookie).api.v1.campaigns[":id"]["my-votes"].$get(byId(campaign.id));
    expect(res.status).toBe(200);
    const body = await bodyOf(res, 200);
    expect(body).toMatchObject({ budget: 3, used: 2, remaining: 1 });
    expect(body.ideaIds.sort()).toEqual([a.id, b.id].sort());
  });

  it("answers 404 for another agency's campaign", async () => {
    const other = await openCampaign(p.otherAgency);
    expect((await api("GET", `/api/v1/campaigns/${other.id}/my-votes`, { cookie: p.asn.cookie })).status).toBe(404);
  });
});

describe("the idea's detail", () => {
  it("tells the viewer whether they voted, whether they follow it and their remaining budget", async () => {
    const campaign = await competition(p.agency, "voting", { voteBudget: 5 });
    const idea = await insertIdea(campaign, p.asn.user);
    const view = async () => (await ideaOf(colleague.cookie, idea.id)).viewer;
    expect(await view()).toMatchObject({ myVote: false, following: false, remainingBudget: 5 });
    await vote(colleague.cookie, idea.id);
    expect((await api("PUT", `/api/v1/ideas/${idea.id}/follow`, { cookie: colleague.cookie })).status).toBe(200);
    expect(await view()).toMatchObject({ myVote: true, following: true, remainingBudget: 4 });
    const unfollow = await api("DELETE", `/api/v1/ideas/${idea.id}/follow`, { cookie: colleague.cookie });
    expect(await unfollow.json()).toEqual({ following: false });
    expect((await view()).following).toBe(false);
  });

  it("shows the author following their own idea", async () => {
    const res = await client(p.asn.cookie).api.v1.ideas.$post({
      json: { title: "Pengingat jadwal imunisasi lewat SMS" },
    });
    expect((await bodyOf(res, 201)).viewer.following).toBe(true);
  });
});

describe("PUT /api/v1/ideas/{id}/follow", () => {
  it("answers 404 for another agency's idea", async () => {
    const foreign = await insertIdea(await openCampaign(p.otherAgency), p.otherAdmin.user);
    expect((await api("PUT", `/api/v1/ideas/${foreign.id}/follow`, { cookie: p.asn.cookie })).status).toBe(404);
  });
});

describe("GET /api/v1/ideas/{id}/vote-sources", () => {
  it("shows the chair votes per unit and the share from the idea's own unit", async () => {
    const campaign = await competition(p.agency, "voting", { voteBudget: 5 });
    const chair = await createUser(p.unit, { roles: ["asn", "reviewer"] });
    await seatOnCommittee(campaign, chair, "chair");
    const idea = await insertIdea(campaign, p.asn.user);
    const other = await createUnit(p.agency, { name: "Dinas Kesehatan" });
    const voters = [...(await crowd(p.unit, 2)), ...(await crowd(other, 1))];
    for (const v of voters) await vote(v.cookie, idea.id);
    const res = await client(await signIn(chair)).api.v1.ideas[":id"]["vote-sources"].$get(byId(idea.id));
    expect(res.status).toBe(200);
    const body = await bodyOf(res, 200);
    expect(body.total).toBe(3);
    expect(body.authorUnitShare).toBeCloseTo(2 / 3);
    expect(body.units).toEqual([
      expect.objectContaining({ unitId: p.unit.id, votes: 2, authorUnit: true }),
      expect.objectContaining({ unitId: other.id, votes: 1, authorUnit: false }),
    ]);
    expect(body.burst.flagged).toBe(false);
  });

  it("flags votes that arrived in a burst mostly from the idea's own unit", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const voters = await crowd(p.unit, 6);
    await Promise.all(voters.map((v) => vote(v.cookie, idea.id)));
    const res = await client(p.admin.cookie).api.v1.ideas[":id"]["vote-sources"].$get(byId(idea.id));
    const body = await bodyOf(res, 200);
    expect(body.burst.flagged).toBe(true);
    expect(body.burst.window?.votes).toBe(6);
  });

  it("answers 403 to an ASN outside the committee and to a reviewer of a blind review", async () => {
    const campaign = await competition(p.agency, "voting", { blindReview: true });
    const reviewer = await createUser(p.unit, { roles: ["asn", "reviewer"] });
    await seatOnCommittee(campaign, reviewer, "reviewer");
    const idea = await insertIdea(campaign, p.asn.user);
    expect((await api("GET", `/api/v1/ideas/${idea.id}/vote-sources`, { cookie: colleague.cookie })).status).toBe(403);
    expect((await api("GET", `/api/v1/ideas/${idea.id}/vote-sources`, { cookie: await signIn(reviewer) })).status).toBe(
      403,
    );
  });
});
