/** The demo review (scripts/seed/reviews.ts): committees, reviews in every state, a ranking, decisions. */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { CAMPAIGNS } from "../scripts/seed/ideas-data";
import { AGENCIES, DEMO_PASSWORD } from "../scripts/seed/organisation-data";
import { applyDemoSeed } from "./fixtures/demo";
import { api } from "./fixtures/http";

const TABLES = ["campaign_members", "review_assignments", "reviews", "implementation_reports"];

async function counts() {
  const rows = await env.DB.batch(TABLES.map((t) => env.DB.prepare(`SELECT count(*) AS n FROM ${t}`)));
  return Object.fromEntries(TABLES.map((t, i) => [t, (rows[i]!.results[0] as { n: number }).n]));
}

async function signInAs(nip: string) {
  const res = await api("POST", "/api/v1/auth/login", { body: { identifier: nip, password: DEMO_PASSWORD } });
  return /(__Host-gagas_session=[^;]+)/.exec(res.headers.get("set-cookie") ?? "")![1]!;
}

const kipp = (slug: string) =>
  env.DB.prepare("SELECT c.id FROM campaigns c JOIN agencies a ON a.id = c.agency_id WHERE a.slug = ? AND c.title = ?")
    .bind(slug, CAMPAIGNS.kipp.title)
    .first<{ id: number }>();

beforeAll(async () => {
  await applyDemoSeed();
});

describe("the demo review (scripts/seed/reviews.ts)", () => {
  it.each(AGENCIES.map((a) => [a.slug] as const))(
    "%s: its KIPP competition has a chair, and the chair's ranking shows reviewed ideas",
    async (slug) => {
      const campaign = (await kipp(slug))!;
      const chair = await env.DB.prepare(
        "SELECT u.nip FROM campaign_members m JOIN users u ON u.id = m.user_id WHERE m.campaign_id = ? AND m.role = 'chair'",
      )
        .bind(campaign.id)
        .first<{ nip: string }>();
      expect(chair).not.toBeNull();
      const res = await api("GET", `/api/v1/campaigns/${campaign.id}/ranking`, { cookie: await signInAs(chair!.nip) });
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as { items: { rawScore: number | null; reviews: { submitted: number } }[] };
      expect(items.length).toBeGreaterThan(0);
      expect(items[0]!.rawScore).not.toBeNull();
      expect(items[0]!.reviews.submitted).toBeGreaterThan(0);
    },
  );

  it("has submitted reviews, drafts and assignments not started, on ideas still in review and decided ones", async () => {
    const states = await env.DB.prepare(
      `SELECT i.status, coalesce(r.state, 'pending') AS state, count(*) AS n
       FROM review_assignments ra JOIN ideas i ON i.id = ra.idea_id LEFT JOIN reviews r ON r.assignment_id = ra.id
       GROUP BY i.status, coalesce(r.state, 'pending')`,
    ).all<{ status: string; state: string; n: number }>();
    const has = (status: string, state: string) => states.results.some((r) => r.status === status && r.state === state);
    expect(has("in_review", "submitted")).toBe(true);
    expect(has("in_review", "pending")).toBe(true);
    expect(has("in_review", "draft")).toBe(true);
    for (const decided of ["rejected", "approved", "implemented"]) expect(has(decided, "submitted")).toBe(true);
    // decided ideas were fully reviewed
    expect(states.results.filter((r) => r.status !== "in_review" && r.state !== "submitted")).toEqual([]);
  });

  it("keeps every idea's review score equal to the mean of its submitted reviews", async () => {
    const off = await env.DB.prepare(
      `SELECT count(*) AS n FROM ideas i
       WHERE EXISTS (SELECT 1 FROM reviews r WHERE r.idea_id = i.id AND r.state = 'submitted')
         AND abs(i.review_score - (SELECT avg(score) FROM reviews r WHERE r.idea_id = i.id AND r.state = 'submitted')) > 1e-9`,
    ).first<{ n: number }>();
    expect(off?.n).toBe(0);
  });

  it("assigns nobody with a conflict of interest: Lhokseumawe's Persandian reviewer skips the Diskominfo idea", async () => {
    const authors = await env.DB.prepare(
      "SELECT count(*) AS n FROM review_assignments ra JOIN idea_authors a ON a.idea_id = ra.idea_id AND a.user_id = ra.reviewer_id",
    ).first<{ n: number }>();
    expect(authors?.n).toBe(0);
    const persandian = await env.DB.prepare(
      `SELECT count(*) AS n FROM review_assignments ra JOIN ideas i ON i.id = ra.idea_id JOIN users u ON u.id = ra.reviewer_id
       WHERE i.title = 'Sertifikat elektronik untuk surat dinas antar OPD' AND u.nip = '197903032005022001'`,
    ).first<{ n: number }>();
    expect(persandian?.n).toBe(0);
  });

  it("gives every implemented idea its implementation report, and adds nothing when applied again", async () => {
    const missing = await env.DB.prepare(
      "SELECT count(*) AS n FROM ideas i WHERE i.status = 'implemented' AND NOT EXISTS (SELECT 1 FROM implementation_reports r WHERE r.idea_id = i.id)",
    ).first<{ n: number }>();
    expect(missing?.n).toBe(0);
    const before = await counts();
    await applyDemoSeed();
    expect(await counts()).toEqual(before);
  });
});
