/** The demo's votes and discussions keep the invariants the API keeps, and show moderation at work. */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { hotScore } from "../src/domain/voting";
import { DEMO_PASSWORD } from "../scripts/seed/organisation-data";
import { cookieFrom } from "./fixtures/builders";
import { applyDemoSeed } from "./fixtures/demo";
import { api } from "./fixtures/http";

const BINJAI_ADMIN = "198507222010012003";

beforeAll(async () => {
  await applyDemoSeed();
});

describe("the demo's votes and discussions", () => {
  it("have counts and trending scores that match the rows", async () => {
    const { results } = await env.DB.prepare(
      `SELECT vote_count AS voteCount, hot, submitted_at AS submittedAt,
         (SELECT count(*) FROM votes v WHERE v.idea_id = ideas.id) AS voteRows,
         comment_count AS commentCount,
         (SELECT count(*) FROM comments c WHERE c.idea_id = ideas.id AND c.deleted_at IS NULL AND c.hidden_at IS NULL) AS visible
       FROM ideas`,
    ).all<{
      voteCount: number;
      hot: number;
      submittedAt: number | null;
      voteRows: number;
      commentCount: number;
      visible: number;
    }>();
    expect(results.reduce((n, r) => n + r.voteRows, 0)).toBeGreaterThan(40);
    for (const r of results) {
      expect(r.voteCount).toBe(r.voteRows);
      expect(r.commentCount).toBe(r.visible);
      expect(r.hot).toBeCloseTo(hotScore(r.voteCount, r.submittedAt ?? 0), 9);
    }
  });

  it("keep every person within the vote budget and off their own ideas", async () => {
    const over = await env.DB.prepare(
      `SELECT count(*) AS n FROM (SELECT v.user_id, v.campaign_id, count(*) AS used, c.vote_budget FROM votes v
         JOIN campaigns c ON c.id = v.campaign_id GROUP BY v.user_id, v.campaign_id HAVING used > c.vote_budget)`,
    ).first<{ n: number }>();
    const own = await env.DB.prepare(
      `SELECT count(*) AS n FROM votes v JOIN idea_authors a ON a.idea_id = v.idea_id AND a.user_id = v.user_id AND a.accepted_at IS NOT NULL`,
    ).first<{ n: number }>();
    expect([over!.n, own!.n]).toEqual([0, 0]);
  });

  it("show the Binjai admin a reported comment to moderate, and a reply that mentions a colleague", async () => {
    const login = await api("POST", "/api/v1/auth/login", {
      body: { identifier: BINJAI_ADMIN, password: DEMO_PASSWORD },
    });
    const cookie = cookieFrom(login);
    const reported = (await (await api("GET", "/api/v1/comments/reported", { cookie })).json()) as {
      items: { body: string; reportCount: number; reports: unknown[] }[];
    };
    expect(reported.items).toHaveLength(1);
    expect(reported.items[0]).toMatchObject({ reportCount: 2 });
    const mention = await env.DB.prepare(
      `SELECT c.parent_id AS parentId, u.name FROM comment_mentions m JOIN comments c ON c.id = m.comment_id
       JOIN users u ON u.id = m.user_id WHERE u.name = 'Rahmat Hidayat Siregar'`,
    ).first<{ parentId: number | null; name: string }>();
    expect(mention?.parentId).not.toBeNull();
  });
});
