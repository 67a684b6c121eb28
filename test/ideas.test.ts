import { countDistinct, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ideas as ideaRows, votes } from "../src/db/schema";
import { createPersonas, createUnit, createUser, signIn } from "./fixtures/builders";
import { bodyOf, byId, client, fieldErrors } from "./fixtures/client";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import {
  COMPLETE_IDEA,
  competition,
  insertIdea,
  insertVote,
  openCampaign,
  seatOnCommittee,
  transition,
} from "./fixtures/ideas";

let p: Awaited<ReturnType<typeof createPersonas>>;
beforeAll(async () => {
  p = await createPersonas();
  await openCampaign(p.agency);
});

const ideas = (cookie: string) => client(cookie).api.v1.ideas;
type NewIdea = Parameters<ReturnType<typeof ideas>["$post"]>[0]["json"];
type Step = Parameters<ReturnType<typeof ideas>[":id"]["transitions"]["$post"]>[0]["json"];

const createIdea = (cookie: string, body: Partial<NewIdea> = {}) =>
  ideas(cookie).$post({ json: { ...COMPLETE_IDEA, ...body } });
/** A new draft, as its author sees it. */
const draft = async (cookie: string, body: Partial<NewIdea> = {}) => bodyOf(await createIdea(cookie, body), 201);
const ideaOf = async (cookie: string, id: number) => bodyOf(await ideas(cookie)[":id"].$get(byId(id)), 200);
/** A workflow step through the typed client; the answer is the idea after it. */
const step = (cookie: string, id: number, action: Step["action"], reason?: string) =>
  ideas(cookie)[":id"].transitions.$post({ ...byId(id), json: { action, ...(reason ? { reason } : {}) } });

describe("POST /api/v1/ideas", () => {
  it("starts a draft in the agency's Kotak Ide with the author on the team and a history row", async () => {
    const res = await createIdea(p.asn.cookie);
    expect(res.status).toBe(201);
    const idea = await bodyOf(res, 201);
    expect(idea).toMatchObject({ status: "draft", campaign: { kind: "open" } });
    expect(idea.team).toEqual([expect.objectContaining({ userId: p.asn.user.id, role: "author", accepted: true })]);
    expect(idea.events).toEqual([
      expect.objectContaining({
        action: "create",
        fromStatus: null,
        toStatus: "draft",
        actor: expect.objectContaining({ id: p.asn.user.id }),
      }),
    ]);
    expect(idea.viewer.availableActions).toEqual(["submit", "withdraw"]);
  });

  it("invites co-authors, who must accept before they count", async () => {
    const res = await createIdea(p.asn.cookie, { coauthorIds: [p.reviewer.user.id] });
    const idea = await bodyOf(res, 201);
    expect(idea.team).toContainEqual(
      expect.objectContaining({ userId: p.reviewer.user.id, role: "coauthor", accepted: false }),
    );
  });

  it("answers 422 naming each bad reference", async () => {
    const res = await createIdea(p.asn.cookie, {
      campaignId: 999_999,
      unitId: p.otherUnit.id,
      coauthorIds: [p.asn.user.id, p.otherAdmin.user.id],
    });
    expect(res.status).toBe(422);
    const errors = await fieldErrors(res);
    expect(errors.map((e) => `${e.path}:${e.code}`).sort()).toEqual([
      "json.campaignId:idea.campaign_unknown",
      "json.coauthorIds.0:idea.coauthor_self",
      "json.coauthorIds.1:idea.coauthor_unknown",
      "json.unitId:idea.unit_unknown",
    ]);
  });

  it("refuses fields a caller must not set", async () => {
    // not through the typed client: these fields are not in its contract, which is the point
    const res = await api("POST", "/api/v1/ideas", {
      cookie: p.asn.cookie,
      body: { ...COMPLETE_IDEA, status: "approved", voteCount: 99 },
    });
    expect(res.status).toBe(422);
  });
});

