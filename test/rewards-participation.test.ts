/**
 * What taking part earns, through the API: a vote pays the voter (`vote_cast`) and the idea's team
 * (`vote_received`), a comment pays its author, in the same batch as the vote or comment; taking
 * the vote back, deleting or hiding the comment reverses it; a retry pays nothing twice; a refused
 * vote or comment pays nothing.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { campaigns } from "../src/db/schema";
import { createPersonas } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { api, d1Cost } from "./fixtures/http";
import { competition, insertIdea, openCampaign } from "./fixtures/ideas";
import { expectTotalsMatchLedger, ledgerOf, totalOf } from "./fixtures/rewards";
import { bodyOf, byId, client } from "./fixtures/client";
import { signedInColleague } from "./fixtures/colleagues";

let p: Awaited<ReturnType<typeof createPersonas>>;

beforeAll(async () => {
  p = await createPersonas();
});

const colleague = () => signedInColleague(p.unit);

const vote = (cookie: string, ideaId: number, method: "PUT" | "DELETE" = "PUT") =>
  api(method, `/api/v1/ideas/${ideaId}/vote`, { cookie });

const pointsOf = async (userId: number) => (await ledgerOf(userId)).map((r) => [r.rule_key, r.points]);

describe("PUT /api/v1/ideas/{id}/vote rewards", () => {
  it("pays the voter and the idea's author in the vote's batch, once however often the vote is repeated", async () => {
    const author = await colleague();
    const voter = await colleague();
    const idea = await insertIdea(await openCampaign(p.agency), author, { status: "submitted" });

    for (let i = 0; i < 3; i++) expect((await vote(voter.cookie, idea.id)).status).toBe(200);

    expect(await pointsOf(voter.id)).toEqual([["vote_cast", 1]]);
    expect(await pointsOf(author.id)).toEqual([["vote_received", 2]]);
    const [cast] = await ledgerOf(voter.id);
    expect(cast).toMatchObject({ event_type: "vote_cast", subject_type: "idea", subject_id: idea.id });
    expect(await totalOf(p.agency.id, "user", author.id)).toBe(2);
    await expectTotalsMatchLedger(p.agency.id);
  });

  it("takes the points back when the vote is retracted, and pays again for a new vote", async () => {
    const author = await colleague();
    const voter = await colleague();
    const idea = await insertIdea(await openCampaign(p.agency), author, { status: "submitted" });

    await vote(voter.cookie, idea.id);
    expect((await vote(voter.cookie, idea.id, "DELETE")).status).toBe(200);
    expect((await vote(voter.cookie, idea.id, "DELETE")).status).toBe(200);
    expect(await totalOf(p.agency.id, "user", voter.id)).toBe(0);
    expect(await totalOf(p.agency.id, "user", author.id)).toBe(0);
    expect((await ledgerOf(author.id)).map((r) => r.points)).toEqual([2, -2]);

    await vote(voter.cookie, idea.id);
    expect(await totalOf(p.agency.id, "user", voter.id)).toBe(1);
    expect(await totalOf(p.agency.id, "user", author.id)).toBe(2);
    await expectTotalsMatchLedger(p.agency.id);
  });

  it("pays nothing for a refused vote (voting closed) nor for a retraction that is refused", async () => {
    const author = await colleague();
    const voter = await colleague();
    const closed = await insertIdea(await competition(p.agency, "review"), author, { status: "submitted" });
    expect((await vote(voter.cookie, closed.id)).status).toBe(409);
    expect(await ledgerOf(voter.id)).toEqual([]);
    expect(await ledgerOf(author.id)).toEqual([]);

    // a vote cast while voting was open, then voting closes: the retraction is refused and keeps the points
    const voting = await competition(p.agency, "voting");
    const idea = await insertIdea(voting, author, { status: "submitted" });
    await vote(voter.cookie, idea.id);
    await testDb
      .update(campaigns)
      .set({ votingEnd: Date.now() - 1 })
      .where(eq(campaigns.id, voting.id));
    expect((await vote(voter.cookie, idea.id, "DELETE")).status).toBe(409);
    expect(await totalOf(p.agency.id, "user", voter.id)).toBe(1);
    expect(await totalOf(p.agency.id, "user", author.id)).toBe(2);
    await expectTotalsMatchLedger(p.agency.id);
  });

  it("reads as much for an idea's thirtieth vote of the day as for its third: today's received votes are not read", async () => {
    const author = await colleague();
    const idea = await insertIdea(await openCampaign(p.agency), author, { status: "submitted" });
    const reads: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await vote((await colleague()).cookie, idea.id);
      expect(res.status).toBe(200);
      reads.push(d1Cost(res).r);
    }
    // every vote paid its author (vote_received has no daily cap: nothing of today is read for it)
    expect(await totalOf(p.agency.id, "user", author.id)).toBe(60);
    // from the 11th vote on (the author holds the badge of 10 votes, one row more to read) all alike
    expect(new Set(reads.slice(10)).size).toBe(1);
    expect(reads[29]! - reads[2]!).toBeLessThanOrEqual(1);
  });

  it("stops paying the voter at the daily cap of vote_cast (10 points), while authors are still paid", async () => {
    const author = await colleague();
    const voter = await colleague();
    const kotakIde = await openCampaign(p.agency);
    await testDb.update(campaigns).set({ voteBudget: 20 }).where(eq(campaigns.id, kotakIde.id));
    for (let i = 0; i < 12; i++) {
      const idea = await insertIdea(kotakIde, author, { status: "submitted" });
      expect((await vote(voter.cookie, idea.id)).status).toBe(200);
    }
    expect(await totalOf(p.agency.id, "user", voter.id)).toBe(10);
    expect(await totalOf(p.agency.id, "user", author.id)).toBe(24);
    await expectTotalsMatchLedger(p.agency.id);
  });
});

describe("POST /api/v1/ideas/{id}/comments rewards", () => {
  it("pays the author of a comment with the comment, keyed by the new comment's id", async () => {
    const author = await colleague();
    const commenter = await colleague();
    const idea = await insertIdea(await openCampaign(p.agency), author, { status: "submitted" });

    const res = await client(commenter.cookie).api.v1.ideas[":id"].comments.$post({
      ...byId(idea.id),
      json: { body: "Setuju, ini memangkas antrean di loket." },
    });
    const { id } = await bodyOf(res, 201);

    const [row] = await ledgerOf(commenter.id);
    expect(row).toMatchObject({
      points: 2,
      rule_key: "comment_posted",
      subject_type: "comment",
      subject_id: id,
      idempotency_key: `comment:${id}:comment_posted:user:${commenter.id}`,
    });
    expect(await totalOf(p.agency.id, "user", commenter.id)).toBe(2);
    await expectTotalsMatchLedger(p.agency.id);
  });

  it("takes the points back when the author deletes the comment or an admin hides it", async () => {
    const author = await colleague();
    const commenter = await colleague();
    const idea = await insertIdea(await openCampaign(p.agency), author, { status: "submitted" });
    const post = async (body: string) => {
      const res = await client(commenter.cookie).api.v1.ideas[":id"].comments.$post({
        ...byId(idea.id),
        json: { body },
      });
      return (await bodyOf(res, 201)).id;
    };
    const deleted = await post("Komentar pertama yang nanti dihapus.");
    const hidden = await post("Komentar kedua yang nanti disembunyikan.");
    expect(await totalOf(p.agency.id, "user", commenter.id)).toBe(4);

    expect((await api("DELETE", `/api/v1/comments/${deleted}`, { cookie: commenter.cookie })).status).toBe(200);
    const hide = await api("POST", `/api/v1/comments/${hidden}/hide`, {
      cookie: p.admin.cookie,
      body: { reason: "Tidak sesuai etika diskusi" },
    });
    expect(hide.status).toBe(200);

    expect(await totalOf(p.agency.id, "user", commenter.id)).toBe(0);
    expect((await ledgerOf(commenter.id)).map((r) => [r.event_type, r.points])).toEqual([
      ["comment_posted", 2],
      ["comment_posted", 2],
      ["comment_deleted", -2],
      ["comment_hidden", -2],
    ]);
    await expectTotalsMatchLedger(p.agency.id);
  });

  it("pays nothing when the comment is refused (the idea stopped taking comments)", async () => {
    const author = await colleague();
    const commenter = await colleague();
    const idea = await insertIdea(await openCampaign(p.agency), author, { status: "withdrawn" });
    const res = await api("POST", `/api/v1/ideas/${idea.id}/comments`, {
      cookie: commenter.cookie,
      body: { body: "Masih bisa dikomentari?" },
    });
    expect(res.status).toBe(409);
    expect(await ledgerOf(commenter.id)).toEqual([]);
  });
});
