import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, commentMentions, comments, follows } from "../src/db/schema";
import { bodyOf, byId, client, codeOf, fieldErrors } from "./fixtures/client";
import { createPersonas, createUnit, createUser, signIn, type TestUser } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { api, d1Cost } from "./fixtures/http";
import { insertIdea, openCampaign, type TestCampaign } from "./fixtures/ideas";
import { crowd, ideaCounts, type Voter } from "./fixtures/voting";

let p: Awaited<ReturnType<typeof createPersonas>>;
/** A colleague of the ASN persona, new in every test (writes are rate-limited per person). */
let colleague: Voter;
let kotak: TestCampaign;
beforeAll(async () => {
  p = await createPersonas();
  kotak = await openCampaign(p.agency);
});
beforeEach(async () => {
  [colleague] = (await crowd(p.unit, 1)) as [Voter];
});

const comment = (cookie: string, ideaId: number, body: string, parentId?: number) =>
  client(cookie).api.v1.ideas[":id"].comments.$post({
    ...byId(ideaId),
    json: { body, ...(parentId ? { parentId } : {}) },
  });
const posted = async (cookie: string, ideaId: number, body: string, parentId?: number) =>
  bodyOf(await comment(cookie, ideaId, body, parentId), 201);
const threadOf = async (cookie: string, ideaId: number, query: { limit?: string; cursor?: string } = {}) =>
  bodyOf(await client(cookie).api.v1.ideas[":id"].comments.$get({ ...byId(ideaId), query }), 200);
const reportedComments = async () =>
  bodyOf(await client(p.admin.cookie).api.v1.comments.reported.$get({ query: {} }), 200);
const counted = async (ideaId: number) => {
  const c = await ideaCounts(ideaId);
  expect(c.commentCount).toBe(c.visibleComments);
  return c.commentCount;
};

describe("POST /api/v1/ideas/{id}/comments", () => {
  it("posts a comment, counts it and makes the commenter follow the idea", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const c = await posted(colleague.cookie, idea.id, "Ide bagus, sudah dicoba di kecamatan kami.");
    expect(c).toMatchObject({
      parentId: null,
      author: { id: colleague.user.id, name: colleague.user.name },
      edited: false,
      deleted: false,
      viewer: { isAuthor: true, canEdit: true },
    });
    expect(await counted(idea.id)).toBe(1);
    const follow = await testDb
      .select({ userId: follows.userId })
      .from(follows)
      .where(and(eq(follows.ideaId, idea.id), eq(follows.userId, colleague.user.id)))
      .get();
    expect(follow).toBeDefined();
  });

  it("takes one level of replies: a reply to a reply answers 422", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const top = await posted(colleague.cookie, idea.id, "Berapa biaya servernya?");
    const reply = await posted(p.asn.cookie, idea.id, "Memakai server Diskominfo yang ada.", top.id);
    expect(reply.parentId).toBe(top.id);
    const deeper = await comment(colleague.cookie, idea.id, "Terima kasih.", reply.id);
    expect((await fieldErrors(deeper))[0]!.code).toBe("comment.reply_depth");
    expect(await counted(idea.id)).toBe(2);
  });

  it("answers 422 for a parent from another idea", async () => {
    const [a, b] = [await insertIdea(kotak, p.asn.user), await insertIdea(kotak, p.asn.user)];
    const top = await posted(colleague.cookie, a.id, "Komentar di ide A.");
    const res = await comment(colleague.cookie, b.id, "Balasan nyasar.", top.id);
    expect(res.status).toBe(422);
  });

  it("refuses comments on a draft: 409 comment.idea_closed for its team, 404 for everyone else", async () => {
    const draft = await insertIdea(kotak, p.asn.user, { status: "draft" });
    const own = await comment(p.asn.cookie, draft.id, "Catatan untuk diri sendiri.");
    expect(own.status).toBe(409);
    expect(await codeOf(own)).toBe("comment.idea_closed");
    expect((await comment(colleague.cookie, draft.id, "Halo?")).status).toBe(404);
  });

  it("answers 404 for another agency's idea", async () => {
    const foreign = await insertIdea(await openCampaign(p.otherAgency), p.otherAdmin.user);
    expect((await comment(p.asn.cookie, foreign.id, "Halo dari kota lain.")).status).toBe(404);
  });

  it("validates the body: 1 to 4000 characters, no unknown fields", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    expect((await comment(colleague.cookie, idea.id, "   ")).status).toBe(422);
    expect((await comment(colleague.cookie, idea.id, "x".repeat(4001))).status).toBe(422);
    const extra = await api("POST", `/api/v1/ideas/${idea.id}/comments`, {
      cookie: colleague.cookie,
      body: { body: "Halo", hidden: false },
    });
    expect(extra.status).toBe(422);
  });
});