describe("drafts", () => {
  it("are seen by their team only: another ASN gets 404 and does not find them in lists", async () => {
    const { id } = await draft(p.asn.cookie, { title: "Draf rahasia pengelolaan arsip" });
    expect((await api("GET", `/api/v1/ideas/${id}`, { cookie: p.reviewer.cookie })).status).toBe(404);
    const list = await bodyOf(await ideas(p.reviewer.cookie).$get({ query: { limit: "100" } }), 200);
    expect(list.items.map((i) => i.id)).not.toContain(id);
    const mine = await bodyOf(await ideas(p.asn.cookie).$get({ query: { mine: "true" } }), 200);
    expect(mine.items.map((i) => i.id)).toContain(id);
  });

  it("autosave: the author edits a draft; an invited co-author who has not accepted may not", async () => {
    const { id } = await draft(p.asn.cookie, { coauthorIds: [p.leader.user.id] });
    const saved = await ideas(p.asn.cookie)[":id"].$patch({
      ...byId(id),
      json: { benefit: "Antrean lebih pendek dan warga puas." },
    });
    expect(saved.status).toBe(200);
    expect((await bodyOf(saved, 200)).benefit).toBe("Antrean lebih pendek dan warga puas.");
    expect(
      (await api("PATCH", `/api/v1/ideas/${id}`, { cookie: p.leader.cookie, body: { title: "Judul baru ide ini" } }))
        .status,
    ).toBe(403);
  });

  it("are the only ideas their authors can edit (409 once submitted)", async () => {
    const { id } = await draft(p.asn.cookie);
    expect((await transition(p.asn.cookie, id, "submit")).status).toBe(200);
    const res = await api("PATCH", `/api/v1/ideas/${id}`, {
      cookie: p.asn.cookie,
      body: { title: "Mengubah setelah diajukan" },
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "idea.not_editable" });
  });
});

