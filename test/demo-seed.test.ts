/** The demo is what newcomers see first: every printed account works, and a rerun adds nothing. */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { AGENCIES, DEMO_PASSWORD } from "../scripts/seed/organisation-data";
import { AUDIT_ACTIONS, AUDIT_SUBJECTS } from "../src/domain/audit-actions";
import { applyDemoSeed } from "./fixtures/demo";
import { api } from "./fixtures/http";

const COUNTED = [
  "agencies",
  "units",
  "users",
  "campaigns",
  "ideas",
  "idea_events",
  "votes",
  "comments",
  "point_ledger",
  "campaign_members",
];

async function counts() {
  const rows = await env.DB.batch(COUNTED.map((t) => env.DB.prepare(`SELECT count(*) AS n FROM ${t}`)));
  return Object.fromEntries(COUNTED.map((t, i) => [t, (rows[i]!.results[0] as { n: number }).n]));
}

beforeAll(async () => {
  await applyDemoSeed();
});

describe("the demo seed", () => {
  it("writes only audit actions and subjects the audit page can name", async () => {
    const { results } = await env.DB.prepare("SELECT DISTINCT action, subject_type FROM audit_log").all<{
      action: string;
      subject_type: string;
    }>();
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
    const statuses = await env.DB.prepare("SELECT DISTINCT status FROM ideas ORDER BY status").all<{
      status: string;
    }>();
    expect(statuses.results.map((r) => r.status)).toEqual([
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
    const withoutHistory = await env.DB.prepare(
      "SELECT count(*) AS n FROM ideas i WHERE NOT EXISTS (SELECT 1 FROM idea_events e WHERE e.idea_id = i.id)",
    ).first<{ n: number }>();
    expect(withoutHistory?.n).toBe(0);
  });
});
