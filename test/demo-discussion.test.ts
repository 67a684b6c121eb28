/** The demo's votes and discussions keep the invariants the API keeps, and show moderation at work. */
import { and, count, eq, gt, isNotNull, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { campaigns, commentMentions, comments, ideaAuthors, ideas, users, votes } from "../src/db/schema";
import { hotScore } from "../src/domain/voting";
import { DEMO_PASSWORD } from "../scripts/seed/organisation-data";
import { cookieFrom } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { applyDemoSeed } from "./fixtures/demo";
import { bodyOf, client } from "./fixtures/client";
import { api } from "./fixtures/http";

const BINJAI_ADMIN = "198507222010012003";

beforeAll(async () => {
  await applyDemoSeed();
});

describe("the demo's votes and discussions", () => {
  it("have counts and trending scores that match the rows", async () => {
    const results = await testDb
      .select({
        voteCount: ideas.voteCount,
        hot: ideas.hot,
        submittedAt: ideas.submittedAt,
        voteRows: testDb.$count(votes, eq(votes.ideaId, ideas.id)),
        commentCount: ideas.commentCount,
        visible: testDb.$count(
          comments,
          and(eq(comments.ideaId, ideas.id), isNull(comments.deletedAt), isNull(comments.hiddenAt)),
        ),
      })
      .from(ideas);
    expect(results.reduce((n, r) => n + r.voteRows, 0)).toBeGreaterThan(40);
    for (const r of results) {
      expect(r.voteCount).toBe(r.voteRows);
      expect(r.commentCount).toBe(r.visible);
      expect(r.hot).toBeCloseTo(hotScore(r.voteCount, r.submittedAt ?? 0), 9);
    }
  });

  it("keep every person within the vote budget and off their own ideas", async () => {
    const over = await testDb
      .select({ userId: votes.userId, campaignId: votes.campaignId })
      .from(votes)
      .innerJoin(campaigns, eq(campaigns.id, votes.campaignId))
      .groupBy(votes.userId, votes.campaignId)
      .having(gt(count(), campaigns.voteBudget));
    const own = await testDb
      .select({ n: count() })
      .from(votes)
      .innerJoin(
        ideaAuthors,
        and(
          eq(ideaAuthors.ideaId, votes.ideaId),
          eq(ideaAuthors.userId, votes.userId),
          isNotNull(ideaAuthors.acceptedAt),
        ),
      )
      .get();
    expect([over.length, own!.n]).toEqual([0, 0]);
  });

  it("show the Binjai admin a reported comment to moderate, and a reply that mentions a colleague", async () => {
    const login = await api("POST", "/api/v1/auth/login", {
      body: { identifier: BINJAI_ADMIN, password: DEMO_PASSWORD },
    });
    const cookie = cookieFrom(login);
    const reported = await bodyOf(await client(cookie).api.v1.comments.reported.$get({ query: {} }), 200);
    expect(reported.items).toHaveLength(1);
    expect(reported.items[0]).toMatchObject({ reportCount: 2 });
    const mention = await testDb
      .select({ parentId: comments.parentId, name: users.name })
      .from(commentMentions)
      .innerJoin(comments, eq(comments.id, commentMentions.commentId))
      .innerJoin(users, eq(users.id, commentMentions.userId))
      .where(eq(users.name, "Rahmat Hidayat Siregar"))
      .get();
    expect(mention?.parentId).not.toBeNull();
  });
});
