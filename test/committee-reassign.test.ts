import { env } from "cloudflare:test";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { changesOf, createDb, runNamedBatch } from "../src/db/client";
import { reassignStatements } from "../src/db/queries/committee-reassign.queries";
import { campaignMembers, ideaBurstFindings, notifications, reviews } from "../src/db/schema";
import { bodyOf, byId, client, codeOf, fieldErrors } from "./fixtures/client";
import { auditRows } from "./fixtures/admin";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import { insertIdea } from "./fixtures/ideas";
import { addCoauthor, assignmentsOf, insertAssignment, insertReview, reviewAgency } from "./fixtures/reviews";
import { createUser } from "./fixtures/builders";
import { insertVoteAt } from "./fixtures/voting";

type Agency = Awaited<ReturnType<typeof reviewAgency>>;
type Member = { userId: number; role: "chair" | "reviewer" };

const put = (s: Agency, members: Member[], reassign?: boolean, cookie = s.admin.cookie) =>
  client(cookie).api.v1.campaigns[":id"].committee.$put({
    ...byId(s.campaign.id),
    json: reassign === undefined ? { members } : { members, reassign },
  });
const candidates = async (s: Agency, q: string) =>
  bodyOf(
    await client(s.admin.cookie).api.v1.campaigns[":id"].committee.candidates.$get({
      ...byId(s.campaign.id),
      query: { q },
    }),
    200,
  );
const ranking = (s: Agency) =>
  client(s.chair.cookie).api.v1.campaigns[":id"].ranking.$get({ ...byId(s.campaign.id), query: {} });

/** The committee without `leaving`: chair first, then every other reviewer of the fixture. */
const without = (s: Agency, ...leaving: { user: { id: number } }[]): Member[] => [
  { userId: s.chair.user.id, role: "chair" },
  ...[s.r1, s.r2, s.r3, s.r4]
    .filter((r) => !leaving.some((l) => l.user.id === r.user.id))
    .map((r) => ({ userId: r.user.id, role: "reviewer" as const })),
];

