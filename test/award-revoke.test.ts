/** Revoking an award: who may, what it takes back (points, certificates, the Hall of Fame) and that it is one step. */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { awards, notifications } from "../src/db/schema";
import { bodyOf, byId, client, codeOf, fieldErrors } from "./fixtures/client";
import { auditRows } from "./fixtures/admin";
import { awardBody, announceAward, setHallOfFamePublic, type AwardJson } from "./fixtures/awards";
import { createAgency, createPersonas, createUnit, createUser, signIn, type TestUser } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import { expectTotalsMatchLedger, ledgerOf, totalOf } from "./fixtures/rewards";

let p: Awaited<ReturnType<typeof createPersonas>>;

beforeAll(async () => {
  p = await createPersonas();
});

const REASON = "Data capaian yang diajukan ternyata keliru.";
const revoke = (cookie: string, awardId: number, reason = REASON) =>
  client(cookie).api.v1.awards[":id"].revoke.$post({ ...byId(awardId), json: { reason } });
const verification = async (code: string) =>
  bodyOf(await client().api.v1.certificates[":code"].$get({ param: { code } }), 200);

async function announcedTo(...people: TestUser[]) {
  return announceAward(p.leader.cookie, awardBody({ userIds: people.map((u) => u.id) }, { bonusPoints: 120 }));
}

async function notificationsOf(userId: number, kind: string) {
  const results = await testDb
    .select({ payload: notifications.payload })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
  return results.map((r) => JSON.parse(r.payload) as Record<string, unknown>);
}

/** What a revocation writes, for the award and one of its people. */
async function footprint(award: AwardJson, person: TestUser) {
  const row = await testDb
    .select({ revokedAt: awards.revokedAt, revokedBy: awards.revokedBy, revocationReason: awards.revocationReason })
    .from(awards)
    .where(eq(awards.id, award.id))
    .get();
  return {
    row,
    ledger: (await ledgerOf(person.id)).length,
    total: await totalOf(p.agency.id, "user", person.id),
    notices: (await notificationsOf(person.id, "award_revoked")).length,
    audit: (await auditRows(p.agency.id)).filter((r) => r.action === "award.revoke" && r.subject_id === award.id)
      .length,
  };
}

