/** The demo is what newcomers see first: every printed account works, and a rerun adds nothing. */
import { asc, count, eq, notExists, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { AGENCIES, DEMO_PASSWORD } from "../scripts/seed/organisation-data";
import {
  agencies,
  auditLog,
  campaignMembers,
  campaigns,
  comments,
  ideaEvents,
  ideas,
  pointLedger,
  units,
  users,
  votes,
} from "../src/db/schema";
import { AUDIT_ACTIONS, AUDIT_SUBJECTS } from "../src/domain/audit-actions";
import { testDb } from "./fixtures/db";
import { applyDemoSeed } from "./fixtures/demo";
import { api } from "./fixtures/http";

const COUNTED = {
  agencies,
  units,
  users,
  campaigns,
  ideas,
  ideaEvents,
  votes,
  comments,
  pointLedger,
  campaignMembers,
};

async function counts() {
  const entries = Object.entries(COUNTED);
  const [first, ...rest] = entries.map(([, table]) => testDb.select({ n: count() }).from(table));
  const rows = await testDb.batch([first!, ...rest]);
  return Object.fromEntries(entries.map(([name], i) => [name, rows[i]![0]!.n]));
}

beforeAll(async () => {
  await applyDemoSeed();
});

describe("the demo seed", () => {
  it("writes only audit actions and subjects the audit page can name", async () => {
    const results = await testDb
      .selectDistinct({ action: auditLog.action, subject_type: auditLog.subjectType })
      .from(auditLog);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(AUDIT_ACTIONS).toContain(r.action);
      expect(AUDIT_SUBJECTS).toContain(r.subject_type);
    }
  });

  it.each(AGENCIES.flatMap((a) => a.users.map((u) => [a.slug, u.roles.join("+"), u.nip] as const)))(
    "%s %s %s signs in with the printed demo password",
    async (_agency, _roles, nip) => {
      const res = await api("POST", "/api/v1/auth/login", { body: { identifier: nip, password: DEMO_PASSWORD } });
      expect(res.status).toBe(200);
    },
  );

  it("adds nothing when applied a second time", async () => {
    const before = await counts();
    await applyDemoSeed();
    expect(await counts()).toEqual(before);
  });

  it("has ideas in every status of the workflow, each with its history", async () => {
    const statuses = await testDb.selectDistinct({ status: ideas.status }).from(ideas).orderBy(asc(ideas.status));
    expect(statuses.map((r) => r.status)).toEqual([
      "approved",
      "draft",
      "implemented",
      "in_review",
      "merged",
      "rejected",
      "shortlisted",
      "submitted",
      "withdrawn",
    ]);
    const history = testDb
      .select({ one: sql`1` })
      .from(ideaEvents)
      .where(eq(ideaEvents.ideaId, ideas.id));
    expect(await testDb.$count(ideas, notExists(history))).toBe(0);
  });
});