async function notificationsOf(userId: number) {
  const results = await testDb
    .select({ kind: notifications.kind, payload: notifications.payload })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(asc(notifications.id));
  return results.map((r) => ({ kind: r.kind, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

async function seatsOf(s: Agency) {
  const results = await testDb
    .select({ userId: campaignMembers.userId, role: campaignMembers.role })
    .from(campaignMembers)
    .where(eq(campaignMembers.campaignId, s.campaign.id))
    .orderBy(asc(campaignMembers.userId));
  return results.map((r) => `${r.userId}:${r.role}`);
}

async function reviewsOf(assignmentId: number) {
  return testDb
    .select({ reviewer_id: reviews.reviewerId, state: reviews.state })
    .from(reviews)
    .where(eq(reviews.assignmentId, assignmentId));
}

const pairs = async (s: Agency) => (await assignmentsOf(s.campaign)).map((a) => `${a.idea_id}:${a.reviewer_id}`).sort();

describe("PUT /api/v1/campaigns/{id}/committee with reassign", () => {
  it("moves a removed reviewer's open assignments to the least-loaded eligible reviewers, keeps their submitted review, and tells everyone concerned", async () => {
    const s = await reviewAgency();
    // units: r1 Bappeda, r2 Dinkes, r3 Kominfo (above Aptika), r4 Dukcapil; the campaign excludes related units
    const aptika = await insertIdea(s.campaign, s.authorA.user, { status: "in_review", title: "Satu pintu perizinan" });
    const dinkes = await insertIdea(s.campaign, s.authorB.user, { status: "in_review", title: "Posyandu keliling" });
    const setda = await insertIdea(s.campaign, s.asn.user, { status: "in_review", title: "Arsip digital" });
    const a1 = await insertAssignment(s.campaign, aptika, s.r1.user);
    await insertReview(s.campaign, aptika, s.r1.user, a1, { state: "draft" });
    const a2 = await insertAssignment(s.campaign, dinkes, s.r1.user);
    const a3 = await insertAssignment(s.campaign, setda, s.r1.user);
    await insertReview(s.campaign, setda, s.r1.user, a3, { state: "submitted" });
    await insertAssignment(s.campaign, aptika, s.r2.user);

    const body = await bodyOf(await put(s, without(s, s.r1), true), 200);

    // Aptika's idea: r3 (Kominfo) is excluded and r2 already reviews it, so r4; Dinkes' idea: r2 is
    // excluded, r3 and r4 may, r3 carries less by then
    expect(body.reassigned?.map((m) => [m.assignmentId, m.idea.id, m.from.id, m.to.id])).toEqual([
      [a1.id, aptika.id, s.r1.user.id, s.r4.user.id],
      [a2.id, dinkes.id, s.r1.user.id, s.r3.user.id],
    ]);
    expect(body.members.map((m) => m.userId)).not.toContain(s.r1.user.id);
    expect(await pairs(s)).toEqual(
      [
        `${aptika.id}:${s.r2.user.id}`,
        `${aptika.id}:${s.r4.user.id}`,
        `${dinkes.id}:${s.r3.user.id}`,
        `${setda.id}:${s.r1.user.id}`,
      ].sort(),
    );
    // the leaving reviewer's draft is gone with the assignment; their submitted review still counts
    expect(await reviewsOf(a1.id)).toEqual([]);
    expect(await reviewsOf(a3.id)).toEqual([{ reviewer_id: s.r1.user.id, state: "submitted" }]);

    expect(await notificationsOf(s.r4.user.id)).toEqual([
      {
        kind: "review_assigned",
        payload: expect.objectContaining({ ideaId: aptika.id, assignmentId: a1.id, reassigned: true }),
      },
    ]);
    expect(await notificationsOf(s.r3.user.id)).toEqual([
      {
        kind: "review_assigned",
        payload: expect.objectContaining({ ideaId: dinkes.id, assignmentId: a2.id, reassigned: true }),
      },
    ]);
    expect(await notificationsOf(s.r1.user.id)).toEqual([
      {
        kind: "committee_removed",
        payload: { campaignId: s.campaign.id, title: "Kompetisi Inovasi Pelayanan Publik", moved: 2 },
      },
    ]);
    expect(await notificationsOf(s.r2.user.id)).toEqual([]);
    const [audit] = await auditRows(s.agency.id, "committee.update");
    expect(audit).toMatchObject({ actor_id: s.admin.user.id, subject_id: s.campaign.id });
  });

  it("never passes an assignment to an author, a co-author, a same-unit reviewer or a chair, and refuses 409 committee.no_eligible_reviewer with nothing changed", async () => {
    const s = await reviewAgency();
    const idea = await insertIdea(s.campaign, s.authorB.user, { status: "in_review" });
    await addCoauthor(idea, s.r4.user);
    const a = await insertAssignment(s.campaign, idea, s.r1.user);
    await insertReview(s.campaign, idea, s.r1.user, a, { state: "draft" });
    const before = await seatsOf(s);

    // left: the chair (chairs do not review), r2 of Dinkes (the idea's unit), r4 (co-author)
    const res = await put(s, without(s, s.r1, s.r3), true);
    expect(res.status).toBe(409);
    expect(await codeOf(res)).toBe("committee.no_eligible_reviewer");
    expect(await seatsOf(s)).toEqual(before);
    expect(await pairs(s)).toEqual([`${idea.id}:${s.r1.user.id}`]);
    expect(await reviewsOf(a.id)).toEqual([{ reviewer_id: s.r1.user.id, state: "draft" }]);
    for (const r of [s.r1, s.r2, s.r3, s.r4]) expect(await notificationsOf(r.user.id)).toEqual([]);

    // with r3 (Kominfo, unrelated to Dinkes) staying, r3 is the only one who may take it
    const ok = await put(s, without(s, s.r1), true);
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(await pairs(s)).toEqual([`${idea.id}:${s.r3.user.id}`]);
  });

  it("still refuses 409 committee.member_has_assignments without reassign, and lets a member whose reviews are all submitted leave", async () => {
    const s = await reviewAgency();
    const idea = await insertIdea(s.campaign, s.asn.user, { status: "in_review" });
    await insertAssignment(s.campaign, idea, s.r1.user);
    const done = await insertAssignment(s.campaign, idea, s.r2.user);
    await insertReview(s.campaign, idea, s.r2.user, done, { state: "submitted" });

    const refused = await put(s, without(s, s.r1));
    expect(refused.status).toBe(409);
    expect(await codeOf(refused)).toBe("committee.member_has_assignments");
    expect(await pairs(s)).toContain(`${idea.id}:${s.r1.user.id}`);

    const left = await put(s, without(s, s.r2));
    expect(left.status, await left.clone().text()).toBe(200);
    expect(await seatsOf(s)).not.toContain(`${s.r2.user.id}:reviewer`);
    // the submitted review stays theirs; nothing moved, and they hear that they left
    expect(await pairs(s)).toEqual([`${idea.id}:${s.r1.user.id}`, `${idea.id}:${s.r2.user.id}`].sort());
    expect(await notificationsOf(s.r2.user.id)).toEqual([
      { kind: "committee_removed", payload: expect.objectContaining({ moved: 0 }) },
    ]);
  });

  it("is the admin's alone: a chair asking to reassign gets 403 and nothing moves", async () => {
    const s = await reviewAgency();
    const idea = await insertIdea(s.campaign, s.asn.user, { status: "in_review" });
    await insertAssignment(s.campaign, idea, s.r1.user);
    const res = await put(s, without(s, s.r1), true, s.chair.cookie);
    expect(res.status).toBe(403);
    expect(await pairs(s)).toEqual([`${idea.id}:${s.r1.user.id}`]);
  });

  it("answers 422 for a reassign flag that is not a boolean", async () => {
    const s = await reviewAgency();
    const res = await api("PUT", `/api/v1/campaigns/${s.campaign.id}/committee`, {
      cookie: s.admin.cookie,
      body: { members: without(s), reassign: "yes" },
    });
    expect((await fieldErrors(res)).map((e) => e.path)).toEqual(["json.reassign"]);
  });
});

describe("reassignStatements", () => {
  it("moves nothing and tells nobody when the review was submitted meanwhile or the new reviewer got the idea meanwhile", async () => {
    const s = await reviewAgency();
    const idea = await insertIdea(s.campaign, s.asn.user, { status: "in_review" });
    const submitted = await insertAssignment(s.campaign, idea, s.r1.user);
    await insertReview(s.campaign, idea, s.r1.user, submitted, { state: "submitted" });
    const other = await insertIdea(s.campaign, s.asn.user, { status: "in_review" });
    const taken = await insertAssignment(s.campaign, other, s.r2.user);
    await insertAssignment(s.campaign, other, s.r3.user);
    const db = createDb(env.DB);
    const ctx = { agencyId: s.agency.id, campaignId: s.campaign.id, actorId: s.admin.user.id, now: Date.now() };
    const { moves } = await runNamedBatch(db, {
      moves: [
        reassignStatements(
          db,
          { assignmentId: submitted.id, ideaId: idea.id, reviewerId: s.r1.user.id, toReviewerId: s.r4.user.id },
          ctx,
        ),
        reassignStatements(
          db,
          { assignmentId: taken.id, ideaId: other.id, reviewerId: s.r2.user.id, toReviewerId: s.r3.user.id },
          ctx,
        ),
      ],
    });
    expect(moves.map((m) => [m.draft, m.moved, m.told].map(changesOf))).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(await pairs(s)).toEqual(
      [`${idea.id}:${s.r1.user.id}`, `${other.id}:${s.r2.user.id}`, `${other.id}:${s.r3.user.id}`].sort(),
    );
    expect(await reviewsOf(submitted.id)).toEqual([{ reviewer_id: s.r1.user.id, state: "submitted" }]);
    expect(await notificationsOf(s.r4.user.id)).toEqual([]);
    expect(await notificationsOf(s.r3.user.id)).toEqual([]);
  });
});

describe("GET /api/v1/campaigns/{id}/committee/candidates", () => {
  it("finds active people by name or NIP with their unit, role, seat and conflicts with the campaign's ideas", async () => {
    const s = await reviewAgency();
    const idea = await insertIdea(s.campaign, s.authorA.user, { status: "submitted" });
    await addCoauthor(idea, s.r3.user);
    await insertIdea(s.campaign, s.authorB.user, { status: "submitted" });
    await insertIdea(s.campaign, s.asn.user, { status: "draft" });
    const { items } = await candidates(s, "Rahmat");
    // r3 co-authored the Aptika idea (which is also of a unit below Kominfo): one authored, nothing else
    expect(items).toEqual([
      expect.objectContaining({
        id: s.r3.user.id,
        nip: s.r3.user.nip,
        unit: expect.objectContaining({ name: "Dinas Komunikasi dan Informatika" }),
        isReviewer: true,
        seat: "reviewer",
        conflicts: { authored: 1, sameUnit: 0 },
      }),
    ]);

    const byNip = await candidates(s, s.authorB.user.nip.slice(0, 17));
    const found = byNip.items.find((p) => p.id === s.authorB.user.id);
    expect(found).toMatchObject({ isReviewer: false, seat: null, conflicts: { authored: 1, sameUnit: 0 } });

    expect((await candidates(s, "Fitri")).items[0]?.conflicts).toEqual({ authored: 0, sameUnit: 1 });
  });

  it("answers 422 for a query shorter than two characters and 403 to a chair", async () => {
    const s = await reviewAgency();
    const path = `/api/v1/campaigns/${s.campaign.id}/committee/candidates`;
    expect((await api("GET", `${path}?q=a`, { cookie: s.admin.cookie })).status).toBe(422);
    expect((await api("GET", `${path}?q=Budi`, { cookie: s.chair.cookie })).status).toBe(403);
  });

  it("shows the committee's conflicts to the admin only", async () => {
    const s = await reviewAgency();
    const idea = await insertIdea(s.campaign, s.authorB.user, { status: "submitted" });
    await addCoauthor(idea, s.r4.user);
    const read = async (cookie: string) =>
      bodyOf(await client(cookie).api.v1.campaigns[":id"].committee.$get(byId(s.campaign.id)), 200);
    const admin = await read(s.admin.cookie);
    expect(admin.members.find((m) => m.userId === s.r4.user.id)?.conflicts).toEqual({ authored: 1, sameUnit: 0 });
    expect(admin.members.find((m) => m.userId === s.r2.user.id)?.conflicts).toEqual({ authored: 0, sameUnit: 1 });
    const chair = await read(s.chair.cookie);
    expect(chair.members.every((m) => m.conflicts === undefined)).toBe(true);
  });
});

describe("GET /api/v1/campaigns/{id}/ranking burst flags", () => {
  it("flags an idea whose votes came in one hour mostly from its own unit, with the window's figures, and not one with spread support", async () => {
    const s = await reviewAgency();
    const rallied = await insertIdea(s.campaign, s.authorB.user, { status: "in_review", title: "Posyandu keliling" });
    const organic = await insertIdea(s.campaign, s.asn.user, { status: "in_review", title: "Arsip digital" });
    const start = Date.now() - 40 * 86_400_000;
    for (let i = 0; i < 6; i++) {
      await insertVoteAt(rallied, s.campaign, await createUser(s.units.dinkes), start + i * 60_000);
      const unit = [s.units.bappeda, s.units.dukcapil, s.units.kominfo][i % 3]!;
      await insertVoteAt(organic, s.campaign, await createUser(unit), start + i * 86_400_000);
    }
    const body = await bodyOf(await ranking(s), 200);
    expect(body.burstRule).toMatchObject({ minVotes: 5, windowMinutes: 60 });
    const of = (id: number) => body.items.find((i) => i.idea.id === id)!.burst;
    expect(of(rallied.id)).toEqual({
      flagged: true,
      window: { start: new Date(start).toISOString(), end: expect.any(String), votes: 6, fromAuthorUnit: 6 },
    });
    expect(of(organic.id).flagged).toBe(false);
    expect(of(organic.id).window?.votes).toBe(1);
  });

  it("keeps each finding until the idea's votes change: the next opening reads no vote, a new vote recomputes it", async () => {
    const s = await reviewAgency();
    const idea = await insertIdea(s.campaign, s.authorB.user, { status: "in_review", title: "Posyandu keliling" });
    const start = Date.now() - 40 * 86_400_000;
    for (let i = 0; i < 4; i++) {
      await insertVoteAt(idea, s.campaign, await createUser(s.units.dinkes), start + i * 60_000);
    }
    const open = async () => {
      const res = await ranking(s);
      const rows = Number(/r=(\d+)/.exec(res.headers.get("Server-Timing") ?? "")?.[1]);
      const body = await bodyOf(res, 200);
      return { rows, flagged: body.items.find((i) => i.idea.id === idea.id)!.burst.flagged };
    };
    const first = await open();
    // four votes are fewer than the rule's five: not flagged, and the finding is kept
    expect(first.flagged).toBe(false);
    const kept = await testDb
      .select({ n: ideaBurstFindings.voteCount, flagged: ideaBurstFindings.flagged })
      .from(ideaBurstFindings)
      .where(eq(ideaBurstFindings.ideaId, idea.id))
      .get();
    expect(kept).toEqual({ n: 4, flagged: false });
    const second = await open();
    expect(second.flagged).toBe(false);
    // the four votes are no longer read
    expect(second.rows).toBeLessThanOrEqual(first.rows - 4);
    // a fifth vote within the hour from the same unit: the trigger forgets the finding, the ranking flags the idea
    await insertVoteAt(idea, s.campaign, await createUser(s.units.dinkes), start + 5 * 60_000);
    expect((await open()).flagged).toBe(true);
    // a finding saved while a vote raced it (its count differs from the idea's) is computed again
    await testDb
      .update(ideaBurstFindings)
      .set({ flagged: false, voteCount: 4 })
      .where(eq(ideaBurstFindings.ideaId, idea.id));
    expect((await open()).flagged).toBe(true);
  });
});
