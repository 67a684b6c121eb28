import { and, asc, eq } from "drizzle-orm";
import { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { ideaEvents, ideas, pointLedger, reviews } from "../src/db/schema";
import { CommitteeSchema, ReviewSchema, ReviewStartSchema } from "../src/routes/reviews/reviews.schemas";
import { bodyOf, byId, client, codeOf, fieldErrors } from "./fixtures/client";
import { auditRows } from "./fixtures/admin";
import { createAgency, createUnit, createUser } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import { competition, insertIdea } from "./fixtures/ideas";
import {
  addCoauthor,
  assignmentsOf,
  insertAssignment,
  inDays,
  putCommittee,
  review,
  reviewAgency,
  saveDraft,
  setStatus,
  startReview,
  submit,
} from "./fixtures/reviews";

const reviewScoreOf = (idea: { id: number }) =>
  testDb.select({ reviewScore: ideas.reviewScore }).from(ideas).where(eq(ideas.id, idea.id)).get();

describe("PUT /api/v1/campaigns/{id}/committee", () => {
  it("lets the admin seat chairs and reviewers, answers the committee chairs first, and audits it", async () => {
    const s = await reviewAgency();
    const res = await putCommittee(s.admin.cookie, s.campaign, [
      { userId: s.r1.user.id, role: "reviewer" },
      { userId: s.r2.user.id, role: "chair" },
      { userId: s.chair.user.id, role: "chair" },
    ]);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = CommitteeSchema.parse(await res.json());
    // r3 and r4 are gone, r2 became a chair
    expect(body.members.map((m) => [m.userId, m.role])).toEqual([
      [s.chair.user.id, "chair"],
      [s.r2.user.id, "chair"],
      [s.r1.user.id, "reviewer"],
    ]);
    const [audit] = await auditRows(s.agency.id, "committee.update");
    expect(audit).toMatchObject({ actor_id: s.admin.user.id, subject_type: "campaign", subject_id: s.campaign.id });
  });

  it("answers 422 naming each member who is not an active reviewer of the agency, and without a chair", async () => {
    const s = await reviewAgency();
    const other = await createUser(await createUnit(await createAgency()), { roles: ["asn", "reviewer"] });
    const res = await putCommittee(s.admin.cookie, s.campaign, [
      { userId: s.asn.user.id, role: "reviewer" },
      { userId: other.id, role: "reviewer" },
      { userId: s.r1.user.id, role: "reviewer" },
      { userId: s.r1.user.id, role: "reviewer" },
    ]);
    expect(res.status).toBe(422);
    const errors = await fieldErrors(res);
    expect(errors.map((e) => `${e.path}:${e.code}`)).toEqual([
      "json.members.0.userId:committee.not_a_reviewer",
      "json.members.1.userId:committee.unknown_user",
      "json.members.3.userId:committee.duplicate_member",
      "json.members:committee.chair_required",
    ]);
  });

  it("answers 409 committee.member_has_assignments when removing a reviewer who still has work", async () => {
    const s = await reviewAgency();
    const idea = await insertIdea(s.campaign, s.asn.user, { status: "in_review" });
    await insertAssignment(s.campaign, idea, s.r1.user);
    const res = await putCommittee(s.admin.cookie, s.campaign, [{ userId: s.chair.user.id, role: "chair" }]);
    expect(res.status).toBe(409);
    expect(await codeOf(res)).toBe("committee.member_has_assignments");
  });

  it("is the admin's: a chair may read the committee with its progress but not change it", async () => {
    const s = await reviewAgency();
    const idea = await insertIdea(s.campaign, s.asn.user, { status: "in_review" });
    await insertAssignment(s.campaign, idea, s.r1.user, Date.now() - 1000);
    const read = await client(s.chair.cookie).api.v1.campaigns[":id"].committee.$get(byId(s.campaign.id));
    const body = await bodyOf(read, 200);
    expect(body.members.find((m) => m.userId === s.r1.user.id)?.progress).toEqual({
      assigned: 1,
      submitted: 0,
      overdue: 1,
    });
    expect((await putCommittee(s.chair.cookie, s.campaign, [{ userId: s.chair.user.id, role: "chair" }])).status).toBe(
      403,
    );
    expect((await api("GET", `/api/v1/campaigns/${s.campaign.id}/committee`, { cookie: s.asn.cookie })).status).toBe(
      403,
    );
  });
});

describe("POST /api/v1/campaigns/{id}/review/start", () => {
  /** idea 1 by an Aptika author, idea 2 by a Dinkes author with reviewer r4 as co-author, ideas 3–4 by Setda. */
  async function candidates(s: Awaited<ReturnType<typeof reviewAgency>>) {
    const one = await insertIdea(s.campaign, s.authorA.user, { voteCount: 9, title: "Satu pintu perizinan daring" });
    const two = await insertIdea(s.campaign, s.authorB.user, { voteCount: 7, title: "Posyandu keliling terpadu" });
    await addCoauthor(two, s.r4.user);
    const three = await insertIdea(s.campaign, s.asn.user, { voteCount: 5, title: "Arsip digital kelurahan" });
    const four = await insertIdea(s.campaign, s.asn.user, { voteCount: 0, title: "Kotak saran elektronik" });
    return { one, two, three, four };
  }

  it("moves the top K ideas to review with their events and never assigns a conflicted reviewer", async () => {
    const s = await reviewAgency({ reviewersPerIdea: 2 });
    const { one, two, three, four } = await candidates(s);
    const res = await startReview(s.chair.cookie, s.campaign, { mode: "top", k: 3 });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = ReviewStartSchema.parse(await res.json());
    expect(body.started.map((i) => i.ideaId)).toEqual([one.id, two.id, three.id]);
    expect(body.shortfalls).toEqual([]);

    const rows = await assignmentsOf(s.campaign);
    const of = (idea: { id: number }) => rows.filter((r) => r.idea_id === idea.id).map((r) => r.reviewer_id);
    // r3 sits in Kominfo, above the Aptika author's unit; r2 shares Dinkes with author B; r4 co-authors idea 2
    expect(of(one)).toHaveLength(2);
    expect(of(one)).not.toContain(s.r3.user.id);
    expect(of(two).sort()).toEqual([s.r1.user.id, s.r3.user.id].sort());
    expect(of(three)).toHaveLength(2);
    expect(of(four)).toEqual([]);
    expect(rows.every((r) => r.due_at > Date.now())).toBe(true);

    const started = and(
      eq(ideaEvents.ideaId, ideas.id),
      eq(ideaEvents.action, "start_review"),
      eq(ideaEvents.actorId, s.chair.user.id),
    );
    const status = await testDb
      .select({ id: ideas.id, status: ideas.status, events: testDb.$count(ideaEvents, started) })
      .from(ideas)
      .where(eq(ideas.campaignId, s.campaign.id))
      .orderBy(asc(ideas.id));
    expect(status.map((r) => [r.status, r.events])).toEqual([
      ["in_review", 1],
      ["in_review", 1],
      ["in_review", 1],
      ["submitted", 0],
    ]);
  });

  it("balances the load within one reviewer", async () => {
    const s = await reviewAgency({ reviewersPerIdea: 3 });
    for (let i = 0; i < 5; i++) await insertIdea(s.campaign, s.asn.user, { voteCount: i });
    const res = await startReview(s.admin.cookie, s.campaign, { mode: "all" });
    expect(res.status).toBe(200);
    const loads = (await assignmentsOf(s.campaign)).reduce(
      (m, r) => m.set(r.reviewer_id, (m.get(r.reviewer_id) ?? 0) + 1),
      new Map<number, number>(),
    );
    // 5 ideas × 3 reviewers over 4 reviewers: 15 = 4 + 4 + 4 + 3
    expect([...loads.values()].sort()).toEqual([3, 4, 4, 4]);
    expect(Math.max(...loads.values()) - Math.min(...loads.values())).toBeLessThanOrEqual(1);
  });

  it("takes the ideas above a vote threshold and reports ideas short of eligible reviewers", async () => {
    const s = await reviewAgency({ reviewersPerIdea: 4 });
    const { one, two } = await candidates(s);
    const res = await startReview(s.chair.cookie, s.campaign, { mode: "threshold", minVotes: 6 });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = ReviewStartSchema.parse(await res.json());
    expect(body.started.map((i) => [i.ideaId, i.reviewers.length, i.missing])).toEqual([
      [one.id, 3, 1],
      [two.id, 2, 2],
    ]);
    expect(body.shortfalls).toEqual([
      { ideaId: one.id, missing: 1 },
      { ideaId: two.id, missing: 2 },
    ]);
  });

  it("refuses while voting is open, without reviewers, with a past due date, and to a reviewer", async () => {
    const s = await reviewAgency();
    const voting = await competition(s.agency, "voting");
    const code = async (res: Response) => [res.status, await codeOf(res)];
    expect(await code(await startReview(s.admin.cookie, voting, { mode: "all" }))).toEqual([409, "review.voting_open"]);
    const empty = await competition(s.agency, "review");
    expect(await code(await startReview(s.admin.cookie, empty, { mode: "all" }))).toEqual([
      409,
      "committee.no_reviewers",
    ]);
    expect(await code(await startReview(s.chair.cookie, s.campaign, { mode: "all" }, inDays(-1)))).toEqual([
      422,
      "validation_failed",
    ]);
    expect(await code(await startReview(s.r1.cookie, s.campaign, { mode: "all" }))).toEqual([403, "forbidden"]);
  });
});

describe("POST /api/v1/ideas/{id}/assignments and DELETE /api/v1/assignments/{id}", () => {
  it("lets the chair assign by hand, refusing conflicts of interest with 409", async () => {
    const s = await reviewAgency();
    const idea = await insertIdea(s.campaign, s.authorA.user, { status: "in_review" });
    await addCoauthor(idea, s.r2.user);
    const assign = (reviewerId: number) =>
      api("POST", `/api/v1/ideas/${idea.id}/assignments`, {
        cookie: s.chair.cookie,
        body: { reviewerId, dueAt: inDays(5) },
      });
    const made = await assign(s.r1.user.id);
    expect(made.status).toBe(201);
    expect(await made.json()).toMatchObject({ ideaId: idea.id, reviewer: { id: s.r1.user.id }, state: "pending" });
    for (const conflicted of [s.r2.user.id, s.r3.user.id]) {
      const res = await assign(conflicted);
      expect(res.status).toBe(409);
      expect(await codeOf(res)).toBe("assignment.conflict_of_interest");
    }
    expect(await codeOf(await assign(s.r1.user.id))).toBe("assignment.duplicate");
    expect((await assign(s.asn.user.id)).status).toBe(422);
    expect(await assignmentsOf(s.campaign)).toEqual([expect.objectContaining({ reviewer_id: s.r1.user.id })]);
  });

  it("withdraws a pending assignment with its draft, but not a submitted review (409)", async () => {
    const s = await reviewAgency();
    const idea = await insertIdea(s.campaign, s.asn.user, { status: "in_review" });
    const pending = await insertAssignment(s.campaign, idea, s.r1.user);
    const done = await insertAssignment(s.campaign, idea, s.r2.user);
    await saveDraft(s.r1.cookie, pending.id, { scores: { kebaruan: 3 } });
    await review(s.r2.cookie, done.id, { kebaruan: 4, manfaat: 3 });
    expect((await api("DELETE", `/api/v1/assignments/${pending.id}`, { cookie: s.chair.cookie })).status).toBe(204);
    const refused = await api("DELETE", `/api/v1/assignments/${done.id}`, { cookie: s.chair.cookie });
    expect(refused.status).toBe(409);
    expect(await codeOf(refused)).toBe("assignment.review_submitted");
    expect((await assignmentsOf(s.campaign)).map((a) => a.id)).toEqual([done.id]);
    expect(await testDb.$count(reviews, eq(reviews.assignmentId, pending.id))).toBe(0);
    expect((await api("DELETE", `/api/v1/assignments/${done.id}`, { cookie: s.r1.cookie })).status).toBe(403);
  });
});

describe("reviewing: GET /api/v1/reviews/mine, PUT …/review, POST …/review/submit, POST …/review/reopen", () => {
  it("shows my queue with the idea's title, due date, state and progress", async () => {
    const s = await reviewAgency();
    const idea = await insertIdea(s.campaign, s.asn.user, { status: "in_review", title: "Antrean puskesmas daring" });
    const a = await insertAssignment(s.campaign, idea, s.r1.user, Date.now() + 3 * 86_400_000);
    await saveDraft(s.r1.cookie, a.id, { scores: { kebaruan: 4 } });
    const body = await bodyOf(await client(s.r1.cookie).api.v1.reviews.mine.$get({ query: {} }), 200);
    expect(body.counts).toEqual({ assigned: 1, submitted: 0, overdue: 0 });
    expect(body.items).toEqual([
      expect.objectContaining({
        id: a.id,
        state: "draft",
        overdue: false,
        idea: { id: idea.id, title: "Antrean puskesmas daring", status: "in_review" },
        progress: { scored: 1, total: 2 },
      }),
    ]);
    expect(JSON.stringify(body)).not.toContain(s.asn.user.name);
  });

  it("saves a partial draft, refuses scores off the scale or off the rubric, and needs everything to submit", async () => {
    const s = await reviewAgency();
    const idea = await insertIdea(s.campaign, s.asn.user, { status: "in_review" });
    const a = await insertAssignment(s.campaign, idea, s.r1.user);
    const draft = await saveDraft(s.r1.cookie, a.id, { scores: { kebaruan: 4 }, note: "Perlu data biaya" });
    expect(draft.status).toBe(200);
    expect(await draft.json()).toMatchObject({
      scores: { kebaruan: 4 },
      score: null,
      state: "draft",
      note: "Perlu data biaya",
    });

    const bad = await saveDraft(s.r1.cookie, a.id, { scores: { kebaruan: 6, gaya: 2 } });
    expect(bad.status).toBe(422);
    const errors = await fieldErrors(bad);
    expect(errors.map((e) => `${e.path}:${e.code}`)).toEqual([
      "json.scores.kebaruan:review.score_out_of_range",
      "json.scores.gaya:review.unknown_criterion",
    ]);

    const incomplete = await submit(s.r1.cookie, a.id);
    expect(incomplete.status).toBe(422);
    expect((await fieldErrors(incomplete)).map((e) => e.path)).toEqual(["scores.manfaat", "recommendation"]);
    expect((await saveDraft(s.r2.cookie, a.id, { scores: {} })).status).toBe(403);
  });

  it("scores a submitted review, keeps the idea's review_score equal to the mean of submitted reviews, and locks it", async () => {
    const s = await reviewAgency();
    const idea = await insertIdea(s.campaign, s.asn.user, { status: "in_review" });
    const a1 = await insertAssignment(s.campaign, idea, s.r1.user);
    const a2 = await insertAssignment(s.campaign, idea, s.r2.user);
    // 60 × 4/5 + 40 × 2/4 = 48 + 20 = 68; 60 × 5/5 + 40 × 4/4 = 100
    const first = ReviewSchema.parse(await (await review(s.r1.cookie, a1.id, { kebaruan: 4, manfaat: 2 })).json());
    expect(first).toMatchObject({ state: "submitted", score: 68, recommendation: "approve" });
    await review(s.r2.cookie, a2.id, { kebaruan: 5, manfaat: 4 }, "shortlist");
    const scoreOf = async () => (await reviewScoreOf(idea))?.reviewScore;
    expect(await scoreOf()).toBe(84);
    const detail = await bodyOf(await client(s.asn.cookie).api.v1.ideas[":id"].$get(byId(idea.id)), 200);
    expect(detail.reviewScore).toBe(84);

    const locked = await saveDraft(s.r1.cookie, a1.id, { scores: { kebaruan: 1 } });
    expect(locked.status).toBe(409);
    expect(await codeOf(locked)).toBe("review.already_submitted");
    // a submitted review earns its reviewer points, in the same batch
    const points = await testDb.$count(
      pointLedger,
      and(eq(pointLedger.userId, s.r1.user.id), eq(pointLedger.subjectType, "review")),
    );
    expect(points).toBeGreaterThan(0);
  });

  it("lets the chair only reopen a submitted review; the idea's score drops it and the reopening is audited", async () => {
    const s = await reviewAgency();
    const idea = await insertIdea(s.campaign, s.asn.user, { status: "in_review" });
    const a1 = await insertAssignment(s.campaign, idea, s.r1.user);
    const a2 = await insertAssignment(s.campaign, idea, s.r2.user);
    await review(s.r1.cookie, a1.id, { kebaruan: 4, manfaat: 2 });
    await review(s.r2.cookie, a2.id, { kebaruan: 5, manfaat: 4 });
    const reopen = (cookie: string) =>
      api("POST", `/api/v1/assignments/${a2.id}/review/reopen`, { cookie, body: { reason: "Nilai manfaat keliru" } });
    expect((await reopen(s.r2.cookie)).status).toBe(403);
    expect((await reopen(s.admin.cookie)).status).toBe(403);
    const res = await reopen(s.chair.cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ state: "draft", submittedAt: null });
    const row = await reviewScoreOf(idea);
    expect(row?.reviewScore).toBe(68);
    expect((await auditRows(s.agency.id, "review.reopen"))[0]).toMatchObject({
      actor_id: s.chair.user.id,
      subject_type: "review",
    });
    // the reviewer edits and submits again
    await review(s.r2.cookie, a2.id, { kebaruan: 5, manfaat: 3 });
    const again = await reviewScoreOf(idea);
    expect(again?.reviewScore).toBe(79);
  });
});

