import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../scripts/seed/organisation-data";
import { applyDemoSeed } from "./fixtures/demo";
import { api, d1Cost } from "./fixtures/http";
import { runScheduler } from "./fixtures/scheduler";

type Dashboard = {
  participation: {
    asnTotal: number;
    any: number;
    byUnit: { unitId: number; asn: number; submitted: number; voted: number; commented: number; any: number }[];
  };
  funnel: Record<string, number>;
  ideasPerMonth: { month: string; count: number }[];
  ideasPerCategory: { category: string; count: number }[];
  ideasPerUnit: { unitId: number; count: number }[];
  averageDaysToDecision: number | null;
  topReplicated: { id: number; replicationCount: number }[];
};

const LEADER = "197011041995031001"; // Sekda of Binjai
let cookie: string;
let agencyId: number;

async function rows<T>(query: string, ...params: unknown[]): Promise<T[]> {
  return (
    await env.DB.prepare(query)
      .bind(...params)
      .all<T>()
  ).results;
}

beforeAll(async () => {
  await applyDemoSeed();
  await runScheduler();
  await runScheduler(); // a second run must change nothing
  const login = await api("POST", "/api/v1/auth/login", { body: { identifier: LEADER, password: DEMO_PASSWORD } });
  cookie = /(__Host-gagas_session=[^;]+)/.exec(login.headers.get("set-cookie") ?? "")![1]!;
  agencyId = (await env.DB.prepare("SELECT id FROM agencies WHERE slug = 'binjai'").first<{ id: number }>())!.id;
});

const dashboard = async (query = "") =>
  (await (await api("GET", `/api/v1/stats/dashboard${query}`, { cookie })).json()) as Dashboard;

