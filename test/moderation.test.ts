/**
 * Moderation: reporting an idea or a comment (the admins are told), the queues with the reasons,
 * hiding and restoring with a reason the author is told, and dismissing unfounded reports.
 */
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { commentReports, notifications } from "../src/db/schema";
import { testDb } from "./fixtures/db";
import { bodyOf, byId, client, codeOf } from "./fixtures/client";
import { auditRows } from "./fixtures/admin";
import { createPersonas, createUser, signIn } from "./fixtures/builders";
import { api } from "./fixtures/http";
import { insertIdea, openCampaign, type TestCampaign } from "./fixtures/ideas";
import { ledgerOf } from "./fixtures/rewards";
import { crowd, ideaCounts, type Voter } from "./fixtures/voting";

type Notice = { kind: string; payload: Record<string, unknown> };

let p: Awaited<ReturnType<typeof createPersonas>>;
let kotak: TestCampaign;
let colleague: Voter;
beforeAll(async () => {
  p = await createPersonas();
  kotak = await openCampaign(p.agency);
});
beforeEach(async () => {
  [colleague] = (await crowd(p.unit, 1)) as [Voter];
});

const post = (cookie: string, path: string, body?: unknown) =>
  api("POST", path, { cookie, ...(body !== undefined ? { body } : {}) });

async function noticesOf(userId: number, kind: string): Promise<Notice[]> {
  const results = await testDb
    .select({ kind: notifications.kind, payload: notifications.payload })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)))
    .orderBy(asc(notifications.id));
  return results.map((r) => ({ kind: r.kind, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

async function reportedIdeas(cookie = p.admin.cookie) {
  const res = await client(cookie).api.v1.moderation.ideas.$get({ query: { limit: "100" } });
  return (await bodyOf(res, 200)).items;
}

describe("POST /api/v1/ideas/{id}/report", () => {
  it("reports an idea once with a reason, and tells every admin of the agency", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const res = await post(colleague.cookie, `/api/v1/ideas/${idea.id}/report`, {
      reason: "Isinya iklan jasa pribadi",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ reported: true });
    const again = await post(colleague.cookie, `/api/v1/ideas/${idea.id}/report`, { reason: "Sekali lagi" });
    expect(again.status).toBe(409);
    expect(await codeOf(again)).toBe("idea.already_reported");

    const [queued] = (await reportedIdeas()).filter((r) => r.id === idea.id);
    expect(queued).toMatchObject({ reportCount: 1, reports: [{ reason: "Isinya iklan jasa pribadi" }] });
    const notices = await noticesOf(p.admin.user.id, "report_received");
    expect(notices.find((n) => n.payload.ideaId === idea.id)?.payload).toMatchObject({
      subject: "idea",
      reason: "Isinya iklan jasa pribadi",
      title: expect.any(String),
    });
    // the other agency's admin hears nothing of it
    expect((await noticesOf(p.otherAdmin.user.id, "report_received")).some((n) => n.payload.ideaId === idea.id)).toBe(
      false,
    );
  });

  it("answers 409 idea.report_own for its team and 404 for a draft of someone else", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    const own = await post(p.asn.cookie, `/api/v1/ideas/${idea.id}/report`, { reason: "Uji" });
    expect(own.status).toBe(409);
    expect(await codeOf(own)).toBe("idea.report_own");
    const draft = await insertIdea(kotak, p.asn.user, { status: "draft" });
    expect((await post(colleague.cookie, `/api/v1/ideas/${draft.id}/report`, { reason: "Uji" })).status).toBe(404);
    expect((await post(colleague.cookie, `/api/v1/ideas/${idea.id}/report`, { reason: " " })).status).toBe(422);
  });
});

describe("POST /api/v1/ideas/{id}/hide and /restore", () => {
  it("hides an idea everywhere but for its team and the admins, who see the reason; the team is told", async () => {
    const idea = await insertIdea(kotak, p.asn.user, { title: "Jual pulsa murah di kantor" });
    await post(colleague.cookie, `/api/v1/ideas/${idea.id}/report`, { reason: "Promosi usaha" });
    const res = await post(p.admin.cookie, `/api/v1/ideas/${idea.id}/hide`, { reason: "Promosi usaha pribadi" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ kind: "idea", id: idea.id, hidden: true, reportCount: 0 });

    expect((await api("GET", `/api/v1/ideas/${idea.id}`, { cookie: colleague.cookie })).status).toBe(404);
    const list = await bodyOf(await client(colleague.cookie).api.v1.ideas.$get({ query: { limit: "100" } }), 200);
    expect(list.items.some((i) => i.id === idea.id)).toBe(false);
    for (const cookie of [p.asn.cookie, p.admin.cookie]) {
      const seen = await bodyOf(await client(cookie).api.v1.ideas[":id"].$get(byId(idea.id)), 200);
      expect(seen.moderation.hidden).toMatchObject({ reason: "Promosi usaha pribadi" });
    }
    const mine = await bodyOf(await client(p.asn.cookie).api.v1.ideas.$get({ query: { mine: "true" } }), 200);
    expect(mine.items.some((i) => i.id === idea.id)).toBe(true);

    // no votes, no comments, no more reports while hidden
    expect((await api("PUT", `/api/v1/ideas/${idea.id}/vote`, { cookie: colleague.cookie })).status).toBe(404);
    const comment = await post(p.asn.cookie, `/api/v1/ideas/${idea.id}/comments`, { body: "Halo" });
    expect(await codeOf(comment)).toBe("comment.idea_closed");

    expect((await reportedIdeas()).some((r) => r.id === idea.id)).toBe(false);
    const [told] = (await noticesOf(p.asn.user.id, "moderation")).filter((n) => n.payload.ideaId === idea.id);
    expect(told?.payload).toMatchObject({ subject: "idea", action: "hide", reason: "Promosi usaha pribadi" });
    expect(JSON.parse((await auditRows(p.agency.id, "idea.hide")).at(-1)!.detail)).toEqual({
      reason: "Promosi usaha pribadi",
      reports: 1,
    });

    const again = await post(p.admin.cookie, `/api/v1/ideas/${idea.id}/hide`, { reason: "Lagi" });
    expect(await codeOf(again)).toBe("moderation.already_hidden");

    const restored = await post(p.admin.cookie, `/api/v1/ideas/${idea.id}/restore`, {
      reason: "Sudah diperbaiki pengusul",
    });
    expect(await restored.json()).toMatchObject({ hidden: false });
    expect((await api("GET", `/api/v1/ideas/${idea.id}`, { cookie: colleague.cookie })).status).toBe(200);
    const notices = (await noticesOf(p.asn.user.id, "moderation")).filter((n) => n.payload.ideaId === idea.id);
    expect(notices.map((n) => n.payload.action)).toEqual(["hide", "restore"]);
    expect(await codeOf(await post(p.admin.cookie, `/api/v1/ideas/${idea.id}/restore`, { reason: "x" }))).toBe(
      "moderation.not_hidden",
    );
  });

  it("answers 403 to anyone but the admin, 404 to another agency's admin, 409 for a draft", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    expect((await post(p.leader.cookie, `/api/v1/ideas/${idea.id}/hide`, { reason: "x" })).status).toBe(403);
    expect((await post(p.otherAdmin.cookie, `/api/v1/ideas/${idea.id}/hide`, { reason: "x" })).status).toBe(404);
    const draft = await insertIdea(kotak, p.admin.user, { status: "draft" });
    expect(await codeOf(await post(p.admin.cookie, `/api/v1/ideas/${draft.id}/hide`, { reason: "x" }))).toBe(
      "moderation.not_listed",
    );
  });
});

