/** The demo's awards: one per pilot agency, verifiable by the code the README prints, on a public Hall of Fame. */
import { PDFDocument } from "pdf-lib";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agencies, auditLog, awardIdeas, awardRecipients, awards, pointLedger, users } from "../src/db/schema";
import { AWARDS } from "../scripts/seed/awards-data";
import { DEMO_PASSWORD } from "../scripts/seed/organisation-data";
import { testDb } from "./fixtures/db";
import { applyDemoSeed } from "./fixtures/demo";
import { bodyOf, client } from "./fixtures/client";
import { api } from "./fixtures/http";

/** Binjai's "Inovator Terbaik KIPP 2026" to Dewi Anggraini Sembiring, as the README names it. */
const README_CODE = "GGS-8QRP-PEZ9-7N6A-SDK8-J9HF-QHWK-BYGG";
const DEWI = "199104172015032001";

beforeAll(async () => {
  await applyDemoSeed();
});

describe("the demo's awards", () => {
  it("give every pilot agency one announced award, signed by its leader, with certificates and a linked idea", async () => {
    const rows = await testDb
      .select({
        slug: agencies.slug,
        title: awards.title,
        signer_roles: users.roles,
        recipients: testDb.$count(awardRecipients, eq(awardRecipients.awardId, awards.id)),
        ideas: testDb.$count(awardIdeas, eq(awardIdeas.awardId, awards.id)),
      })
      .from(awards)
      .innerJoin(agencies, eq(agencies.id, awards.agencyId))
      .innerJoin(users, eq(users.id, awards.announcedBy))
      .orderBy(asc(agencies.slug));
    expect(rows.map((r) => r.slug)).toEqual([...AWARDS.map((a) => a.agency)].sort());
    for (const r of rows) {
      expect(String(r.signer_roles)).toContain("leader");
      expect(r.ideas).toBe(1);
      expect(Number(r.recipients)).toBeGreaterThanOrEqual(1);
    }
  });

  it("verify the README's code publicly, naming Dewi and nothing more", async () => {
    const res = await api("GET", `/api/v1/certificates/${README_CODE}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      valid: true,
      code: README_CODE,
      award: { title: "Inovator Terbaik KIPP 2026", periodLabel: "2026" },
      recipient: { name: "Dewi Anggraini Sembiring" },
      agency: { name: "Pemerintah Kota Binjai" },
    });
  });

  it("pay the bonus to the person recipients and show on Binjai's public Hall of Fame", async () => {
    const [paid] = await testDb
      .select({ points: pointLedger.points })
      .from(pointLedger)
      .innerJoin(users, eq(users.id, pointLedger.userId))
      .where(and(eq(users.nip, DEWI), eq(pointLedger.ruleKey, "award_granted")));
    expect(paid).toEqual({ points: 200 });
    const hall = await bodyOf(
      await client().api.v1["hall-of-fame"][":agencySlug"].$get({ param: { agencySlug: "binjai" }, query: {} }),
      200,
    );
    expect(hall.items[0]!.title).toBe("Inovator Terbaik KIPP 2026");
    expect(hall.items[0]!.recipients.map((r) => r.name)).toEqual([
      "Dewi Anggraini Sembiring",
      "Dinas Kependudukan dan Pencatatan Sipil",
    ]);
  });

  it("let Dewi download her certificate", async () => {
    const login = await api("POST", "/api/v1/auth/login", { body: { identifier: DEWI, password: DEMO_PASSWORD } });
    const cookie = /(__Host-gagas_session=[^;]+)/.exec(login.headers.get("set-cookie") ?? "")![1]!;
    const list = await bodyOf(await client(cookie).api.v1.awards.$get({ query: {} }), 200);
    const award = list.items[0]!;
    const mine = award.recipients.find((r) => r.certificateCode === README_CODE)!;
    const res = await api("GET", `/api/v1/awards/${award.id}/certificates/${mine.id}.pdf`, { cookie });
    expect(res.status).toBe(200);
    expect((await PDFDocument.load(await res.arrayBuffer())).getPageCount()).toBe(1);
  });

  it("add nothing when the seed runs again", async () => {
    const count = async () => ({
      awards: await testDb.$count(awards),
      recipients: await testDb.$count(awardRecipients),
      ideas: await testDb.$count(awardIdeas),
      audit: await testDb.$count(auditLog, eq(auditLog.action, "award.announce")),
    });
    const before = await count();
    await applyDemoSeed();
    expect(await count()).toEqual(before);
  });
});