describe("GET /api/v1/stats/dashboard on the demo data", () => {
  it("counts the funnel as the workflow events do", async () => {
    const direct = await rows<{ to_status: string; n: number }>(
      `SELECT e.to_status, count(*) AS n FROM idea_events e WHERE e.agency_id = ? AND e.action IN ('submit','start_review','shortlist','approve','implement','reject') GROUP BY e.to_status`,
      agencyId,
    );
    const d = await dashboard();
    for (const { to_status, n } of direct) expect(d.funnel[to_status], to_status).toBe(n);
    expect(d.funnel.submitted).toBeGreaterThan(0);
  });

  it("counts ideas per month, category and unit as the submissions do", async () => {
    const d = await dashboard();
    const months = await rows<{ m: string; n: number }>(
      `SELECT strftime('%Y-%m', e.at / 1000, 'unixepoch', '+7 hours') AS m, count(*) AS n FROM idea_events e WHERE e.agency_id = ? AND e.action = 'submit' GROUP BY m`,
      agencyId,
    );
    for (const { m, n } of months) expect(d.ideasPerMonth.find((x) => x.month === m)?.count, m).toBe(n);
    expect(d.ideasPerMonth).toHaveLength(12);
    const categories = await rows<{ category: string; n: number }>(
      `SELECT i.category, count(*) AS n FROM idea_events e JOIN ideas i ON i.id = e.idea_id WHERE e.agency_id = ? AND e.action = 'submit' GROUP BY i.category`,
      agencyId,
    );
    expect(Object.fromEntries(d.ideasPerCategory.map((c) => [c.category, c.count]))).toEqual(
      Object.fromEntries(categories.map((c) => [c.category, c.n])),
    );
    const perUnit = await rows<{ unit_id: number; n: number }>(
      `SELECT i.unit_id, count(*) AS n FROM idea_events e JOIN ideas i ON i.id = e.idea_id WHERE e.agency_id = ? AND e.action = 'submit' GROUP BY i.unit_id`,
      agencyId,
    );
    expect(Object.fromEntries(d.ideasPerUnit.map((u) => [u.unitId, u.count]))).toEqual(
      Object.fromEntries(perUnit.map((u) => [u.unit_id, u.n])),
    );
  });

  it("measures participation per unit: distinct people who submitted, voted or commented, over active ASN", async () => {
    const d = await dashboard();
    const people = await rows<{ unit_id: number; activity: string; n: number }>(
      `WITH acts AS (
         SELECT u.unit_id, e.actor_id AS user_id, 'submitted' AS activity FROM idea_events e JOIN users u ON u.id = e.actor_id WHERE e.agency_id = ?1 AND e.action = 'submit'
         UNION SELECT v.unit_id, v.user_id, 'voted' FROM votes v WHERE v.agency_id = ?1
         UNION SELECT u.unit_id, c.author_id, 'commented' FROM comments c JOIN users u ON u.id = c.author_id WHERE c.agency_id = ?1)
       SELECT unit_id, activity, count(DISTINCT user_id) AS n FROM acts GROUP BY unit_id, activity
       UNION ALL SELECT unit_id, 'any', count(DISTINCT user_id) FROM acts GROUP BY unit_id`,
      agencyId,
    );
    for (const { unit_id, activity, n } of people) {
      const row = d.participation.byUnit.find((u) => u.unitId === unit_id)!;
      expect(row[activity as "any"], `${unit_id} ${activity}`).toBe(n);
    }
    const asn = await rows<{ n: number }>(
      "SELECT count(*) AS n FROM users WHERE agency_id = ? AND active = 1",
      agencyId,
    );
    expect(d.participation.asnTotal).toBe(asn[0]!.n);
  });

  it("reports the mean time from submission to decision in days", async () => {
    const [direct] = await rows<{ avg_ms: number | null }>(
      `SELECT avg(e.at - i.submitted_at) AS avg_ms FROM idea_events e JOIN ideas i ON i.id = e.idea_id WHERE e.agency_id = ? AND e.action IN ('approve', 'reject')`,
      agencyId,
    );
    const d = await dashboard();
    expect(d.averageDaysToDecision).toBe(Math.round((direct!.avg_ms! / 86_400_000) * 10) / 10);
  });

  it("lists the agency's most replicated innovations", async () => {
    const d = await dashboard();
    const direct = await rows<{ id: number; n: number }>(
      "SELECT id, replication_count AS n FROM ideas WHERE agency_id = ? AND replication_count > 0",
      agencyId,
    );
    expect(d.topReplicated.map((i) => [i.id, i.replicationCount])).toEqual(direct.map((i) => [i.id, i.n]));
  });

  it("narrows every figure to one campaign", async () => {
    const campaign = await env.DB.prepare(
      "SELECT id FROM campaigns WHERE agency_id = ? AND title = 'Kompetisi Inovasi Pelayanan Publik 2026'",
    )
      .bind(agencyId)
      .first<{ id: number }>();
    const d = await dashboard(`?campaignId=${campaign!.id}`);
    const [direct] = await rows<{ n: number }>(
      "SELECT count(*) AS n FROM idea_events e JOIN ideas i ON i.id = e.idea_id WHERE i.campaign_id = ? AND e.action = 'submit'",
      campaign!.id,
    );
    expect(d.funnel.submitted).toBe(direct!.n);
  });

  it("answers 404 for another agency's campaign", async () => {
    const other = await env.DB.prepare(
      "SELECT c.id FROM campaigns c JOIN agencies a ON a.id = c.agency_id WHERE a.slug = 'andir' LIMIT 1",
    ).first<{ id: number }>();
    expect((await api("GET", `/api/v1/stats/dashboard?campaignId=${other!.id}`, { cookie })).status).toBe(404);
  });

  it("reads the same number of rows however many ideas the agency has", async () => {
    const before = d1Cost(await api("GET", "/api/v1/stats/dashboard", { cookie })).r;
    const author = await env.DB.prepare("SELECT id, unit_id FROM users WHERE nip = '199104172015032001'").first<{
      id: number;
      unit_id: number;
    }>();
    const campaign = await env.DB.prepare("SELECT id FROM campaigns WHERE agency_id = ? AND kind = 'open'")
      .bind(agencyId)
      .first<{ id: number }>();
    const t0 = Date.now() - 2000 * 60_000;
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
       INSERT INTO ideas (agency_id, campaign_id, unit_id, author_id, title, status, listed, submitted_at, category)
       SELECT ?, ?, ?, ?, 'Ide tambahan ' || i, 'submitted', 1, ? + i * 60000, 'Digitalisasi' FROM n`,
    )
      .bind(agencyId, campaign!.id, author!.unit_id, author!.id, t0)
      .run();
    await env.DB.prepare(
      "INSERT INTO idea_events (agency_id, idea_id, actor_id, action, from_status, to_status, at) SELECT agency_id, id, author_id, 'submit', 'draft', 'submitted', submitted_at FROM ideas WHERE title LIKE 'Ide tambahan %'",
    ).run();
    for (let i = 0; i < 4; i++) await runScheduler();
    const res = await api("GET", "/api/v1/stats/dashboard", { cookie });
    const after = d1Cost(res).r;
    console.log(`dashboard rows read: ${before} before, ${after} after 2,000 more ideas`);
    expect(after).toBeLessThanOrEqual(before + 2);
    expect(
      ((await res.json()) as Dashboard).ideasPerCategory.find((c) => c.category === "Digitalisasi")!.count,
    ).toBeGreaterThanOrEqual(2000);
  });
});
