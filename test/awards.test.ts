/** Recognition: announcing awards, their points, the agency's list, certificates as PDF. */
import { PDFDocument } from "pdf-lib";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { isCanonicalCode } from "../src/domain/certificate";
import { awards } from "../src/db/schema";
import { testDb } from "./fixtures/db";
import { auditRows } from "./fixtures/admin";
import { awardBody, announceAward, type AwardJson } from "./fixtures/awards";
import { createPersonas, createUnit, createUser, signIn, type TestUser } from "./fixtures/builders";
import { bodyOf, byId, client, fieldErrors } from "./fixtures/client";
import { api } from "./fixtures/http";
import { addCoauthor } from "./fixtures/idea-team";
import { insertIdea, openCampaign } from "./fixtures/ideas";
import { badgesOf, expectTotalsMatchLedger, ledgerOf, totalOf } from "./fixtures/rewards";

let p: Awaited<ReturnType<typeof createPersonas>>;

beforeAll(async () => {
  p = await createPersonas();
});

const awardRows = (userId: number) =>
  ledgerOf(userId).then((rows) => rows.filter((r) => r.rule_key === "award_granted"));

async function countAwards(agencyId: number, title: string) {
  return testDb.$count(awards, and(eq(awards.agencyId, agencyId), eq(awards.title, title)));
}