describe("POST /api/v1/ideas/{id}/transitions", () => {
  it("submits a complete draft: listed, with its history", async () => {
    const { id } = await draft(p.asn.cookie);
    const res = await step(p.asn.cookie, id, "submit");
    expect(res.status).toBe(200);
    const idea = await bodyOf(res, 200);
    expect(idea.status).toBe("submitted");
    expect(idea.events.map((e) => `${e.action}:${e.toStatus}`)).toEqual(["create:draft", "submit:submitted"]);
    const row = await testDb
      .select({ listed: ideaRows.listed, submittedAt: ideaRows.submittedAt, hot: ideaRows.hot })
      .from(ideaRows)
      .where(eq(ideaRows.id, id))
      .get();
    expect(row?.listed).toBe(true);
    expect(row?.hot).toBeCloseTo(row!.submittedAt! / 1000 / 45000, 6);
  });

  it("answers 422 idea.incomplete naming each field too short to submit", async () => {
    const { id } = await draft(p.asn.cookie, { problem: "Antre lama", solution: "", benefit: "Cepat" });
    const res = await transition(p.asn.cookie, id, "submit");
    expect(res.status).toBe(422);
    const errors = await fieldErrors(res);
    expect(errors.map((e) => e.path)).toEqual(["problem", "solution", "benefit"]);
    expect(errors.every((e) => e.code === "idea.incomplete")).toBe(true);
  });

  it("answers 409 idea.submission_closed outside the campaign's submission phase", async () => {
    const closed = await competition(p.agency, "review");
    const { id } = await draft(p.asn.cookie, { campaignId: closed.id });
    const res = await transition(p.asn.cookie, id, "submit");
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "idea.submission_closed" });
  });

  it("submits during a competition's submission phase", async () => {
    const open = await competition(p.agency, "submission");
    const { id } = await draft(p.asn.cookie, { campaignId: open.id });
    expect((await transition(p.asn.cookie, id, "submit")).status).toBe(200);
  });

  it("requires a reason to withdraw, then unlists the idea", async () => {
    const { id } = await draft(p.asn.cookie);
    await transition(p.asn.cookie, id, "submit");
    const noReason = await transition(p.asn.cookie, id, "withdraw");
    expect(noReason.status).toBe(422);
    expect(await noReason.json()).toMatchObject({
      errors: [{ path: "json.reason", code: "transition.reason_required" }],
    });
    const res = await step(p.asn.cookie, id, "withdraw", "Sudah ada program serupa dari Dinas Kominfo");
    expect((await bodyOf(res, 200)).status).toBe("withdrawn");
  });

  it("lets only a chair decide: 403 for an ASN who is not on the committee", async () => {
    const campaign = await competition(p.agency, "review");
    const idea = await insertIdea(campaign, p.asn.user, { status: "in_review" });
    const res = await transition(p.reviewer.cookie, idea.id, "shortlist");
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "transition.not_permitted" });
  });

  it("refuses to start review of one idea while its campaign is voting, as the campaign-wide start does", async () => {
    const campaign = await competition(p.agency, "voting");
    const chair = await createUser(p.unit, { roles: ["asn", "reviewer"] });
    await seatOnCommittee(campaign, chair, "chair");
    const idea = await insertIdea(campaign, p.asn.user, { status: "submitted" });
    for (const cookie of [p.admin.cookie, await signIn(chair)]) {
      const res = await transition(cookie, idea.id, "start_review");
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ code: "review.voting_open" });
    }
    expect((await ideaOf(p.admin.cookie, idea.id)).status).toBe("submitted");
  });

  it("takes an idea from review to shortlist to approval and implementation, and tells authors why on rejection", async () => {
    const campaign = await competition(p.agency, "review");
    const chair = await createUser(p.unit, { roles: ["asn", "reviewer"] });
    await seatOnCommittee(campaign, chair, "chair");
    const chairCookie = await signIn(chair);
    const winner = await insertIdea(campaign, p.asn.user, { status: "submitted" });
    expect((await transition(p.admin.cookie, winner.id, "start_review")).status).toBe(200);
    expect((await transition(chairCookie, winner.id, "shortlist")).status).toBe(200);
    expect((await transition(chairCookie, winner.id, "approve")).status).toBe(200);
    const implemented = await bodyOf(await step(p.admin.cookie, winner.id, "implement"), 200);
    expect(implemented.status).toBe("implemented");
    expect(implemented.events.map((e) => e.action)).toEqual(["start_review", "shortlist", "approve", "implement"]);

    const loser = await insertIdea(campaign, p.asn.user, { status: "in_review" });
    const rejected = await transition(
      chairCookie,
      loser.id,
      "reject",
      "Belum ada data waktu layanan sebelum dan sesudah.",
    );
    expect(rejected.status).toBe(200);
    const seenByAuthor = await ideaOf(p.asn.cookie, loser.id);
    expect(seenByAuthor).toMatchObject({
      status: "rejected",
      decisionReason: "Belum ada data waktu layanan sebelum dan sesudah.",
    });
  });

  it("answers 409 transition.invalid_from_status for a step the status does not allow", async () => {
    const campaign = await competition(p.agency, "review");
    const idea = await insertIdea(campaign, p.asn.user, { status: "submitted" });
    const res = await transition(p.admin.cookie, idea.id, "implement");
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "transition.invalid_from_status" });
  });

  it("answers 404 for another agency's idea", async () => {
    const campaign = await openCampaign(p.agency);
    const idea = await insertIdea(campaign, p.asn.user);
    expect((await api("GET", `/api/v1/ideas/${idea.id}`, { cookie: p.otherAdmin.cookie })).status).toBe(404);
    expect((await transition(p.otherAdmin.cookie, idea.id, "start_review")).status).toBe(404);
  });
});

