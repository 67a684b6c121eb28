/** The rewards API: my points, ledger and badges, the rules and their admin, leaderboards. */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "@hono/zod-openapi";
import { createDb, runBatch } from "../src/db/client";
import { rewardStatements } from "../src/db/queries/rewards.queries";
import { DEFAULT_RULES, RULE_KEYS, type Rules } from "../src/domain/reward-rules";
import { auditRows } from "./fixtures/admin";
import {
  createAgency,
  createPersonas,
  createUnit,
  createUser,
  signIn,
  type TestUnit,
  type TestUser,
} from "./fixtures/builders";
import { api } from "./fixtures/http";
import { insertIdea, openCampaign, transition } from "./fixtures/ideas";
import { expectTotalsMatchLedger, ledgerOf } from "./fixtures/rewards";
import { runScheduler } from "./fixtures/scheduler";
import { bodyOf, client, fieldErrors } from "./fixtures/client";

let p: Awaited<ReturnType<typeof createPersonas>>;

beforeAll(async () => {
  p = await createPersonas();
});

/** Runs what an idea step earns straight through the engine (the workflow itself is tested elsewhere). */
async function earn(type: "idea_approved" | "idea_implemented" | "idea_shortlisted", ideaId: number, agencyId: number) {
  const db = createDb(env.DB);
  await runBatch(db, await rewardStatements(db, { type, agencyId, actorId: null, at: Date.now(), ideaId }));
}

function rulesBody(overrides: Partial<Rules> = {}, baseVersion?: number) {
  const rules = { ...DEFAULT_RULES.rules, ...overrides };
  return {
    ...(baseVersion !== undefined ? { baseVersion } : {}),
    rules: Object.fromEntries(
      RULE_KEYS.map((k) => {
        const { points, dailyCap, perSubjectCap } = rules[k];
        return [k, k === "vote_received" ? { points, dailyCap, perSubjectCap } : { points, dailyCap }];
      }),
    ),
  };
}

describe("GET /api/v1/rewards/me", () => {
  it("shows my totals, my level with the progress to the next, and my badges in both languages", async () => {
    const me = await createUser(p.unit);
    const cookie = await signIn(me);
    const idea = await insertIdea(await openCampaign(p.agency), me, { status: "shortlisted" });
    await earn("idea_approved", idea.id, p.agency.id);
    await earn("idea_implemented", idea.id, p.agency.id);

    const body = await bodyOf(await client(cookie).api.v1.rewards.me.$get(), 200);
    expect(body.points).toEqual({ all: 150, year: 150, quarter: 150, month: 150 });
    expect(body.level).toMatchObject({
      key: "penggagas",
      name: { id: "Penggagas", en: "Initiator" },
      next: { key: "inovator" },
      progress: 0.25,
      pointsToNext: 150,
    });
    expect(body.badges.map((b) => b.key)).toEqual(["diterapkan"]);
    expect(body.badges[0]!.name).toEqual({ id: "Diterapkan", en: "Implemented" });
  });

  it("starts everyone at Pemula with nothing", async () => {
    const cookie = await signIn(await createUser(p.unit));
    const body = await bodyOf(await client(cookie).api.v1.rewards.me.$get(), 200);
    expect(body).toMatchObject({ points: { all: 0, month: 0 }, level: { key: "pemula", progress: 0 }, badges: [] });
  });
});