describe("blind review", () => {
  it("gives a committee reviewer no author, team, unit or vote count, in any answer about an idea under review", async () => {
    const s = await reviewAgency({ blindReview: true });
    const idea = await insertIdea(s.campaign, s.authorA.user, {
      status: "in_review",
      voteCount: 7,
      title: "Layanan perizinan satu pintu daring",
    });
    await addCoauthor(idea, s.authorB.user);
    await testDb.insert(ideaEvents).values({
      agencyId: s.agency.id,
      ideaId: idea.id,
      actorId: s.authorA.user.id,
      action: "submit",
      fromStatus: "draft",
      toStatus: "submitted",
      at: 1,
    });
    const a = await insertAssignment(s.campaign, idea, s.r1.user);
    const secrets = [s.authorA.user.name, s.authorB.user.name, "Bidang Aplikasi Informatika", "Dinas Kesehatan"];
    const asReviewer = async (path: string) => {
      const res = await api("GET", path, { cookie: s.r1.cookie });
      expect(res.status, path).toBe(200);
      const text = await res.text();
      for (const secret of secrets) expect(text, `${path} leaks ${secret}`).not.toContain(secret);
      expect(text).not.toContain('"voteCount":7');
      return z.record(z.string(), z.unknown()).parse(JSON.parse(text));
    };

    const assignment = await asReviewer(`/api/v1/assignments/${a.id}`);
    expect(assignment).toMatchObject({ blind: true, idea: { author: null, team: null, unit: null, voteCount: null } });

    const detail = await asReviewer(`/api/v1/ideas/${idea.id}`);
    expect(detail).toMatchObject({ blind: true, author: null, unit: null, voteCount: null, team: [] });
    expect(detail.events).toEqual([expect.objectContaining({ action: "submit", actor: null })]);

    const list = await asReviewer(`/api/v1/ideas?campaignId=${s.campaign.id}`);
    expect(list.items).toEqual([
      expect.objectContaining({ id: idea.id, blind: true, author: null, unit: null, voteCount: null }),
    ]);
    const byAuthor = await asReviewer(`/api/v1/ideas?authorId=${s.authorA.user.id}`);
    expect(byAuthor.items).toEqual([]);
    const byUnit = await asReviewer(`/api/v1/ideas?unitId=${s.units.aptika.id}`);
    expect(byUnit.items).toEqual([]);
    const search = await asReviewer(`/api/v1/ideas?q=perizinan`);
    expect(search.items).toEqual([expect.objectContaining({ id: idea.id, author: null })]);
    const similar = await asReviewer(`/api/v1/ideas/similar?text=${encodeURIComponent("perizinan satu pintu")}`);
    expect(similar.items).toEqual([expect.objectContaining({ id: idea.id, voteCount: null })]);
  });

  it("does not blind the chair, and lifts once the committee has decided", async () => {
    const s = await reviewAgency({ blindReview: true });
    const idea = await insertIdea(s.campaign, s.authorA.user, { status: "in_review", voteCount: 7 });
    const a = await insertAssignment(s.campaign, idea, s.r1.user);
    const chairView = await bodyOf(await client(s.chair.cookie).api.v1.assignments[":id"].$get(byId(a.id)), 200);
    expect(chairView).toMatchObject({ blind: false, idea: { author: { name: s.authorA.user.name } } });
    await setStatus(idea, "approved");
    const after = await bodyOf(await client(s.r1.cookie).api.v1.ideas[":id"].$get(byId(idea.id)), 200);
    expect(after).toMatchObject({ blind: false, author: { name: s.authorA.user.name } });
  });
});