describe("@mentions", () => {
  let siti: TestUser;
  let namesakeA: TestUser;
  let namesakeB: TestUser;
  let stranger: TestUser;
  beforeAll(async () => {
    const dinkes = await createUnit(p.agency, { name: "Dinas Kesehatan" });
    const dukcapil = await createUnit(p.agency, { name: "Dinas Dukcapil" });
    siti = await createUser(dinkes, { name: `Siti Rahmawati ${p.agency.id}` });
    namesakeA = await createUser(dinkes, { name: `Budi Santoso ${p.agency.id}` });
    namesakeB = await createUser(dukcapil, { name: `Budi Santoso ${p.agency.id}` });
    stranger = await createUser(p.otherUnit, { name: `Siti Rahmawati ${p.agency.id}` });
  });

  const mentionRows = async (commentId: number) =>
    (
      await testDb
        .select({ id: commentMentions.userId })
        .from(commentMentions)
        .where(eq(commentMentions.commentId, commentId))
        .orderBy(asc(commentMentions.userId))
    ).map((r) => r.id);

  it("stores a mention by handle, only of a colleague of the same agency", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const c = await posted(colleague.cookie, idea.id, `Mohon pendapat @[${siti.name}] soal data kesehatan.`);
    expect(await mentionRows(c.id)).toEqual([siti.id]);
    expect(c.mentions).toEqual([{ id: siti.id, name: siti.name, proposingTeam: false }]);
    expect(await mentionRows(c.id)).not.toContain(stranger.id);
  });

  it("stores a mention by NIP and replaces the NIP in the stored body by the handle", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const c = await posted(colleague.cookie, idea.id, `Cc @${siti.nip} untuk ditindaklanjuti.`);
    expect(c.body).toBe(`Cc @[${siti.name}] untuk ditindaklanjuti.`);
    expect(await mentionRows(c.id)).toEqual([siti.id]);
  });

  it("leaves an ambiguous name unresolved, and resolves the handle qualified by the unit", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const plain = await posted(colleague.cookie, idea.id, `@[${namesakeA.name}] apa kabar?`);
    expect(await mentionRows(plain.id)).toEqual([]);
    const qualified = await posted(colleague.cookie, idea.id, `@[${namesakeB.name} (Dinas Dukcapil)] apa kabar?`);
    expect(await mentionRows(qualified.id)).toEqual([namesakeB.id]);
  });

  it("ignores a NIP of another agency (it stays plain text)", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const c = await posted(colleague.cookie, idea.id, `Halo @${stranger.nip}`);
    expect(c.body).toBe(`Halo @${stranger.nip}`);
    expect(await mentionRows(c.id)).toEqual([]);
  });

  it("replaces the mentions when the comment is edited", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const c = await posted(colleague.cookie, idea.id, `@[${siti.name}] tolong cek.`);
    const res = await api("PATCH", `/api/v1/comments/${c.id}`, {
      cookie: colleague.cookie,
      body: { body: `@[${namesakeB.name} (Dinas Dukcapil)] tolong cek.` },
    });
    expect(res.status).toBe(200);
    expect(await mentionRows(c.id)).toEqual([namesakeB.id]);
  });
});

describe("GET /api/v1/ideas/{id}/comments", () => {
  it("lists top-level comments newest first, each with its replies oldest first, page by page", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const first = await posted(colleague.cookie, idea.id, "Komentar pertama.");
    const second = await posted(p.reviewer.cookie, idea.id, "Komentar kedua.");
    const third = await posted(p.admin.cookie, idea.id, "Komentar ketiga.");
    const r1 = await posted(p.asn.cookie, idea.id, "Balasan satu.", first.id);
    const r2 = await posted(p.reviewer.cookie, idea.id, "Balasan dua.", first.id);
    const page1 = await threadOf(p.asn.cookie, idea.id, { limit: "2" });
    expect(page1.items.map((c) => c.id)).toEqual([third.id, second.id]);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await threadOf(p.asn.cookie, idea.id, { limit: "2", cursor: page1.nextCursor! });
    expect(page2.items.map((c) => c.id)).toEqual([first.id]);
    expect(page2.items[0]!.replies.map((r) => r.id)).toEqual([r1.id, r2.id]);
    expect(page2.nextCursor).toBeNull();
  });

  it("answers 404 for another agency's idea", async () => {
    const foreign = await insertIdea(await openCampaign(p.otherAgency), p.otherAdmin.user);
    expect((await api("GET", `/api/v1/ideas/${foreign.id}/comments`, { cookie: p.asn.cookie })).status).toBe(404);
  });
});

