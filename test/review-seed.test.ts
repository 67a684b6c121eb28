/** The demo review (scripts/seed/reviews.ts): committees, reviews in every state, a ranking, decisions. */
import { and, avg, count, eq, exists, gt, notExists, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { CAMPAIGNS } from "../scripts/seed/ideas-data";
import { AGENCIES, DEMO_PASSWORD } from "../scripts/seed/organisation-data";
import {
  agencies,
  campaignMembers,
  campaigns,
  ideaAuthors,
  ideas,
  implementationReports,
  reviewAssignments,
  reviews,
  users,
} from "../src/db/schema";
import { testDb } from "./fixtures/db";
import { applyDemoSeed } from "./fixtures/demo";
import { api } from "./fixtures/http";
import { bodyOf, byId, client } from "./fixtures/client";

async function counts() {
  const [members, assignments, reviewRows, reports] = await testDb.batch([
    testDb.select({ n: count() }).from(campaignMembers),
    testDb.select({ n: count() }).from(reviewAssignments),
    testDb.select({ n: count() }).from(reviews),
    testDb.select({ n: count() }).from(implementationReports),
  ]);
  return { members, assignments, reviews: reviewRows, reports };
}

async function signInAs(nip: string) {
  const res = await api("POST", "/api/v1/auth/login", { body: { identifier: nip, password: DEMO_PASSWORD } });
  return /(__Host-gagas_session=[^;]+)/.exec(res.headers.get("set-cookie") ?? "")![1]!;
}

const kipp = (slug: string) =>
  testDb
    .select({ id: campaigns.id })
    .from(campaigns)
    .innerJoin(agencies, eq(agencies.id, campaigns.agencyId))
    .where(and(eq(agencies.slug, slug), eq(campaigns.title, CAMPAIGNS.kipp.title)))
    .get();

beforeAll(async () => {
  await applyDemoSeed();
});

describe("the demo review (scripts/seed/reviews.ts)", () => {
  it.each(AGENCIES.map((a) => [a.slug] as const))(
    "%s: its KIPP competition has a chair, and the chair's ranking shows reviewed ideas",
    async (slug) => {
      const campaign = (await kipp(slug))!;
      const chair = await testDb
        .select({ nip: users.nip })
        .from(campaignMembers)
        .innerJoin(users, eq(users.id, campaignMembers.userId))
        .where(and(eq(campaignMembers.campaignId, campaign.id), eq(campaignMembers.role, "chair")))
        .get();
      expect(chair).toBeDefined();
      const res = await client(await signInAs(chair!.nip)).api.v1.campaigns[":id"].ranking.$get({
        ...byId(campaign.id),
        query: {},
      });
      const { items } = await bodyOf(res, 200);
      expect(items.length).toBeGreaterThan(0);
      expect(items[0]!.rawScore).not.toBeNull();
      expect(items[0]!.reviews.submitted).toBeGreaterThan(0);
    },
  );

  it("has submitted reviews, drafts and assignments not started, on ideas still in review and decided ones", async () => {
    const state = sql<string>`coalesce(${reviews.state}, 'pending')`;
    const states = await testDb
      .select({ status: ideas.status, state, n: count() })
      .from(reviewAssignments)
      .innerJoin(ideas, eq(ideas.id, reviewAssignments.ideaId))
      .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
      .groupBy(ideas.status, state);
    const has = (status: string, state: string) => states.some((r) => r.status === status && r.state === state);
    expect(has("in_review", "submitted")).toBe(true);
    expect(has("in_review", "pending")).toBe(true);
    expect(has("in_review", "draft")).toBe(true);
    for (const decided of ["rejected", "approved", "implemented"]) expect(has(decided, "submitted")).toBe(true);
    // decided ideas were fully reviewed
    expect(states.filter((r) => r.status !== "in_review" && r.state !== "submitted")).toEqual([]);
  });

  it("keeps every idea's review score equal to the mean of its submitted reviews", async () => {
    const submittedOf = and(eq(reviews.ideaId, ideas.id), eq(reviews.state, "submitted"));
    const mean = testDb
      .select({ mean: avg(reviews.score) })
      .from(reviews)
      .where(submittedOf);
    const off = await testDb.$count(
      ideas,
      and(
        exists(
          testDb
            .select({ one: sql`1` })
            .from(reviews)
            .where(submittedOf),
        ),
        gt(sql`abs(${ideas.reviewScore} - ${mean})`, 1e-9),
      ),
    );
    expect(off).toBe(0);
  });

  it("assigns nobody with a conflict of interest: Lhokseumawe's Persandian reviewer skips the Diskominfo idea", async () => {
    const authors = await testDb
      .select({ n: count() })
      .from(reviewAssignments)
      .innerJoin(
        ideaAuthors,
        and(eq(ideaAuthors.ideaId, reviewAssignments.ideaId), eq(ideaAuthors.userId, reviewAssignments.reviewerId)),
      )
      .get();
    expect(authors?.n).toBe(0);
    const persandian = await testDb
      .select({ n: count() })
      .from(reviewAssignments)
      .innerJoin(ideas, eq(ideas.id, reviewAssignments.ideaId))
      .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
      .where(
        and(eq(ideas.title, "Sertifikat elektronik untuk surat dinas antar OPD"), eq(users.nip, "197903032005022001")),
      )
      .get();
    expect(persandian?.n).toBe(0);
  });

  it("gives every implemented idea its implementation report, and adds nothing when applied again", async () => {
    const reported = testDb
      .select({ one: sql`1` })
      .from(implementationReports)
      .where(eq(implementationReports.ideaId, ideas.id));
    const missing = await testDb.$count(ideas, and(eq(ideas.status, "implemented"), notExists(reported)));
    expect(missing).toBe(0);
    const before = await counts();
    await applyDemoSeed();
    expect(await counts()).toEqual(before);
  });
});
