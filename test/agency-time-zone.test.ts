/**
 * An agency's days follow its own clock: the same instant, 23:30 WIB on New Year's Eve, is still
 * the old year for a Jakarta agency and already the new day, month and year for agencies in
 * Makassar (00:30 WITA) and Jayapura (01:30 WIT) — for the ledger's day, the period totals,
 * "today" of the daily caps and the CSV exports.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TimeZone } from "../src/domain/time-zone";
import { campaigns } from "../src/db/schema";
import { testDb } from "./fixtures/db";
import { createAgency, createUnit, createUser, signIn } from "./fixtures/builders";
import { bodyOf, client } from "./fixtures/client";
import { api } from "./fixtures/http";
import { insertIdea, openCampaign } from "./fixtures/ideas";
import { ledgerOf, totalOf } from "./fixtures/rewards";

const NEW_YEARS_EVE_2330_WIB = Date.parse("2026-12-31T16:30:00Z");

/** An ASN who votes for a colleague's idea at the given instant, in an agency of the given zone. */
async function voteAt(zone: TimeZone, at: number) {
  const agency = await createAgency(`Pemerintah Kota ${zone}`, zone);
  const unit = await createUnit(agency);
  const [author, voter, admin] = await Promise.all([
    createUser(unit),
    createUser(unit),
    createUser(unit, { roles: ["admin"] }),
  ]);
  const idea = await insertIdea(await openCampaign(agency), author, { submittedAt: at - 3_600_000 });
  vi.setSystemTime(at);
  const cookie = await signIn(voter);
  expect((await api("PUT", `/api/v1/ideas/${idea.id}/vote`, { cookie })).status).toBe(200);
  return { agency, voter, author, admin: { user: admin, cookie: await signIn(admin) } };
}

describe("an agency's clock", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date"] }));
  afterEach(() => vi.useRealTimers());

  it.each([
    ["Asia/Jakarta", "2026-12-31", "2026-12", "2026"],
    ["Asia/Makassar", "2027-01-01", "2027-01", "2027"],
    ["Asia/Jayapura", "2027-01-01", "2027-01", "2027"],
  ] as const)(
    "counts a vote at 23:30 WIB for the day, month and year of an agency in %s",
    async (zone, day, month, year) => {
      const { agency, voter, author } = await voteAt(zone, NEW_YEARS_EVE_2330_WIB);
      const [cast] = await ledgerOf(voter.id);
      expect(cast).toMatchObject({ rule_key: "vote_cast", day });
      expect((await ledgerOf(author.id))[0]).toMatchObject({ rule_key: "vote_received", day });
      for (const period of [month, year, `${year}-Q${month.endsWith("-01") ? 1 : 4}`]) {
        expect(await totalOf(agency.id, "user", voter.id, period)).toBe(1);
      }
    },
  );

  it("tells the points of this month on the agency's clock (GET /rewards/me)", async () => {
    const { voter } = await voteAt("Asia/Makassar", NEW_YEARS_EVE_2330_WIB);
    const body = await bodyOf(await client(await signIn(voter)).api.v1.rewards.me.$get(), 200);
    expect(body.periods).toMatchObject({ month: "2027-01", year: "2027" });
    expect(body.points.month).toBe(1);
  });

  it("starts a new day for the daily cap at the agency's midnight, not Jakarta's", async () => {
    // ten votes cast late on the 31st (WITA) fill the cap; at 00:30 WITA the eleventh pays again
    const agency = await createAgency("Pemerintah Kota Makassar", "Asia/Makassar");
    const unit = await createUnit(agency);
    const [author, voter] = await Promise.all([createUser(unit), createUser(unit)]);
    const campaign = await openCampaign(agency);
    await testDb.update(campaigns).set({ voteBudget: 20 }).where(eq(campaigns.id, campaign.id));
    const ideas = await Promise.all(
      Array.from({ length: 11 }, () =>
        insertIdea(campaign, author, { submittedAt: NEW_YEARS_EVE_2330_WIB - 86_400_000 }),
      ),
    );
    const beforeMidnightWita = NEW_YEARS_EVE_2330_WIB - 3_600_000; // 23:30 WITA
    vi.setSystemTime(beforeMidnightWita);
    const cookie = await signIn(voter);
    for (const idea of ideas.slice(0, 10)) {
      expect((await api("PUT", `/api/v1/ideas/${idea.id}/vote`, { cookie })).status).toBe(200);
    }
    vi.setSystemTime(NEW_YEARS_EVE_2330_WIB); // 00:30 WITA, still 23:30 the same day in Jakarta
    expect((await api("PUT", `/api/v1/ideas/${ideas[10]!.id}/vote`, { cookie })).status).toBe(200);
    const cast = (await ledgerOf(voter.id)).filter((r) => r.rule_key === "vote_cast");
    expect(cast.map((r) => r.day)).toEqual([...Array(10).fill("2026-12-31"), "2027-01-01"]);
  });

  it("names the ledger CSV by the agency's day and writes its times on the agency's clock", async () => {
    const { admin } = await voteAt("Asia/Jayapura", NEW_YEARS_EVE_2330_WIB);
    const res = await api("GET", "/api/v1/exports/ledger.csv", { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/buku-poin-uji-\d+-2027-01-01\.csv/);
    expect(await res.text()).toContain("2027-01-01 01:30");
  });
});
