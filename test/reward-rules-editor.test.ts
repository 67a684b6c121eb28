/** What the reward rules editor reads: the rules with their bounds, the history of versions, a month's preview. */
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, RULE_KEYS, ruleBounds, type Rules } from "../src/domain/reward-rules";
import { RulesPreviewSchema } from "../src/routes/rewards/rewards.schemas";
import { createPersonas } from "./fixtures/builders";
import { api } from "./fixtures/http";
import { bodyOf, client } from "./fixtures/client";

/** A complete request body from a rule set (a per-idea cap only where the rule takes one). */
function input(rules: Rules) {
  return Object.fromEntries(
    RULE_KEYS.map((k) => {
      const { points, dailyCap, perSubjectCap } = rules[k];
      return [k, ruleBounds(k).perSubjectCap ? { points, dailyCap, perSubjectCap } : { points, dailyCap }];
    }),
  );
}

const withRule = (key: keyof Rules, change: Partial<Rules[keyof Rules]>): Rules => ({
  ...DEFAULT_RULES.rules,
  [key]: { ...DEFAULT_RULES.rules[key], ...change },
});

async function publish(cookie: string, rules: Rules, baseVersion: number) {
  const res = await api("PUT", "/api/v1/rewards/rules", { cookie, body: { baseVersion, rules: input(rules) } });
  expect(res.status).toBe(200);
}

describe("GET /api/v1/rewards/rules", () => {
  it("says for every rule the values the contract takes", async () => {
    const p = await createPersonas();
    const body = await bodyOf(await client(p.admin.cookie).api.v1.rewards.rules.$get(), 200);
    for (const key of RULE_KEYS) expect(body.rules[key]!.bounds).toEqual(ruleBounds(key));
    expect(body.rules.vote_received!.bounds).toMatchObject({ points: { min: 0 }, perSubjectCap: { min: 1 } });
    expect(body.rules.vote_cast!.bounds).toMatchObject({ perSubjectCap: null });
  });
});

describe("GET /api/v1/rewards/rules/versions", () => {
  const read = async (cookie: string, query: { limit?: string; cursor?: string } = {}) =>
    bodyOf(await client(cookie).api.v1.rewards.rules.versions.$get({ query }), 200);

  it("lists the versions newest first, each with what it changed, down to the defaults", async () => {
    const p = await createPersonas();
    expect((await read(p.admin.cookie)).items).toEqual([
      { version: 0, publishedAt: null, publishedBy: null, changes: [] },
    ]);
    const v1 = withRule("vote_cast", { points: 2 });
    await publish(p.admin.cookie, v1, 0);
    await publish(p.admin.cookie, { ...v1, comment_posted: { points: 3, dailyCap: 4, perSubjectCap: null } }, 1);

    const all = await read(p.admin.cookie);
    expect(all.items.map((v) => [v.version, v.publishedBy?.id ?? null])).toEqual([
      [2, p.admin.user.id],
      [1, p.admin.user.id],
      [0, null],
    ]);
    expect(all.items[0]!.changes).toEqual([
      {
        rule: "comment_posted",
        label: { id: "Menulis komentar", en: "Comment posted" },
        from: { points: 2, dailyCap: 5, perSubjectCap: null },
        to: { points: 3, dailyCap: 4, perSubjectCap: null },
      },
    ]);
    expect(all.items[1]!.changes.map((c) => c.rule)).toEqual(["vote_cast"]);

    // a page at a time, the comparison crossing the page's edge
    const first = await read(p.admin.cookie, { limit: "1" });
    expect(first.items.map((v) => v.version)).toEqual([2]);
    expect(first.nextCursor).not.toBeNull();
    const second = await read(p.admin.cookie, { limit: "1", cursor: first.nextCursor! });
    expect(second.items.map((v) => [v.version, v.changes.map((c) => c.rule)])).toEqual([
      [1, ["vote_cast"]],
      [0, []],
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it("answers 403 to a leader", async () => {
    const p = await createPersonas();
    expect((await api("GET", "/api/v1/rewards/rules/versions", { cookie: p.leader.cookie })).status).toBe(403);
  });
});

describe("POST /api/v1/rewards/rules/preview", () => {
  it("prices the stated month under the rules in force and under the draft, caps applied, storing nothing", async () => {
    const p = await createPersonas();
    // a daily cap of one vote: of 12 votes over 6 days, 6 pay
    const draft = withRule("vote_cast", { points: 5, dailyCap: 1 });
    const res = await api("POST", "/api/v1/rewards/rules/preview", {
      cookie: p.admin.cookie,
      body: { rules: input(draft) },
    });
    expect(res.status).toBe(200);
    const body = RulesPreviewSchema.parse(await res.json());
    expect(body.month.asn).toMatchObject({ votesCast: 12, voteDays: 6 });
    const asn = (preview: typeof body.current) => preview.profiles.find((x) => x.key === "asn")!.total;
    expect(asn(body.current)).toBe(68);
    expect(asn(body.draft)).toBe(68 - 12 + 6 * 5);
    expect(body.draft.profiles[0]!.lines.find((l) => l.rule === "vote_cast")).toMatchObject({ paid: 6 });
    const versions = await bodyOf(await client(p.admin.cookie).api.v1.rewards.rules.$get(), 200);
    expect(versions.version).toBe(0);
  });

  it("answers 422 for a draft out of bounds, as publishing it would", async () => {
    const p = await createPersonas();
    const rules = input(DEFAULT_RULES.rules) as Record<string, object>;
    rules.idea_approved = { points: 5000, dailyCap: null };
    const res = await api("POST", "/api/v1/rewards/rules/preview", { cookie: p.admin.cookie, body: { rules } });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ path: "json.rules.idea_approved.points" }] });
  });
});