describe("POST /api/v1/awards", () => {
  it("pays each person recipient the bonus once, however often named, and gives a unit a certificate but no points", async () => {
    const author = await createUser(p.unit);
    const colleague = await createUser(p.unit);
    const unit = await createUnit(p.agency, { name: "Dinas Kependudukan dan Pencatatan Sipil" });
    const idea = await insertIdea(await openCampaign(p.agency), author, { status: "implemented" });
    await addCoauthor(idea, colleague);
    const body = awardBody(
      { userIds: [author.id, author.id], ideaTeamOf: idea.id, unitIds: [unit.id] },
      { bonusPoints: 150 },
    );

    const award = await bodyOf(await client(p.leader.cookie).api.v1.awards.$post({ json: body }), 201);
    expect(award).toMatchObject({ title: body.title, bonusPoints: 150, announcedBy: { id: p.leader.user.id } });
    expect(award.recipients.map((r) => [r.kind, r.user?.id ?? null, r.unit.id])).toEqual([
      ["person", author.id, p.unit.id],
      ["person", colleague.id, p.unit.id],
      ["unit", null, unit.id],
    ]);
    expect(award.ideas).toEqual([{ id: idea.id, title: expect.any(String) }]);
    const codes = award.recipients.map((r) => r.certificateCode!);
    expect(codes.every(isCanonicalCode)).toBe(true);
    expect(new Set(codes).size).toBe(3);

    for (const person of [author, colleague]) {
      const rows = await awardRows(person.id);
      expect(rows.map((r) => [r.idempotency_key, r.points, r.subject_type, r.subject_id])).toEqual([
        [`award:${award.id}:award_granted:user:${person.id}`, 150, "award", award.id],
      ]);
      expect(await totalOf(p.agency.id, "user", person.id)).toBe(150);
      expect(await badgesOf(person.id)).toContain("penerima_penghargaan");
    }
    // a unit earns no points of its own: its total is its members' sum
    expect(await totalOf(p.agency.id, "unit", unit.id)).toBe(0);
    await expectTotalsMatchLedger(p.agency.id);

    const audit = (await auditRows(p.agency.id, "award.announce")).filter((a) => a.subject_id === award.id);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({
      title: body.title,
      bonusPoints: 150,
      userIds: [author.id, colleague.id],
      unitIds: [unit.id],
    });
  });

  it("answers 409 award.already_announced to a retry and pays nobody twice", async () => {
    const winner = await createUser(p.unit);
    const body = awardBody({ userIds: [winner.id] });
    await announceAward(p.leader.cookie, body);

    const retry = await api("POST", "/api/v1/awards", { cookie: p.leader.cookie, body });
    expect(retry.status).toBe(409);
    expect(await retry.json()).toMatchObject({ code: "award.already_announced" });
    expect(await countAwards(p.agency.id, body.title)).toBe(1);
    expect((await awardRows(winner.id)).map((r) => r.points)).toEqual([150]);
    expect(await totalOf(p.agency.id, "user", winner.id)).toBe(150);
    await expectTotalsMatchLedger(p.agency.id);
  });

  it("announces with no points at all when the bonus is 0", async () => {
    const winner = await createUser(p.unit);
    const award = await announceAward(p.leader.cookie, awardBody({ userIds: [winner.id] }, { bonusPoints: 0 }));
    expect(award.bonusPoints).toBe(0);
    expect(await awardRows(winner.id)).toEqual([]);
  });

  it.each(["asn", "reviewer", "admin", "superadmin"] as const)(
    "answers 403 to %s, who is not a leader",
    async (who) => {
      const winner = await createUser(p.unit);
      const body = awardBody({ userIds: [winner.id] });
      const res = await api("POST", "/api/v1/awards", { cookie: p[who].cookie, body });
      expect(res.status).toBe(403);
      expect(await countAwards(p.agency.id, body.title)).toBe(0);
    },
  );

  it("answers 422 for people, units and ideas of another agency, and writes nothing", async () => {
    const stranger = await createUser(p.otherUnit);
    const theirIdea = await insertIdea(await openCampaign(p.otherAgency), stranger);
    const body = awardBody(
      { userIds: [stranger.id], unitIds: [p.otherUnit.id], ideaTeamOf: theirIdea.id },
      { ideaIds: [theirIdea.id] },
    );
    const res = await api("POST", "/api/v1/awards", { cookie: p.leader.cookie, body });
    expect((await fieldErrors(res)).map((e) => [e.path, e.code])).toEqual([
      ["json.recipients.userIds.0", "award.recipient_unknown"],
      ["json.recipients.unitIds.0", "award.unit_unknown"],
      ["json.recipients.ideaTeamOf", "award.idea_unknown"],
      ["json.ideaIds.0", "award.idea_unknown"],
    ]);
    expect(await countAwards(p.agency.id, body.title)).toBe(0);
    expect(await awardRows(stranger.id)).toEqual([]);
  });

  it("answers 422 for a deactivated person, a draft idea, the leader themself and an award without recipients", async () => {
    const gone = await createUser(p.unit, { active: false });
    const draft = await insertIdea(await openCampaign(p.agency), p.asn.user, { status: "draft" });
    const cases: [Parameters<typeof awardBody>, string, string][] = [
      [[{ userIds: [gone.id] }], "json.recipients.userIds.0", "award.recipient_inactive"],
      [[{ userIds: [p.asn.user.id] }, { ideaIds: [draft.id] }], "json.ideaIds.0", "award.idea_unknown"],
      [[{ userIds: [p.leader.user.id] }], "json.recipients.userIds.0", "award.self_award"],
      [[{}], "json.recipients", "award.no_recipient"],
    ];
    for (const [args, path, code] of cases) {
      const res = await api("POST", "/api/v1/awards", { cookie: p.leader.cookie, body: awardBody(...args) });
      expect(await fieldErrors(res)).toEqual([{ path, code }]);
    }
  });

  it("refuses fields it does not know and a bonus above 1000 (422)", async () => {
    for (const body of [
      { ...awardBody({ userIds: [p.asn.user.id] }), agencyId: p.otherAgency.id },
      awardBody({ userIds: [p.asn.user.id] }, { bonusPoints: 1001 }),
      awardBody({ userIds: [p.asn.user.id] }, { bonusPoints: 1.5 }),
    ]) {
      const res = await api("POST", "/api/v1/awards", { cookie: p.leader.cookie, body });
      expect(res.status).toBe(422);
    }
  });
});

