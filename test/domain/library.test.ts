/**
 * The replication points rule (docs/replication.md): the parent earns the rule's points, each
 * further ancestor half the one below, rounded down, never less than 1 — as examples and as
 * properties over any points and depth, and through the reward engine.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineagePoints, replicationPayees } from "../../src/domain/library";
import { parseRules } from "../../src/domain/reward-rules";
import { reward, type Person } from "../../src/domain/rewards";

describe("lineagePoints", () => {
  it("pays the parent in full and halves per further generation, rounded down, down to 1", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((g) => lineagePoints(40, g))).toEqual([40, 20, 10, 5, 2, 1, 1]);
    expect(lineagePoints(1, 9)).toBe(1);
  });

  it("pays nobody when the rule is worth 0", () => {
    expect(lineagePoints(0, 1)).toBe(0);
  });

  it("holds its rule for any points and generation", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 60 }), (points, g) => {
        const here = lineagePoints(points, g);
        expect(lineagePoints(points, 1)).toBe(points);
        expect(here).toBeGreaterThanOrEqual(1);
        expect(here).toBeLessThanOrEqual(points);
        // each generation is half the one below it, rounded down, and never below 1
        expect(lineagePoints(points, g + 1)).toBe(Math.max(1, Math.floor(here / 2)));
      }),
    );
  });
});

describe("replicationPayees", () => {
  const lineage = fc.array(
    fc.record({
      ideaId: fc.integer({ min: 1, max: 1000 }),
      agencyId: fc.integer({ min: 1, max: 4 }),
      team: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }),
    }),
    { maxLength: 8 },
  );

  it("pays each person of another agency's ancestor once, at their nearest generation", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 4 }), lineage, (points, home, chain) => {
        const paid = replicationPayees(points, home, chain);
        const users = paid.map((p) => p.userId);
        expect(new Set(users).size).toBe(users.length);
        for (const p of paid) {
          const nearest = chain.findIndex((a) => a.agencyId !== home && a.team.includes(p.userId));
          expect(p.generation).toBe(nearest + 1);
          expect(p.points).toBe(lineagePoints(points, p.generation));
          expect(chain[nearest]!.ideaId).toBe(p.ideaId);
        }
        const everyone = new Set(chain.filter((a) => a.agencyId !== home).flatMap((a) => a.team));
        expect(new Set(users)).toEqual(everyone);
      }),
    );
  });
});

describe("reward for a replica of a replica", () => {
  const at = Date.parse("2026-11-23T03:00:00Z");
  const person = (userId: number, agencyId: number): Person => ({
    userId,
    agencyId,
    unitId: agencyId * 10,
    total: 0,
    badges: [],
  });

  it("credits the parent's team and the grandparent's team, with keys that never pay twice", () => {
    const rules = parseRules(2, JSON.stringify({ idea_replicated: { points: 30 } }));
    const state = {
      people: [person(1, 3), person(2, 2), person(3, 1)],
      team: [1],
      lineage: [
        { ideaId: 20, agencyId: 2, team: [2] },
        { ideaId: 10, agencyId: 1, team: [3] },
      ],
      causeRows: [],
      timeZone: "Asia/Jakarta" as const,
    };
    const out = reward({ type: "idea_submitted", ideaId: 30, agencyId: 3, actorId: 1, at }, state, rules);
    expect(out.ledger.map((r) => [r.userId, r.ruleKey, r.points, r.subjectId, r.agencyId])).toEqual([
      [1, "idea_submitted", rules.rules.idea_submitted.points, 30, 3],
      [2, "idea_replicated", 30, 20, 2],
      [3, "idea_replicated", 15, 10, 1],
    ]);
    expect(new Set(out.ledger.map((r) => r.idempotencyKey)).size).toBe(3);
    expect(out.badges.filter((b) => b.badgeKey === "direplikasi").map((b) => b.userId)).toEqual([2, 3]);
  });
});
