import { and, avg, count, eq, gt, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../scripts/seed/organisation-data";
import { agencies, campaigns, comments, ideaEvents, ideas, users, votes } from "../src/db/schema";
import { columnList, testDb } from "./fixtures/db";
import { applyDemoSeed } from "./fixtures/demo";
import { api, d1Cost } from "./fixtures/http";
import { runScheduler } from "./fixtures/scheduler";
import { bodyOf, client } from "./fixtures/client";

const LEADER = "197011041995031001"; // Sekda of Binjai
let cookie: string;
let agencyId: number;

beforeAll(async () => {
  await applyDemoSeed();
  await runScheduler();
  await runScheduler(); // a second run must change nothing
  const login = await api("POST", "/api/v1/auth/login", { body: { identifier: LEADER, password: DEMO_PASSWORD } });
  cookie = /(__Host-gagas_session=[^;]+)/.exec(login.headers.get("set-cookie") ?? "")![1]!;
  agencyId = (await testDb.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, "binjai")).get())!.id;
});

const dashboard = async (query: { campaignId?: string } = {}) =>
  bodyOf(await client(cookie).api.v1.stats.dashboard.$get({ query }), 200);

describe("GET /api/v1/stats/dashboard on the demo data", () => {
  it("counts the funnel as the workflow events do", async () => {
    const direct = await testDb
      .select({ toStatus: ideaEvents.toStatus, n: count() })
      .from(ideaEvents)
      .where(
        and(
          eq(ideaEvents.agencyId, agencyId),
          inArray(ideaEvents.action, ["submit", "start_review", "shortlist", "approve", "implement", "reject"]),
        ),
      )
      .groupBy(ideaEvents.toStatus);
    const d = await dashboard();
    const funnel: Record<string, number> = d.funnel;
    for (const { toStatus, n } of direct) expect(funnel[toStatus], toStatus).toBe(n);
    expect(d.funnel.submitted).toBeGreaterThan(0);
  });

  it("counts ideas per month, category and unit as the submissions do", async () => {
    const d = await dashboard();
    const submitted = and(eq(ideaEvents.agencyId, agencyId), eq(ideaEvents.action, "submit"));
    const month = sql<string>`strftime('%Y-%m', ${ideaEvents.at} / 1000, 'unixepoch', '+7 hours')`;
    const months = await testDb.select({ m: month, n: count() }).from(ideaEvents).where(submitted).groupBy(month);
    for (const { m, n } of months) expect(d.ideasPerMonth.find((x) => x.month === m)?.count, m).toBe(n);
    expect(d.ideasPerMonth).toHaveLength(12);
    const categories = await testDb
      .select({ category: ideas.category, n: count() })
      .from(ideaEvents)
      .innerJoin(ideas, eq(ideas.id, ideaEvents.ideaId))
      .where(submitted)
      .groupBy(ideas.category);
    expect(Object.fromEntries(d.ideasPerCategory.map((c) => [c.category, c.count]))).toEqual(
      Object.fromEntries(categories.map((c) => [c.category, c.n])),
    );
    const perUnit = await testDb
      .select({ unitId: ideas.unitId, n: count() })
      .from(ideaEvents)
      .innerJoin(ideas, eq(ideas.id, ideaEvents.ideaId))
      .where(submitted)
      .groupBy(ideas.unitId);
    expect(Object.fromEntries(d.ideasPerUnit.map((u) => [u.unitId, u.count]))).toEqual(
      Object.fromEntries(perUnit.map((u) => [u.unitId, u.n])),
    );
  });

  it("measures participation per unit: distinct people who submitted, voted or commented, over active ASN", async () => {
    const d = await dashboard();
    // who did what, from the source rows: submitters by their unit now, voters by their unit when they voted
    const [submitters, voters, commenters] = await testDb.batch([
      testDb
        .selectDistinct({ unitId: users.unitId, userId: users.id })
        .from(ideaEvents)
        .innerJoin(users, eq(users.id, ideaEvents.actorId))
        .where(and(eq(ideaEvents.agencyId, agencyId), eq(ideaEvents.action, "submit"))),
      testDb
        .selectDistinct({ unitId: votes.unitId, userId: votes.userId })
        .from(votes)
        .where(eq(votes.agencyId, agencyId)),
      testDb
        .selectDistinct({ unitId: users.unitId, userId: users.id })
        .from(comments)
        .innerJoin(users, eq(users.id, comments.authorId))
        .where(eq(comments.agencyId, agencyId)),
    ]);
    const people = new Map<string, Set<number>>();
    const add = (unitId: number, activity: string, userId: number) => {
      const key = `${unitId} ${activity}`;
      people.set(key, (people.get(key) ?? new Set()).add(userId));
    };
    for (const [activity, acts] of [
      ["submitted", submitters],
      ["voted", voters],
      ["commented", commenters],
    ] as const) {
      for (const { unitId, userId } of acts) {
        add(unitId, activity, userId);
        add(unitId, "any", userId);
      }
    }
    for (const [key, who] of people) {
      const [unitId, activity] = key.split(" ") as [string, "any"];
      const row = d.participation.byUnit.find((u) => u.unitId === Number(unitId))!;
      expect(row[activity], key).toBe(who.size);
    }
    const asn = await testDb.$count(users, and(eq(users.agencyId, agencyId), eq(users.active, true)));
    expect(d.participation.asnTotal).toBe(asn);
  });

  it("reports the mean time from submission to decision in days", async () => {
    const direct = await testDb
      .select({ avgMs: avg(sql<number>`${ideaEvents.at} - ${ideas.submittedAt}`).mapWith(Number) })
      .from(ideaEvents)
      .innerJoin(ideas, eq(ideas.id, ideaEvents.ideaId))
      .where(and(eq(ideaEvents.agencyId, agencyId), inArray(ideaEvents.action, ["approve", "reject"])))
      .get();
    const d = await dashboard();
    expect(d.averageDaysToDecision).toBe(Math.round((direct!.avgMs / 86_400_000) * 10) / 10);
  });

  it("lists the agency's most replicated innovations", async () => {
    const d = await dashboard();
    const direct = await testDb
      .select({ id: ideas.id, n: ideas.replicationCount })
      .from(ideas)
      .where(and(eq(ideas.agencyId, agencyId), gt(ideas.replicationCount, 0)));
    expect(d.topReplicated.map((i) => [i.id, i.replicationCount])).toEqual(direct.map((i) => [i.id, i.n]));
  });

  it("narrows every figure to one campaign", async () => {
    const campaign = await testDb
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.agencyId, agencyId), eq(campaigns.title, "Kompetisi Inovasi Pelayanan Publik 2026")))
      .get();
    const d = await dashboard({ campaignId: String(campaign!.id) });
    const direct = await testDb
      .select({ n: count() })
      .from(ideaEvents)
      .innerJoin(ideas, eq(ideas.id, ideaEvents.ideaId))
      .where(and(eq(ideas.campaignId, campaign!.id), eq(ideaEvents.action, "submit")))
      .get();
    expect(d.funnel.submitted).toBe(direct!.n);
  });

  it("answers 404 for another agency's campaign", async () => {
    const other = await testDb
      .select({ id: campaigns.id })
      .from(campaigns)
      .innerJoin(agencies, eq(agencies.id, campaigns.agencyId))
      .where(eq(agencies.slug, "andir"))
      .get();
    expect((await api("GET", `/api/v1/stats/dashboard?campaignId=${other!.id}`, { cookie })).status).toBe(404);
  });

  it("reads the same number of rows however many ideas the agency has", async () => {
    const before = d1Cost(await api("GET", "/api/v1/stats/dashboard", { cookie })).r;
    const author = (await testDb
      .select({ id: users.id, unitId: users.unitId })
      .from(users)
      .where(eq(users.nip, "199104172015032001"))
      .get())!;
    const campaign = (await testDb
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.agencyId, agencyId), eq(campaigns.kind, "open")))
      .get())!;
    const t0 = Date.now() - 2000 * 60_000;
    const into = columnList(
      ideas.agencyId,
      ideas.campaignId,
      ideas.unitId,
      ideas.authorId,
      ideas.title,
      ideas.status,
      ideas.listed,
      ideas.submittedAt,
      ideas.category,
    );
    await testDb.run(sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
      INSERT INTO ${ideas} (${into})
      SELECT ${agencyId}, ${campaign.id}, ${author.unitId}, ${author.id}, 'Ide tambahan ' || i, 'submitted', 1, ${t0} + i * 60000, 'Digitalisasi' FROM n`);
    const events = columnList(
      ideaEvents.agencyId,
      ideaEvents.ideaId,
      ideaEvents.actorId,
      ideaEvents.action,
      ideaEvents.fromStatus,
      ideaEvents.toStatus,
      ideaEvents.at,
    );
    await testDb.run(sql`INSERT INTO ${ideaEvents} (${events})
      SELECT ${ideas.agencyId}, ${ideas.id}, ${ideas.authorId}, 'submit', 'draft', 'submitted', ${ideas.submittedAt}
      FROM ${ideas} WHERE ${ideas.title} LIKE 'Ide tambahan %'`);
    for (let i = 0; i < 4; i++) await runScheduler();
    const res = await client(cookie).api.v1.stats.dashboard.$get({ query: {} });
    const after = d1Cost(res).r;
    console.log(`dashboard rows read: ${before} before, ${after} after 2,000 more ideas`);
    expect(after).toBeLessThanOrEqual(before + 2);
    expect(
      (await bodyOf(res, 200)).ideasPerCategory.find((c) => c.category === "Digitalisasi")!.count,
    ).toBeGreaterThanOrEqual(2000);
  });
});