describe("GET /api/v1/rewards/ledger", () => {
  it("lists my rows newest first with their causes, page by page, reversals marked", async () => {
    const me = await createUser(p.unit);
    const cookie = await signIn(me);
    const draft = await client(cookie).api.v1.ideas.$post({
      json: {
        title: "Loket keliling untuk warga lansia",
        problem: "Warga lansia kesulitan datang ke kantor kelurahan untuk mengurus surat keterangan.",
        solution: "Petugas kelurahan berkeliling dua kali seminggu dengan tablet dan printer portabel.",
        benefit: "Lansia terlayani di rumah tanpa ongkos.",
      },
    });
    const { id } = await bodyOf(draft, 201);
    await transition(cookie, id, "submit");
    await transition(cookie, id, "withdraw", "Diganti program provinsi");

    const ledger = (query: { cursor?: string }) =>
      client(cookie).api.v1.rewards.ledger.$get({ query: { limit: "1", ...query } });
    const page1 = await bodyOf(await ledger({}), 200);
    expect(page1.items).toEqual([
      expect.objectContaining({
        points: -10,
        eventType: "idea_withdrawn",
        reversal: true,
        rule: { key: "idea_submitted", label: { id: "Mengajukan ide", en: "Idea submitted" }, version: 0 },
        idea: { id, title: "Loket keliling untuk warga lansia" },
      }),
    ]);
    expect(page1.items[0]).not.toHaveProperty("idempotencyKey");
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await bodyOf(await ledger({ cursor: page1.nextCursor! }), 200);
    expect(page2.items).toEqual([
      expect.objectContaining({ points: 10, eventType: "idea_submitted", reversal: false }),
    ]);
    expect(page2.nextCursor).toBeNull();
  });

  it("lets the agency admin read a colleague's ledger, answers 403 to another ASN and 404 across agencies", async () => {
    const path = `/api/v1/rewards/ledger?userId=${p.asn.user.id}`;
    expect((await api("GET", path, { cookie: p.admin.cookie })).status).toBe(200);
    expect((await api("GET", path, { cookie: p.leader.cookie })).status).toBe(403);
    expect((await api("GET", path, { cookie: p.otherAdmin.cookie })).status).toBe(404);
  });
});

describe("GET /api/v1/rewards/badges", () => {
  it("lists the whole catalogue in both languages and marks what I hold", async () => {
    const me = await createUser(p.unit);
    const idea = await insertIdea(await openCampaign(p.agency), me, { status: "in_review" });
    await earn("idea_shortlisted", idea.id, p.agency.id);
    const { items } = await bodyOf(await client(await signIn(me)).api.v1.rewards.badges.$get(), 200);
    expect(items.map((b) => b.key)).toEqual(
      expect.arrayContaining([
        "ide_pertama",
        "didukung_rekan",
        "terpilih",
        "diterapkan",
        "direplikasi",
        "reviewer_teladan",
        "tim_hebat",
      ]),
    );
    expect(items.filter((b) => b.held).map((b) => b.key)).toEqual(["terpilih"]);
    expect(items.find((b) => b.key === "didukung_rekan")!.name).toEqual({
      id: "Didukung Rekan",
      en: "Backed by Peers",
    });
  });
});

/** The part of `/api/openapi.json` that states the rules' bounds. */
const NumberSchema = z.object({
  type: z.union([z.string(), z.array(z.string())]).optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
});
const NumberField = z.union([z.object({ anyOf: z.array(NumberSchema) }), NumberSchema]);
const ContractBounds = z.object({
  components: z.object({
    schemas: z.object({
      RewardRulesUpdate: z.object({
        properties: z.object({
          rules: z.object({
            properties: z.record(z.string(), z.object({ properties: z.record(z.string(), NumberField) })),
          }),
        }),
      }),
    }),
  }),
});

