/**
 * Merging a duplicate keeps every voter within their campaign's budget: a duplicate merges only
 * into an idea of its own campaign, checked before and again inside the batch, and afterwards each
 * voter's "my votes" agrees with the ideas.
 */
import { env } from "cloudflare:test";
import { asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { changesOf, createDb, runNamedBatch } from "../src/db/client";
import { getIdea } from "../src/db/queries/ideas.queries";
import { mergeStatements, mergeTargetOpen, transitionStatements } from "../src/db/queries/idea-workflow.queries";
import { ideaEvents, votes } from "../src/db/schema";
import { testDb } from "./fixtures/db";
import { createPersonas, createUser, signIn, type TestUser } from "./fixtures/builders";
import { bodyOf, byId, client } from "./fixtures/client";
import { api } from "./fixtures/http";
import { competition, insertIdea, insertVote, type TestCampaign } from "./fixtures/ideas";

let p: Awaited<ReturnType<typeof createPersonas>>;
beforeAll(async () => {
  p = await createPersonas();
});

const merge = (duplicateId: number, intoId: number) =>
  api("POST", `/api/v1/ideas/${duplicateId}/merge`, { cookie: p.admin.cookie, body: { intoId, reason: "Duplikat" } });

/** What a voter's "my votes" says, and which ideas of the campaign say the voter supports them. */
async function votesSeenBy(voter: TestUser, campaign: TestCampaign, ideaIds: number[]) {
  const cookie = await signIn(voter);
  const mine = await bodyOf(await client(cookie).api.v1.campaigns[":id"]["my-votes"].$get(byId(campaign.id)), 200);
  const supported: number[] = [];
  for (const id of ideaIds) {
    const idea = await bodyOf(await client(cookie).api.v1.ideas[":id"].$get(byId(id)), 200);
    if (idea.viewer.myVote && idea.campaign.id === campaign.id) supported.push(id);
  }
  return { ...mine, supported: supported.sort((a, b) => a - b), listed: [...mine.ideaIds].sort((a, b) => a - b) };
}

const voteRows = (ideaId: number) =>
  testDb
    .select({ user_id: votes.userId, campaign_id: votes.campaignId })
    .from(votes)
    .where(eq(votes.ideaId, ideaId))
    .orderBy(asc(votes.userId));

describe("POST /api/v1/ideas/{id}/merge across campaigns", () => {
  it("refuses with 409 idea.merge_other_campaign and changes nothing", async () => {
    const budgetOne = await competition(p.agency, "voting", { voteBudget: 1 });
    const other = await competition(p.agency, "voting");
    const survivor = await insertIdea(budgetOne, p.asn.user);
    const kept = await insertIdea(budgetOne, p.asn.user);
    const duplicate = await insertIdea(other, p.leader.user);
    const voter = await createUser(p.unit);
    // the voter's one vote in the budget-1 campaign, and one in the other
    await insertVote(kept, budgetOne, voter);
    await insertVote(duplicate, other, voter);
    const before = await voteRows(duplicate.id);

    const res = await merge(duplicate.id, survivor.id);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "idea.merge_other_campaign" });
    expect(await voteRows(duplicate.id)).toEqual(before);
    expect((await getIdea(createDb(env.DB), p.agency.id, duplicate.id))?.status).toBe("submitted");
    const seen = await votesSeenBy(voter, budgetOne, [survivor.id, kept.id]);
    expect(seen).toMatchObject({ budget: 1, used: 1, listed: [kept.id], supported: [kept.id] });
  });

  it("moves nothing when the target is no longer open to it as the batch writes", async () => {
    const db = createDb(env.DB);
    const campaign = await competition(p.agency, "voting");
    const elsewhere = await competition(p.agency, "voting");
    const target = await insertIdea(elsewhere, p.asn.user);
    const duplicate = await insertIdea(campaign, p.leader.user);
    const voter = await createUser(p.unit);
    await insertVote(duplicate, campaign, voter);
    const idea = (await getIdea(db, p.agency.id, duplicate.id))!;
    const now = Date.now();
    // the statements the handler sends, as if its checks had passed on a stale read
    const { moved } = await runNamedBatch(db, {
      ...transitionStatements(db, {
        idea,
        action: "merge",
        from: "submitted",
        to: "merged",
        actorId: p.admin.user.id,
        reason: "Duplikat",
        now,
        extra: { mergedIntoId: target.id },
        guard: mergeTargetOpen(target.id, idea.campaignId),
      }),
      merged: mergeStatements(db, {
        agencyId: p.agency.id,
        duplicateId: duplicate.id,
        survivorId: target.id,
        actorId: p.admin.user.id,
        reason: "Duplikat",
        now,
      }),
    });
    expect(changesOf(moved)).toBe(0);
    expect(await voteRows(duplicate.id)).toEqual([{ user_id: voter.id, campaign_id: campaign.id }]);
    expect(await voteRows(target.id)).toEqual([]);
    const events = await testDb.$count(ideaEvents, inArray(ideaEvents.ideaId, [duplicate.id, target.id]));
    expect(events).toBe(0);
  });
});

describe("POST /api/v1/ideas/{id}/merge within a campaign", () => {
  it("keeps every voter within the budget, and their my-votes in step with the ideas", async () => {
    const campaign = await competition(p.agency, "voting", { voteBudget: 2 });
    const survivor = await insertIdea(campaign, p.asn.user);
    const duplicate = await insertIdea(campaign, p.leader.user);
    const third = await insertIdea(campaign, p.reviewer.user);
    const [both, dupAndThird, dupOnly] = await Promise.all([1, 2, 3].map(() => createUser(p.unit)));
    for (const [voter, ideas] of [
      [both!, [survivor, duplicate]],
      [dupAndThird!, [duplicate, third]],
      [dupOnly!, [duplicate]],
    ] as const)
      for (const idea of ideas) await insertVote(idea, campaign, voter);

    expect((await merge(duplicate.id, survivor.id)).status).toBe(200);
    const ids = [survivor.id, duplicate.id, third.id];
    for (const [voter, expected] of [
      [both!, [survivor.id]],
      [dupAndThird!, [survivor.id, third.id].sort((a, b) => a - b)],
      [dupOnly!, [survivor.id]],
    ] as const) {
      const seen = await votesSeenBy(voter, campaign, ids);
      expect(seen.listed).toEqual(expected);
      expect(seen.supported).toEqual(expected);
      expect(seen.used).toBeLessThanOrEqual(seen.budget);
    }
  });
});