describe("GET /api/v1/awards", () => {
  it("lists the agency's awards newest first, page by page, with codes only for whoever may download them", async () => {
    const agency = await createPersonas();
    const winner = await createUser(agency.unit);
    const first = await announceAward(agency.leader.cookie, awardBody({ userIds: [winner.id] }));
    const second = await announceAward(agency.leader.cookie, awardBody({ userIds: [winner.id] }));
    const third = await announceAward(agency.leader.cookie, awardBody({ unitIds: [agency.unit.id] }));

    const list = client(agency.asn.cookie).api.v1.awards;
    const body1 = await bodyOf(await list.$get({ query: { limit: "2" } }), 200);
    expect(body1.items.map((a) => a.id)).toEqual([third.id, second.id]);
    const body2 = await bodyOf(await list.$get({ query: { limit: "2", cursor: body1.nextCursor! } }), 200);
    expect(body2.items.map((a) => a.id)).toEqual([first.id]);
    expect(body2.nextCursor).toBeNull();
    // a colleague sees who won, not the codes
    expect(body1.items.flatMap((a) => a.recipients.map((r) => r.certificateCode))).toEqual([null, null]);

    const asWinner = await bodyOf(await client(await signIn(winner)).api.v1.awards[":id"].$get(byId(first.id)), 200);
    expect(asWinner.recipients[0]).toMatchObject({ canDownloadCertificate: true, certificateCode: expect.any(String) });
    const asAdmin = await bodyOf(await client(agency.admin.cookie).api.v1.awards[":id"].$get(byId(third.id)), 200);
    expect(asAdmin.recipients[0]).toMatchObject({ kind: "unit", canDownloadCertificate: true });
  });

  it("answers 404 for another agency's award", async () => {
    const award = await announceAward(p.leader.cookie, awardBody({ userIds: [p.asn.user.id] }));
    const res = await api("GET", `/api/v1/awards/${award.id}`, { cookie: p.otherAdmin.cookie });
    expect(res.status).toBe(404);
  });
});

describe("GET /api/v1/awards/{id}/certificates/{recipientId}.pdf", () => {
  let winner: TestUser;
  let award: AwardJson;

  beforeAll(async () => {
    winner = await createUser(p.unit, { name: "Dewi Anggraini Sembiring" });
    award = await announceAward(
      p.leader.cookie,
      awardBody({ userIds: [winner.id], unitIds: [p.unit.id] }, { citation: "Atas inovasi ".repeat(38).trim() }),
    );
  });

  const pathOf = (recipient: number) => `/api/v1/awards/${award.id}/certificates/${recipient}.pdf`;

  it("gives the recipient an A4 landscape PDF of one page that names them", async () => {
    const [person] = award.recipients;
    const res = await api("GET", pathOf(person!.id), { cookie: await signIn(winner) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="piagam-${person!.certificateCode}.pdf"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");

    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect(width).toBeCloseTo(841.89, 2);
    expect(height).toBeCloseTo(595.28, 2);
    expect(pdf.getTitle()).toContain("Dewi Anggraini Sembiring");
    expect(pdf.getKeywords()).toBe(person!.certificateCode);
  });

  it("lets the agency's leaders and admins download any certificate of it, a unit's too", async () => {
    for (const cookie of [p.leader.cookie, p.admin.cookie]) {
      for (const recipient of award.recipients) {
        const res = await api("GET", pathOf(recipient.id), { cookie });
        expect(res.status).toBe(200);
        expect((await PDFDocument.load(await res.arrayBuffer())).getPageCount()).toBe(1);
      }
    }
  });

  it("answers 403 to a colleague, 404 to another agency and to an unknown recipient, 401 to nobody", async () => {
    const [person] = award.recipients;
    expect((await api("GET", pathOf(person!.id), { cookie: p.asn.cookie })).status).toBe(403);
    expect((await api("GET", pathOf(person!.id), { cookie: p.otherAdmin.cookie })).status).toBe(404);
    expect((await api("GET", pathOf(person!.id + 100_000), { cookie: p.leader.cookie })).status).toBe(404);
    expect((await api("GET", pathOf(person!.id))).status).toBe(401);
    expect(
      (await api("GET", `/api/v1/awards/${award.id}/certificates/x.pdf`, { cookie: p.leader.cookie })).status,
    ).toBe(404);
  });
});