describe("PUT /api/v1/rewards/rules", () => {
  it("publishes a new version that prices what is earned from then on, with an audit row", async () => {
    const p2 = await createPersonas();
    const before = await bodyOf(await client(p2.asn.cookie).api.v1.rewards.rules.$get(), 200);
    expect(before).toMatchObject({ version: 0, updatedBy: null, rules: { idea_implemented: { points: 100 } } });

    const res = await api("PUT", "/api/v1/rewards/rules", {
      cookie: p2.admin.cookie,
      body: rulesBody({ idea_submitted: { points: 20, dailyCap: 3, perSubjectCap: null } }, 0),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      version: 1,
      updatedBy: { id: p2.admin.user.id },
      rules: { idea_submitted: { points: 20, dailyCap: 3, label: { id: "Mengajukan ide" } } },
    });
    const [audit] = await auditRows(p2.agency.id, "reward_rules.update");
    expect(audit).toMatchObject({ subject_type: "reward_rules", subject_id: 1 });
    expect(JSON.parse(audit!.detail)).toMatchObject({
      version: 1,
      from: 0,
      changes: { idea_submitted: { from: { points: 10 }, to: { points: 20, dailyCap: 3 } } },
    });

    const author = await createUser(p2.unit);
    const cookie = await signIn(author);
    const draft = await client(cookie).api.v1.ideas.$post({
      json: {
        title: "Pengingat jatuh tempo PBB lewat WhatsApp",
        problem: "Banyak wajib pajak lupa jatuh tempo PBB sehingga terkena denda setiap tahun.",
        solution: "Pengingat otomatis lewat WhatsApp sebulan dan seminggu sebelum jatuh tempo.",
        benefit: "Denda berkurang, penerimaan naik.",
      },
    });
    await transition(cookie, (await bodyOf(draft, 201)).id, "submit");
    expect((await ledgerOf(author.id)).map((r) => [r.points, r.rules_version])).toEqual([[20, 1]]);
  });

  it("answers 409 reward.rules_stale when the edit started from an older version", async () => {
    const p2 = await createPersonas();
    expect(
      (await api("PUT", "/api/v1/rewards/rules", { cookie: p2.admin.cookie, body: rulesBody({}, 0) })).status,
    ).toBe(200);
    const res = await api("PUT", "/api/v1/rewards/rules", { cookie: p2.admin.cookie, body: rulesBody({}, 0) });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "reward.rules_stale" });
  });

  it("answers 422 with one entry per bad field: points out of range, a negative cap, an unknown option", async () => {
    const body = rulesBody();
    const rules = body.rules as Record<string, Record<string, unknown>>;
    rules.idea_implemented = { points: 1001, dailyCap: null };
    rules.vote_cast = { points: 1, dailyCap: -1 };
    rules.idea_submitted = { points: 10, dailyCap: null, perSubjectCap: 5 };
    rules.comment_posted = { points: 1.5, dailyCap: 5 };
    const res = await api("PUT", "/api/v1/rewards/rules", { cookie: p.admin.cookie, body });
    expect(res.status).toBe(422);
    const errors = await fieldErrors(res);
    expect(errors.map((e) => e.path).sort()).toEqual([
      "json.rules.comment_posted.points",
      "json.rules.idea_implemented.points",
      "json.rules.idea_submitted",
      "json.rules.vote_cast.dailyCap",
    ]);
  });

  it("refuses a rule set paying -1000 points with caps of 0: one 422 entry per bad value, nothing published", async () => {
    const p2 = await createPersonas();
    const nonsense = Object.fromEntries(
      RULE_KEYS.map((k) => [k, { points: -1000, dailyCap: 0, ...(k === "vote_received" ? { perSubjectCap: 0 } : {}) }]),
    );
    const res = await api("PUT", "/api/v1/rewards/rules", { cookie: p2.admin.cookie, body: { rules: nonsense } });
    expect(res.status).toBe(422);
    const errors = await fieldErrors(res);
    expect(errors.map((e) => e.path).sort()).toEqual(
      [
        ...RULE_KEYS.flatMap((k) => [`json.rules.${k}.points`, `json.rules.${k}.dailyCap`]),
        "json.rules.vote_received.perSubjectCap",
      ].sort(),
    );
    const rules = await bodyOf(await client(p2.admin.cookie).api.v1.rewards.rules.$get(), 200);
    expect(rules.version).toBe(0);
  });

  it("states the bounds in the contract, where the rules editor reads them", async () => {
    const doc = ContractBounds.parse(await (await api("GET", "/api/openapi.json")).json());
    const update = doc.components.schemas.RewardRulesUpdate.properties.rules;
    /** minimum and maximum of a number, nullable or not */
    const bounds = (schema: z.infer<typeof NumberField>) => {
      const number = ("anyOf" in schema ? schema.anyOf : [schema]).find(
        (s) => s.type === "integer" || (Array.isArray(s.type) && s.type.includes("integer")),
      )!;
      return [number.minimum, number.maximum];
    };
    for (const key of RULE_KEYS) {
      const rule = update.properties[key]!.properties;
      expect(bounds(rule.points!), key).toEqual([0, 1000]);
      expect(bounds(rule.dailyCap!), key).toEqual([1, 10_000]);
    }
    expect(bounds(update.properties.vote_received!.properties.perSubjectCap!)).toEqual([1, 10_000]);
  });

  it("answers 422 when a rule is missing and 403 to anyone but the agency admin", async () => {
    const { rules } = rulesBody();
    const { award_granted: _omitted, ...partial } = rules;
    expect(
      (await api("PUT", "/api/v1/rewards/rules", { cookie: p.admin.cookie, body: { rules: partial } })).status,
    ).toBe(422);
    expect((await api("PUT", "/api/v1/rewards/rules", { cookie: p.leader.cookie, body: rulesBody() })).status).toBe(
      403,
    );
  });
});