describe("POST /api/v1/ideas/{id}/dismiss-reports", () => {
  it("drops unfounded reports from the queue, keeps their reasons in the audit log and tells nobody", async () => {
    const idea = await insertIdea(kotak, p.asn.user);
    await post(colleague.cookie, `/api/v1/ideas/${idea.id}/report`, { reason: "Tidak suka idenya" });
    const res = await post(p.admin.cookie, `/api/v1/ideas/${idea.id}/dismiss-reports`);
    expect(await res.json()).toEqual({ kind: "idea", id: idea.id, hidden: false, reportCount: 0 });
    expect((await reportedIdeas()).some((r) => r.id === idea.id)).toBe(false);
    expect(JSON.parse((await auditRows(p.agency.id, "idea.dismiss_reports")).at(-1)!.detail)).toEqual({
      reasons: ["Tidak suka idenya"],
    });
    expect((await noticesOf(p.asn.user.id, "moderation")).some((n) => n.payload.ideaId === idea.id)).toBe(false);
    expect(await codeOf(await post(p.admin.cookie, `/api/v1/ideas/${idea.id}/dismiss-reports`))).toBe(
      "moderation.no_reports",
    );
    // the same person may report it again
    expect((await post(colleague.cookie, `/api/v1/ideas/${idea.id}/report`, { reason: "Lagi" })).status).toBe(200);
  });
});