describe("POST /api/v1/ideas/{id}/merge", () => {
  it("moves supporters without counting a voter twice: 3 on A, 2 on B, one on both → A has 4", async () => {
    const campaign = await openCampaign(p.agency);
    const authorB = await createUser(p.unit);
    const a = await insertIdea(campaign, p.asn.user, { title: "Antrean daring Disdukcapil" });
    const b = await insertIdea(campaign, authorB, { title: "Antrean online KTP" });
    const voters = await Promise.all([1, 2, 3, 4].map(() => createUser(p.unit)));
    for (const v of voters.slice(0, 3)) await insertVote(a, campaign, v);
    for (const v of voters.slice(2, 4)) await insertVote(b, campaign, v);

    const res = await ideas(p.admin.cookie)[":id"].merge.$post({
      ...byId(b.id),
      json: { intoId: a.id, reason: "Ide yang sama" },
    });
    expect(res.status).toBe(200);
    const survivor = await bodyOf(res, 200);
    expect(survivor.voteCount).toBe(4);
    const rows = await testDb
      .select({ n: count(), d: countDistinct(votes.userId) })
      .from(votes)
      .where(eq(votes.ideaId, a.id))
      .get();
    expect(rows).toEqual({ n: 4, d: 4 });
    expect(survivor.team).toContainEqual(
      expect.objectContaining({ userId: authorB.id, role: "coauthor", accepted: true }),
    );
    const merged = await ideaOf(p.asn.cookie, b.id);
    expect(merged).toMatchObject({ status: "merged", mergedIntoId: a.id, voteCount: 0 });
    expect(merged.events.at(-1)).toMatchObject({ action: "merge", reason: "Ide yang sama" });
  });

  it("drops a vote a new co-author had given the survivor", async () => {
    const campaign = await openCampaign(p.agency);
    const authorB = await createUser(p.unit);
    const a = await insertIdea(campaign, p.asn.user);
    const b = await insertIdea(campaign, authorB);
    await insertVote(a, campaign, authorB);
    const survivor = await bodyOf(
      await ideas(p.admin.cookie)[":id"].merge.$post({ ...byId(b.id), json: { intoId: a.id, reason: "Duplikat" } }),
      200,
    );
    expect(survivor.voteCount).toBe(0);
  });

  it("requires a reason and a chair or admin", async () => {
    const campaign = await openCampaign(p.agency);
    const a = await insertIdea(campaign, p.asn.user);
    const b = await insertIdea(campaign, p.asn.user);
    expect(
      (await api("POST", `/api/v1/ideas/${b.id}/merge`, { cookie: p.asn.cookie, body: { intoId: a.id, reason: "x" } }))
        .status,
    ).toBe(403);
    expect(
      (await api("POST", `/api/v1/ideas/${b.id}/merge`, { cookie: p.admin.cookie, body: { intoId: a.id, reason: "" } }))
        .status,
    ).toBe(422);
  });
});