describe("GET /api/v1/leaderboards", () => {
  let agency: Awaited<ReturnType<typeof createAgency>>;
  let people: TestUser[];
  let cookie: string;
  let units: TestUnit[];

  beforeAll(async () => {
    agency = await createAgency();
    units = [await createUnit(agency, { name: "Dinas Satu" }), await createUnit(agency, { name: "Dinas Dua" })];
    people = [];
    for (let i = 0; i < 5; i++) people.push(await createUser(units[i % 2]!, { name: `Peringkat ${i}` }));
    cookie = await signIn(people[0]!);
    const campaign = await openCampaign(agency);
    // points: 175 (shortlisted, approved, implemented), 50 (approved), 50 (approved), 25 (shortlisted), 0
    const ideas = await Promise.all(people.map((u) => insertIdea(campaign, u, { status: "in_review" })));
    await earn("idea_shortlisted", ideas[0]!.id, agency.id);
    await earn("idea_approved", ideas[0]!.id, agency.id);
    await earn("idea_implemented", ideas[0]!.id, agency.id);
    await earn("idea_approved", ideas[1]!.id, agency.id);
    await earn("idea_approved", ideas[2]!.id, agency.id);
    await earn("idea_shortlisted", ideas[3]!.id, agency.id);
    // the boards read the totals the scheduler folds from the ledger each minute
    await runScheduler();
  });

  it("ranks people of my agency this month, equal points sharing a rank, with their unit; nobody without points", async () => {
    const res = await client(cookie).api.v1.leaderboards.$get({ query: { scope: "users", period: "month" } });
    const body = await bodyOf(res, 200);
    expect(body.items.map((i) => [i.rank, i.points])).toEqual([
      [1, 175],
      [2, 50],
      [2, 50],
      [4, 25],
    ]);
    expect(body.items[0]).toMatchObject({
      user: { id: people[0]!.id, name: "Peringkat 0" },
      unit: { name: "Dinas Satu" },
    });
    await expectTotalsMatchLedger(agency.id);
  });

  it("keeps the ranking across pages, a tie spanning the page break included", async () => {
    const ranks: [number, number][] = [];
    let cursor: string | null = null;
    do {
      const query: { period: "all"; limit: string; cursor?: string } = { period: "all", limit: "2" };
      if (cursor) query.cursor = cursor;
      const body = await bodyOf(await client(cookie).api.v1.leaderboards.$get({ query }), 200);
      ranks.push(...body.items.map((i) => [i.rank, i.points] as [number, number]));
      cursor = body.nextCursor;
    } while (cursor);
    expect(ranks).toEqual([
      [1, 175],
      [2, 50],
      [2, 50],
      [4, 25],
    ]);
  });

  it("ranks units by their members' points for the year", async () => {
    const board = client(cookie).api.v1.leaderboards.$get({ query: { scope: "units", period: "year" } });
    const body = await bodyOf(await board, 200);
    // Dinas Satu: people 0, 2, 4 → 175 + 50; Dinas Dua: people 1, 3 → 50 + 25
    expect(body.items.map((i) => [i.rank, i.unit.id, i.points, i.user])).toEqual([
      [1, units[0]!.id, 225, null],
      [2, units[1]!.id, 75, null],
    ]);
    expect(body.period.kind).toBe("year");
  });

  it("answers 400 request.invalid_cursor for a made-up cursor", async () => {
    const res = await api("GET", "/api/v1/leaderboards?cursor=bm9wZQ", { cookie });
    expect(res.status).toBe(400);
  });
});