describe("PATCH /api/v1/comments/{id}", () => {
  it("lets the author edit within 15 minutes and marks the comment edited", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const c = await posted(colleague.cookie, idea.id, "Salah ktik.");
    const res = await api("PATCH", `/api/v1/comments/${c.id}`, {
      cookie: colleague.cookie,
      body: { body: "Salah ketik." },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ body: "Salah ketik.", edited: true });
  });

  it("answers 409 comment.edit_window_closed after 15 minutes", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const c = await posted(colleague.cookie, idea.id, "Komentar lama.");
    await testDb
      .update(comments)
      .set({ createdAt: sql`${comments.createdAt} - 16 * 60000` })
      .where(eq(comments.id, c.id));
    const res = await api("PATCH", `/api/v1/comments/${c.id}`, { cookie: colleague.cookie, body: { body: "Diubah." } });
    expect(res.status).toBe(409);
    expect(await codeOf(res)).toBe("comment.edit_window_closed");
    const row = await testDb
      .select({ body: comments.body, editedAt: comments.editedAt })
      .from(comments)
      .where(eq(comments.id, c.id))
      .get();
    expect(row).toEqual({ body: "Komentar lama.", editedAt: null });
  });

  it("answers 403 to someone else and 404 for another agency's comment id", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const c = await posted(colleague.cookie, idea.id, "Punya saya.");
    expect(
      (await api("PATCH", `/api/v1/comments/${c.id}`, { cookie: p.asn.cookie, body: { body: "Bukan punyamu." } }))
        .status,
    ).toBe(403);
    expect(
      (await api("PATCH", `/api/v1/comments/${c.id}`, { cookie: p.otherAdmin.cookie, body: { body: "Dari jauh." } }))
        .status,
    ).toBe(404);
  });
});

describe("DELETE /api/v1/comments/{id}", () => {
  it("leaves a tombstone that keeps its replies, and the count drops once", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const top = await posted(colleague.cookie, idea.id, "Akan saya hapus.");
    await posted(p.asn.cookie, idea.id, "Balasan yang tetap ada.", top.id);
    expect(await counted(idea.id)).toBe(2);
    const res = await api("DELETE", `/api/v1/comments/${top.id}`, { cookie: colleague.cookie });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ deleted: true, body: null });
    expect((await api("DELETE", `/api/v1/comments/${top.id}`, { cookie: colleague.cookie })).status).toBe(200);
    expect(await counted(idea.id)).toBe(1);
    const thread = await threadOf(p.reviewer.cookie, idea.id);
    expect(thread.items[0]).toMatchObject({ id: top.id, deleted: true, body: null });
    expect(thread.items[0]!.replies.map((r) => r.body)).toEqual(["Balasan yang tetap ada."]);
  });

  it("answers 403 to someone other than the author, the admin included", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const c = await posted(colleague.cookie, idea.id, "Jangan dihapus orang lain.");
    expect((await api("DELETE", `/api/v1/comments/${c.id}`, { cookie: p.admin.cookie })).status).toBe(403);
    expect(await counted(idea.id)).toBe(1);
  });
});

describe("POST /api/v1/comments/{id}/report", () => {
  it("takes one report per person: the second answers 409 comment.already_reported", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const c = await posted(colleague.cookie, idea.id, "Komentar yang menyinggung.");
    const report = () =>
      api("POST", `/api/v1/comments/${c.id}/report`, { cookie: p.reviewer.cookie, body: { reason: "Menyinggung" } });
    expect((await report()).status).toBe(200);
    const again = await report();
    expect(again.status).toBe(409);
    expect(await codeOf(again)).toBe("comment.already_reported");
    const row = await testDb.select({ n: comments.reportCount }).from(comments).where(eq(comments.id, c.id)).get();
    expect(row).toEqual({ n: 1 });
  });

  it("answers 409 comment.report_own to the author", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const c = await posted(colleague.cookie, idea.id, "Komentar saya.");
    const res = await api("POST", `/api/v1/comments/${c.id}/report`, {
      cookie: colleague.cookie,
      body: { reason: "Iseng" },
    });
    expect(await codeOf(res)).toBe("comment.report_own");
  });
});

