/**
 * GET /api/v1/me/home: what waits for each person by role, the running campaigns with their
 * deadlines, their points and newest badge, and the agency's recognition with its leaders.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { campaigns, ideaEvents, ideas, reviews, userBadges, users } from "../src/db/schema";
import { announceAward, awardBody } from "./fixtures/awards";
import { createPersonas, createUser, signIn } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { bodyOf, client } from "./fixtures/client";
import { addCoauthor } from "./fixtures/idea-team";
import { competition, insertIdea, openCampaign, seatOnCommittee, type TestCampaign } from "./fixtures/ideas";
import { DAY, insertAssignment } from "./fixtures/reviews";

let p: Awaited<ReturnType<typeof createPersonas>>;
let kotak: TestCampaign;
let voting: TestCampaign;
let inReview: TestCampaign;
const ids: Record<string, number> = {};

const home = async (cookie: string) => bodyOf(await client(cookie).api.v1.me.home.$get(), 200);

beforeAll(async () => {
  p = await createPersonas();
  kotak = await openCampaign(p.agency);
  voting = await competition(p.agency, "voting");
  inReview = await competition(p.agency, "review");
  ids.draft = (await insertIdea(kotak, p.asn.user, { status: "draft", title: "Draf antrean daring" })).id;
  const teamIdea = await insertIdea(kotak, p.reviewer.user, { status: "draft", title: "Ide tim perpustakaan" });
  ids.teamIdea = teamIdea.id;
  await addCoauthor(teamIdea, p.asn.user, { accepted: false });
  const reviewed = await insertIdea(inReview, p.asn.user, { status: "in_review", title: "Posyandu digital" });
  ids.reviewed = reviewed.id;
  ids.overdue = (await insertAssignment(inReview, reviewed, p.reviewer.user, Date.now() - DAY)).id;
  const other = await insertIdea(inReview, p.asn.user, { status: "in_review", title: "Bank sampah" });
  ids.due = (await insertAssignment(inReview, other, p.reviewer.user, Date.now() + 3 * DAY)).id;
  await seatOnCommittee(inReview, p.reviewer.user, "chair");
  ids.approved = (await insertIdea(kotak, p.asn.user, { status: "approved", title: "Layanan jemput bola" })).id;
  ids.reported = (await insertIdea(kotak, p.asn.user, { title: "Ide yang dilaporkan" })).id;
  await testDb.update(ideas).set({ reportCount: 2 }).where(eq(ideas.id, ids.reported));
  await createUser(p.unit, { name: "Pegawai Baru" });
  // an idea the leader marked implemented
  const implemented = await insertIdea(kotak, p.asn.user, { status: "implemented", title: "Surat keterangan daring" });
  ids.implemented = implemented.id;
  await testDb.insert(ideaEvents).values({
    agencyId: p.agency.id,
    ideaId: implemented.id,
    actorId: p.leader.user.id,
    action: "implement",
    fromStatus: "approved",
    toStatus: "implemented",
    at: Date.now() - 60_000,
  });
});

describe("GET /api/v1/me/home", () => {
  it("shows an ASN their drafts, invitations and the running campaigns, and no other role's work", async () => {
    const h = await home(p.asn.cookie);
    expect(h.todo.drafts).toEqual({ count: 1, items: [expect.objectContaining({ id: ids.draft })] });
    expect(h.todo.invitations.count).toBe(1);
    expect(h.todo.invitations.items[0]).toMatchObject({ ideaId: ids.teamIdea, authorName: "Persona reviewer" });
    expect(h.todo.reviewsDue.count).toBe(0);
    expect(h.todo.decisions).toEqual([]);
    expect(h.todo.awardsToAnnounce).toBeNull();
    expect(h.todo.reportsToModerate).toBeNull();
    expect(h.todo.notActivated).toBeNull();
    const byId = new Map(h.campaigns.map((c) => [c.id, c]));
    expect(byId.get(kotak.id)).toMatchObject({ kind: "open", phase: "open", deadline: null });
    const votingEnd = await testDb
      .select({ t: campaigns.votingEnd })
      .from(campaigns)
      .where(eq(campaigns.id, voting.id))
      .get();
    expect(byId.get(voting.id)).toMatchObject({ phase: "voting", deadline: new Date(votingEnd!.t!).toISOString() });
    expect(h.rewards).toMatchObject({ points: 0, level: { key: "pemula" }, newestBadge: null });
  });

  it("shows a reviewer the reviews due soonest first, counting the overdue, and a chair the decisions waiting", async () => {
    const h = await home(p.reviewer.cookie);
    expect(h.todo.reviewsDue.count).toBe(2);
    expect(h.todo.reviewsDue.overdue).toBe(1);
    expect(h.todo.reviewsDue.items.map((r) => r.assignmentId)).toEqual([ids.overdue, ids.due]);
    expect(h.todo.decisions).toEqual([expect.objectContaining({ campaignId: inReview.id, waiting: 2 })]);
    // the ASN's unanswered invitation is not on the inviter's home
    expect(h.todo.invitations.count).toBe(0);
  });

  it("drops a review from the list once it is submitted", async () => {
    await testDb.insert(reviews).values({
      agencyId: p.agency.id,
      campaignId: inReview.id,
      ideaId: ids.reviewed!,
      assignmentId: ids.overdue!,
      reviewerId: p.reviewer.user.id,
      scores: "{}",
      state: "submitted",
      submittedAt: Date.now(),
      updatedAt: Date.now(),
    });
    const h = await home(p.reviewer.cookie);
    expect(h.todo.reviewsDue.items.map((r) => r.assignmentId)).toEqual([ids.due]);
    expect(h.todo.reviewsDue.overdue).toBe(0);
  });

  it("shows a leader the ideas waiting for an award, and the award they announce in the feed with their position", async () => {
    expect((await home(p.leader.cookie)).todo.awardsToAnnounce).toBe(2);
    const award = await announceAward(
      p.leader.cookie,
      awardBody({ userIds: [p.asn.user.id] }, { ideaIds: [ids.approved!], title: "Inovator Pelayanan 2026" }),
    );
    const h = await home(p.leader.cookie);
    expect(h.todo.awardsToAnnounce).toBe(1);
    expect(h.feed[0]).toEqual({
      kind: "award",
      id: award.id,
      title: "Inovator Pelayanan 2026",
      at: award.announcedAt,
      leader: { name: "Persona leader", position: "Pranata Komputer" },
    });
    expect(h.feed).toContainEqual(
      expect.objectContaining({
        kind: "implemented",
        id: ids.implemented,
        leader: expect.objectContaining({ name: "Persona leader" }),
      }),
    );
  });

  it("shows an admin the reports to moderate and the people who never signed in", async () => {
    const h = await home(p.admin.cookie);
    expect(h.todo.reportsToModerate).toBe(1);
    const never = await testDb.$count(
      users,
      and(eq(users.agencyId, p.agency.id), isNull(users.lastLoginAt), eq(users.active, true)),
    );
    expect(never).toBeGreaterThan(0);
    expect(h.todo.notActivated).toBe(never);
    const newcomer = await createUser(p.unit, { name: "Pegawai Lain" });
    expect((await home(p.admin.cookie)).todo.notActivated).toBe(never + 1);
    await signIn(newcomer);
    expect((await home(p.admin.cookie)).todo.notActivated).toBe(never);
    expect(h.todo.awardsToAnnounce).toBeNull();
  });

  it("shows the recipient their points, level and newest badge once the award is folded", async () => {
    const { runScheduler } = await import("./fixtures/scheduler");
    await runScheduler();
    const h = await home(p.asn.cookie);
    expect(h.rewards.points).toBeGreaterThan(0);
    const badge = await testDb
      .select({ k: userBadges.badgeKey })
      .from(userBadges)
      .where(eq(userBadges.userId, p.asn.user.id))
      .orderBy(desc(userBadges.at))
      .limit(1)
      .get();
    expect(h.rewards.newestBadge?.key ?? null).toBe(badge?.k ?? null);
  });

  it("keeps another agency's work and recognition out", async () => {
    const h = await home(p.otherAdmin.cookie);
    expect(h.feed).toEqual([]);
    expect(h.todo.reportsToModerate).toBe(0);
    expect(h.campaigns.map((c) => c.id)).not.toContain(kotak.id);
  });
});