describe("comments: reports, hiding and restoring", () => {
  async function reportedComment() {
    const author = await createUser(p.unit);
    const cookie = await signIn(author);
    const idea = await insertIdea(kotak, p.asn.user);
    const res = await client(cookie).api.v1.ideas[":id"].comments.$post({
      ...byId(idea.id),
      json: { body: "Komentar yang kasar" },
    });
    const { id } = await bodyOf(res, 201);
    await post(colleague.cookie, `/api/v1/comments/${id}/report`, { reason: "Kata-kata kasar" });
    return { author, idea, id };
  }

  it("tells the admins of a reported comment", async () => {
    const { id } = await reportedComment();
    const notices = await noticesOf(p.admin.user.id, "report_received");
    expect(notices.find((n) => n.payload.commentId === id)?.payload).toMatchObject({
      subject: "comment",
      reason: "Kata-kata kasar",
    });
  });

  it("hides with the reason told to the author, and restores: the count, the points and the notice come back", async () => {
    const { author, idea, id } = await reportedComment();
    const sum = async () => (await ledgerOf(author.id)).reduce((s, r) => s + r.points, 0);
    expect(await sum()).toBe(2);
    await post(p.admin.cookie, `/api/v1/comments/${id}/hide`, { reason: "Melanggar etika diskusi" });
    expect(await sum()).toBe(0);
    expect((await ideaCounts(idea.id)).commentCount).toBe(0);
    const reported = await bodyOf(await client(p.admin.cookie).api.v1.comments.reported.$get({ query: {} }), 200);
    expect(reported.items.some((c) => c.id === id)).toBe(false);

    const res = await post(p.admin.cookie, `/api/v1/comments/${id}/restore`, { reason: "Bahasa sudah diperbaiki" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ kind: "comment", id, hidden: false, reportCount: 0 });
    expect((await ideaCounts(idea.id)).commentCount).toBe(1);
    expect(await sum()).toBe(2);
    const notices = (await noticesOf(author.id, "moderation")).filter((n) => n.payload.commentId === id);
    expect(notices.map((n) => [n.payload.action, n.payload.reason])).toEqual([
      ["hide", "Melanggar etika diskusi"],
      ["restore", "Bahasa sudah diperbaiki"],
    ]);
    expect(await auditRows(p.agency.id, "comment.restore")).not.toHaveLength(0);
  });

  it("dismisses a comment's reports and answers 409 moderation.not_hidden for a visible one", async () => {
    const { id } = await reportedComment();
    expect(await codeOf(await post(p.admin.cookie, `/api/v1/comments/${id}/restore`, { reason: "x" }))).toBe(
      "moderation.not_hidden",
    );
    const res = await post(p.admin.cookie, `/api/v1/comments/${id}/dismiss-reports`);
    expect(await res.json()).toMatchObject({ reportCount: 0 });
    expect(await testDb.$count(commentReports, eq(commentReports.commentId, id))).toBe(0);
  });
});

describe("GET /api/v1/moderation/hidden", () => {
  it("lists hidden ideas and comments newest first, a page at a time, with reason and who hid it", async () => {
    const p2 = await createPersonas();
    const idea = await insertIdea(await openCampaign(p2.agency), p2.asn.user, { title: "Ide tersembunyi" });
    const other = await insertIdea(await openCampaign(p2.agency), p2.asn.user);
    const c = await bodyOf(
      await client(p2.leader.cookie).api.v1.ideas[":id"].comments.$post({
        ...byId(other.id),
        json: { body: "Komentar" },
      }),
      201,
    );
    await post(p2.admin.cookie, `/api/v1/ideas/${idea.id}/hide`, { reason: "Alasan ide" });
    await post(p2.admin.cookie, `/api/v1/comments/${c.id}/hide`, { reason: "Alasan komentar" });
    const hidden = (query: { cursor?: string }) =>
      client(p2.admin.cookie).api.v1.moderation.hidden.$get({ query: { limit: "1", ...query } });
    const first = await bodyOf(await hidden({}), 200);
    expect(first.items).toMatchObject([
      { kind: "comment", id: c.id, reason: "Alasan komentar", hiddenBy: { name: "Persona admin" } },
    ]);
    expect(first.nextCursor).not.toBeNull();
    const second = await bodyOf(await hidden({ cursor: first.nextCursor! }), 200);
    expect(second.items).toMatchObject([{ kind: "idea", id: idea.id, idea: { title: "Ide tersembunyi" } }]);
    expect(second.nextCursor).toBeNull();
    expect((await api("GET", "/api/v1/moderation/hidden", { cookie: p2.leader.cookie })).status).toBe(403);
  });
});