describe("POST /api/v1/comments/{id}/hide", () => {
  it("lets the admin hide a reported comment with a reason: everyone sees the reason, only admins the words", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const c = await posted(colleague.cookie, idea.id, "Kata-kata kasar.");
    await api("POST", `/api/v1/comments/${c.id}/report`, { cookie: p.asn.cookie, body: { reason: "Kasar" } });
    const reported = await reportedComments();
    expect(reported.items.find((i) => i.id === c.id)).toMatchObject({ reportCount: 1, reports: [{ reason: "Kasar" }] });

    expect((await api("POST", `/api/v1/comments/${c.id}/hide`, { cookie: p.admin.cookie, body: {} })).status).toBe(422);
    const res = await api("POST", `/api/v1/comments/${c.id}/hide`, {
      cookie: p.admin.cookie,
      body: { reason: "Melanggar etika diskusi" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      hidden: true,
      hiddenReason: "Melanggar etika diskusi",
      body: "Kata-kata kasar.",
    });
    expect(await counted(idea.id)).toBe(0);

    const seen = (await threadOf(p.reviewer.cookie, idea.id)).items[0]!;
    expect(seen).toMatchObject({
      hidden: true,
      hiddenReason: "Melanggar etika diskusi",
      body: null,
      reportCount: null,
    });
    const after = await reportedComments();
    expect(after.items.map((i) => i.id)).not.toContain(c.id);

    const again = await api("POST", `/api/v1/comments/${c.id}/hide`, {
      cookie: p.admin.cookie,
      body: { reason: "Lagi" },
    });
    expect(await codeOf(again)).toBe("comment.already_hidden");
    expect(await counted(idea.id)).toBe(0);
    // deleting a hidden comment does not count it out twice
    expect((await api("DELETE", `/api/v1/comments/${c.id}`, { cookie: colleague.cookie })).status).toBe(200);
    expect(await counted(idea.id)).toBe(0);
    const audit = await testDb.$count(auditLog, and(eq(auditLog.action, "comment.hide"), eq(auditLog.subjectId, c.id)));
    expect(audit).toBe(1);
  });

  it("answers 403 to a non-admin and 404 to another agency's admin", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const c = await posted(colleague.cookie, idea.id, "Biasa saja.");
    const hide = (cookie: string) => api("POST", `/api/v1/comments/${c.id}/hide`, { cookie, body: { reason: "Uji" } });
    expect((await hide(p.asn.cookie)).status).toBe(403);
    expect((await hide(p.otherAdmin.cookie)).status).toBe(404);
    expect(await counted(idea.id)).toBe(1);
  });
});

describe("comment counts", () => {
  it("stay exact when many colleagues comment at the same moment", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const people = await Promise.all(Array.from({ length: 10 }, () => createUser(p.unit)));
    const cookies = await Promise.all(people.map((u) => signIn(u)));
    const answers = await Promise.all(cookies.map((cookie, i) => comment(cookie, idea.id, `Dukungan nomor ${i}.`)));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(await counted(idea.id)).toBe(10);
    expect(await testDb.$count(follows, eq(follows.ideaId, idea.id))).toBe(11);
  });

  it("cost of posting a comment: figures in Server-Timing", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const res = await comment(colleague.cookie, idea.id, "Satu komentar.");
    expect(res.status).toBe(201);
    const cost = d1Cost(res);
    console.log(`comment cost: ${JSON.stringify(cost)}`);
    // the session, the idea, the reward engine's state (one batch), then one batch: the comment, the
    // count, the follow, the author's ledger row and its period totals, and the read-back
    expect(cost.q).toBeLessThanOrEqual(15);
    expect(cost.w).toBeLessThanOrEqual(40);
  });
});

describe("GET /api/v1/people", () => {
  it("finds active colleagues by part of the name, without NIP or e-mail, with a mention handle", async () => {
    const unit = await createUnit(p.agency, { name: "Bappeda" });
    const person = await createUser(unit, { name: `Rahmawati Lubis ${p.agency.id}` });
    await createUser(unit, { name: `Rahmawati Lubis ${p.agency.id} Nonaktif`, active: false });
    const res = await client(p.asn.cookie).api.v1.people.$get({ query: { q: `wati lubis ${p.agency.id}` } });
    const body = await bodyOf(res, 200);
    expect(body.items).toEqual([
      {
        id: person.id,
        name: person.name,
        position: "Pranata Komputer",
        unitName: "Bappeda",
        handle: `@[${person.name}]`,
      },
    ]);
  });

  it("never lists another agency's people", async () => {
    const res = await client(p.asn.cookie).api.v1.people.$get({ query: { q: "Persona otherAdmin" } });
    expect((await bodyOf(res, 200)).items).toEqual([]);
  });
});