describe("GET /api/v1/ideas", () => {
  it("filters, sorts by votes and pages with a cursor", async () => {
    const unit = await createUnit(p.agency);
    const author = await createUser(unit);
    const campaign = await competition(p.agency, "voting");
    const ids = [];
    for (const votes of [5, 9, 1, 7]) ids.push((await insertIdea(campaign, author, { voteCount: votes })).id);
    const list = (query: { cursor?: string }) =>
      ideas(p.asn.cookie).$get({ query: { campaignId: String(campaign.id), sort: "votes", limit: "3", ...query } });
    const first = await bodyOf(await list({}), 200);
    expect(first.items.map((i) => i.voteCount)).toEqual([9, 7, 5]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await bodyOf(await list({ cursor: first.nextCursor ?? "" }), 200);
    expect(second).toEqual({ items: [expect.objectContaining({ voteCount: 1 })], nextCursor: null });
    const byUnit = await bodyOf(await ideas(p.asn.cookie).$get({ query: { unitId: String(unit.id) } }), 200);
    expect(byUnit.items).toHaveLength(4);
  });

  it("hides vote counts while a campaign asks to, until voting closes", async () => {
    const hidden = await competition(p.agency, "voting", { hideVotesUntilClosed: true });
    const idea = await insertIdea(hidden, p.asn.user, { voteCount: 12 });
    const detail = await ideaOf(p.reviewer.cookie, idea.id);
    expect(detail.voteCount).toBeNull();
    const closed = await competition(p.agency, "review", { hideVotesUntilClosed: true });
    const later = await insertIdea(closed, p.asn.user, { voteCount: 12 });
    expect((await ideaOf(p.reviewer.cookie, later.id)).voteCount).toBe(12);
  });

  it("answers 400 for a made-up cursor", async () => {
    const res = await api("GET", "/api/v1/ideas?cursor=bm90LWEtY3Vyc29y", { cookie: p.asn.cookie });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "request.invalid_cursor" });
  });

  it("searches title, problem and solution with prefixes, ranking title matches first", async () => {
    const campaign = await openCampaign(p.agency);
    const inTitle = await insertIdea(campaign, p.asn.user, {
      title: "Posyandu keliling berbasis aplikasi",
      problem: "Balita tidak terpantau gizinya karena jarak posyandu jauh dari rumah warga.",
    });
    const inProblem = await insertIdea(campaign, p.asn.user, {
      title: "Kartu kesehatan anak digital",
      problem: "Kader posyandu mencatat manual di buku sehingga data sering hilang.",
    });
    const res = await bodyOf(await ideas(p.asn.cookie).$get({ query: { q: "posyan" } }), 200);
    expect(res.items.map((i) => i.id)).toEqual([inTitle.id, inProblem.id]);
    const none = await bodyOf(await ideas(p.asn.cookie).$get({ query: { q: '"); DROP TABLE ideas; --' } }), 200);
    expect(none.items).toEqual([]);
  });
});

describe("GET /api/v1/ideas/similar", () => {
  it("suggests ideas of the agency sharing distinctive words", async () => {
    const campaign = await openCampaign(p.agency);
    const existing = await insertIdea(campaign, p.asn.user, { title: "Pengaduan jalan rusak lewat foto berlokasi" });
    const res = await ideas(p.reviewer.cookie).similar.$get({
      query: { text: "Laporan jalan rusak dengan foto dari warga" },
    });
    const body = await bodyOf(res, 200);
    expect(body.items.map((i) => i.id)).toContain(existing.id);
  });
});

describe("replication", () => {
  it("counts the agencies that replicate an implemented idea, and lists it in the shared library", async () => {
    const otherCampaign = await openCampaign(p.otherAgency);
    const original = await insertIdea(otherCampaign, p.otherAdmin.user, {
      status: "implemented",
      title: "Layanan adminduk keliling kelurahan",
      decidedAt: Date.now(),
    });
    const { id } = await draft(p.asn.cookie, { replicatesId: original.id });
    await transition(p.asn.cookie, id, "submit");
    const row = await testDb
      .select({ n: ideaRows.replicationCount })
      .from(ideaRows)
      .where(eq(ideaRows.id, original.id))
      .get();
    expect(row?.n).toBe(1);
    const detail = await ideaOf(p.asn.cookie, id);
    expect(detail.replicates?.id).toBe(original.id);
    const library = await bodyOf(await client(p.asn.cookie).api.v1.library.$get({ query: {} }), 200);
    expect(library.items).toContainEqual(expect.objectContaining({ id: original.id, replicationCount: 1 }));
  });

  it("refuses to replicate an idea until it is implemented, or one of its own agency", async () => {
    const own = await insertIdea(await openCampaign(p.agency), p.asn.user, { status: "implemented" });
    const res = await createIdea(p.asn.cookie, { replicatesId: own.id });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      errors: [{ path: "json.replicatesId", code: "idea.replicates_invalid" }],
    });
  });
});