describe("POST /api/v1/awards/{id}/revoke", () => {
  it("reverses each person's bonus with a negative ledger row, tells them why and audits it", async () => {
    const first = await createUser(p.unit);
    const second = await createUser(p.unit);
    const award = await announcedTo(first, second);
    expect(await totalOf(p.agency.id, "user", first.id)).toBe(120);

    const res = await revoke(p.leader.cookie, award.id);
    expect((await bodyOf(res, 200)).revoked).toMatchObject({
      by: { id: p.leader.user.id },
      reason: REASON,
    });
    for (const person of [first, second]) {
      const rows = (await ledgerOf(person.id)).filter((r) => r.subject_type === "award" && r.subject_id === award.id);
      // the grant stays on the ledger; the reversal is a new row that cancels it exactly
      expect(rows.map((r) => [r.points, r.event_type])).toEqual([
        [120, "award_granted"],
        [-120, "award_revoked"],
      ]);
      expect(rows[1]!.day).toBe(rows[0]!.day);
      expect(await totalOf(p.agency.id, "user", person.id)).toBe(0);
      expect(await notificationsOf(person.id, "award_revoked")).toEqual([
        { awardId: award.id, title: award.title, reason: REASON },
      ]);
    }
    await expectTotalsMatchLedger(p.agency.id);
    const audit = (await auditRows(p.agency.id, "award.revoke")).filter((r) => r.subject_id === award.id);
    expect(audit).toEqual([expect.objectContaining({ actor_id: p.leader.user.id, subject_id: award.id })]);
  });

  it("answers 409 award.already_revoked to a second revoke and takes nothing back twice", async () => {
    const person = await createUser(p.unit);
    const award = await announcedTo(person);
    expect((await revoke(p.leader.cookie, award.id)).status).toBe(200);
    const before = await footprint(award, person);
    const again = await revoke(p.leader.cookie, award.id, "Alasan lain untuk kedua kalinya.");
    expect(again.status).toBe(409);
    expect(await codeOf(again)).toBe("award.already_revoked");
    expect(await footprint(award, person)).toEqual(before);
    expect(before.total).toBe(0);
  });

  it("writes nothing at all when a statement of its batch fails", async () => {
    const person = await createUser(p.unit);
    const award = await announcedTo(person);
    const before = await footprint(award, person);
    // raw D1 on purpose: a trigger is DDL, which drizzle's builders do not write
    await env.DB.prepare(
      `CREATE TRIGGER revoke_fault BEFORE INSERT ON audit_log WHEN NEW.action = 'award.revoke' AND NEW.subject_id = ${award.id}
       BEGIN SELECT RAISE(ABORT, 'simulated fault'); END`,
    ).run();
    try {
      expect((await revoke(p.leader.cookie, award.id)).status).toBe(500);
    } finally {
      await env.DB.prepare("DROP TRIGGER revoke_fault").run();
    }
    expect(await footprint(award, person)).toEqual(before);
    expect(before.total).toBe(120);
    expect(before.row).toEqual({ revokedAt: null, revokedBy: null, revocationReason: null });
  });

  it("answers 403 to the recipient and to an admin, 404 to another agency's leader, 401 to nobody", async () => {
    const person = await createUser(p.unit);
    const award = await announcedTo(person);
    expect((await revoke(await signIn(person), award.id)).status).toBe(403);
    expect((await revoke(p.admin.cookie, award.id)).status).toBe(403);
    const otherLeader = await createUser(await createUnit(await createAgency("Pemerintah Kota Lain")), {
      roles: ["asn", "leader"],
    });
    expect((await revoke(await signIn(otherLeader), award.id)).status).toBe(404);
    expect((await api("POST", `/api/v1/awards/${award.id}/revoke`, { body: { reason: REASON } })).status).toBe(401);
    expect((await footprint(award, person)).row).toMatchObject({ revokedAt: null });
  });

  it("answers 422 for a reason shorter than five characters", async () => {
    const award = await announcedTo(await createUser(p.unit));
    const res = await revoke(p.leader.cookie, award.id, "no");
    expect((await fieldErrors(res)).map((e) => e.path)).toEqual(["json.reason"]);
  });
});

describe("a revoked award, afterwards", () => {
  it("verifies as revoked, no longer downloads, and leaves the public Hall of Fame", async () => {
    const agency = await createAgency("Pemerintah Kota Pencabutan");
    await setHallOfFamePublic(agency, true);
    const realUnit = await createUnit(agency);
    const leader = await createUser(realUnit, { roles: ["asn", "leader"] });
    const person = await createUser(realUnit);
    const leaderCookie = await signIn(leader);
    const kept = await announceAward(leaderCookie, awardBody({ userIds: [person.id] }));
    const award = await announceAward(leaderCookie, awardBody({ userIds: [person.id] }));
    const code = award.recipients[0]!.certificateCode!;

    const verifyBefore = await verification(code);
    expect(verifyBefore).toMatchObject({ valid: true, revokedAt: null });
    expect((await revoke(leaderCookie, award.id)).status).toBe(200);

    const verify = await verification(code);
    expect(verify).toMatchObject({ valid: false, code, award: { title: award.title } });
    expect(typeof verify.revokedAt).toBe("string");
    const pdf = await api("GET", `/api/v1/awards/${award.id}/certificates/${award.recipients[0]!.id}.pdf`, {
      cookie: await signIn(person),
    });
    expect(pdf.status).toBe(409);
    expect(await codeOf(pdf)).toBe("award.revoked");
    const hall = await bodyOf(
      await client().api.v1["hall-of-fame"][":agencySlug"].$get({ param: { agencySlug: agency.slug }, query: {} }),
      200,
    );
    expect(hall.items.map((a) => a.id)).toEqual([kept.id]);
    // the agency's own list keeps it, marked revoked
    const list = await bodyOf(await client(leaderCookie).api.v1.awards.$get({ query: {} }), 200);
    expect(list.items.find((a) => a.id === award.id)?.revoked).toMatchObject({ reason: REASON });
    expect(list.items.find((a) => a.id === kept.id)?.revoked).toBeNull();
  });
});
