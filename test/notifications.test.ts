import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { asc, eq, inArray, max, sql } from "drizzle-orm";
import { createDb } from "../src/db/client";
import { listSchedules } from "../src/db/queries/notifications.queries";
import {
  awardRecipients,
  awards,
  campaignPhaseEvents,
  campaigns,
  commentMentions,
  comments,
  follows,
  notifications,
  pointLedger,
  userBadges,
} from "../src/db/schema";
import { createD1Stats, instrumentD1 } from "../src/lib/d1-stats";
import { createAgency, createPersonas, createUser, signIn, type TestUser } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import { insertAssignment } from "./fixtures/reviews";
import { runScheduler } from "./fixtures/scheduler";
import {
  competition,
  insertIdea,
  insertVote,
  openCampaign,
  seatOnCommittee,
  type TestCampaign,
} from "./fixtures/ideas";
import { bodyOf, client } from "./fixtures/client";

type Notification = { id: number; kind: string; payload: Record<string, unknown>; readAt: string | null };

let p: Awaited<ReturnType<typeof createPersonas>>;
let kotak: TestCampaign;
beforeAll(async () => {
  p = await createPersonas();
  kotak = await openCampaign(p.agency);
});

async function notificationsOf(user: TestUser, kind?: string): Promise<Notification[]> {
  const rows = await testDb
    .select({
      id: notifications.id,
      kind: notifications.kind,
      payload: notifications.payload,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, user.id))
    .orderBy(asc(notifications.id));
  return rows
    .filter((r) => !kind || r.kind === kind)
    .map((r) => ({
      ...r,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
      readAt: r.readAt === null ? null : String(r.readAt),
    }));
}

async function insertComment(
  ideaId: number,
  author: TestUser,
  options: { parentId?: number; mentions?: number[] } = {},
) {
  const { id } = await testDb
    .insert(comments)
    .values({
      agencyId: author.agencyId,
      ideaId,
      authorId: author.id,
      parentId: options.parentId ?? null,
      body: "Setuju, ini perlu segera dicoba di kelurahan.",
      createdAt: Date.now(),
    })
    .returning({ id: comments.id })
    .get();
  for (const userId of options.mentions ?? []) {
    await testDb.insert(commentMentions).values({ commentId: id, userId });
  }
  return id;
}

describe("the scheduler", () => {
  it("records a competition entering its phase and tells the chairs, once", async () => {
    const campaign = await competition(p.agency, "voting");
    const chair = await createUser(p.unit, { roles: ["asn", "reviewer"] });
    await seatOnCommittee(campaign, chair, "chair");
    await runScheduler();
    await runScheduler();
    const phases = await testDb
      .select({ phase: campaignPhaseEvents.phase })
      .from(campaignPhaseEvents)
      .where(eq(campaignPhaseEvents.campaignId, campaign.id));
    expect(phases.map((r) => r.phase)).toEqual(["voting"]);
    expect(await notificationsOf(chair, "campaign_phase")).toEqual([
      expect.objectContaining({
        payload: { campaignId: campaign.id, title: "Kompetisi Inovasi Pelayanan Publik", phase: "voting" },
      }),
    ]);
  });

  it("moves on when the next phase's date passes", async () => {
    const campaign = await competition(p.agency, "voting");
    await runScheduler();
    await runScheduler(Date.now() + 25 * 86_400_000);
    const phases = await testDb
      .select({ phase: campaignPhaseEvents.phase })
      .from(campaignPhaseEvents)
      .where(eq(campaignPhaseEvents.campaignId, campaign.id))
      .orderBy(asc(campaignPhaseEvents.at));
    expect(phases.map((r) => r.phase)).toEqual(["voting", "review"]);
  });

  it("reminds a reviewer once of an assignment due within 48 hours", async () => {
    const reviewer = await createUser(p.unit, { roles: ["asn", "reviewer"] });
    const campaign = await competition(p.agency, "review");
    const idea = await insertIdea(campaign, p.asn.user, { status: "in_review" });
    await insertAssignment(campaign, idea, reviewer, Date.now() + 24 * 3_600_000);
    await runScheduler();
    await runScheduler();
    expect((await notificationsOf(reviewer)).map((n) => n.kind).sort()).toEqual(["review_assigned", "review_due"]);
  });
});

describe("the scheduler's competitions in play", () => {
  /** Rows read by `listSchedules`, which the scheduler runs every minute. */
  async function readsOfSchedules(now: number) {
    const stats = createD1Stats();
    const { campaigns } = await listSchedules(createDb(instrumentD1(env.DB, stats)), now);
    return { rowsRead: stats.rowsRead, ids: campaigns.map((c) => c.id) };
  }

  it("reads only the competitions announced in the last 30 days, however many are older", async () => {
    const now = Date.now();
    const agency = await createAgency();
    const playing = await competition(agency, "voting");
    const before = await readsOfSchedules(now);
    expect(before.ids).toContain(playing.id);
    // three years of quarterly competitions, announced long ago
    const old: number[] = [];
    for (let i = 0; i < 12; i++) old.push((await competition(agency, "announcement")).id);
    const longAgo = now - 90 * 86_400_000;
    await testDb.update(campaigns).set({ announcementAt: longAgo }).where(inArray(campaigns.id, old));
    const after = await readsOfSchedules(now);
    expect(after.ids).toEqual(before.ids);
    expect(after.rowsRead).toBe(before.rowsRead);
  });
});

describe("notifications derived from what happened", () => {
  it("tells the authors of a new supporter without naming the voter, once", async () => {
    const author = await createUser(p.unit);
    const idea = await insertIdea(kotak, author);
    await insertVote(idea, kotak, p.reviewer.user);
    await runScheduler();
    await runScheduler();
    const got = await notificationsOf(author, "vote_on_my_idea");
    expect(got).toHaveLength(1);
    expect(got[0]!.payload).toEqual({ ideaId: idea.id, title: "Antrean daring layanan KTP elektronik" });
  });

  it("tells the parent's author of a reply, the mentioned of a mention, and the authors of the rest", async () => {
    const author = await createUser(p.unit);
    const commenter = await createUser(p.unit, { name: "Sri Wahyuni" });
    const replier = await createUser(p.unit);
    const mentioned = await createUser(p.unit);
    const idea = await insertIdea(kotak, author);
    const top = await insertComment(idea.id, commenter);
    await insertComment(idea.id, replier, { parentId: top, mentions: [mentioned.id] });
    await runScheduler();
    expect((await notificationsOf(author)).map((n) => n.kind)).toEqual(["comment_on_my_idea", "comment_on_my_idea"]);
    expect((await notificationsOf(commenter)).map((n) => n.kind)).toEqual(["reply_to_me"]);
    expect((await notificationsOf(mentioned)).map((n) => n.kind)).toEqual(["mention"]);
    expect((await notificationsOf(author))[0]!.payload).toMatchObject({ actorName: "Sri Wahyuni", ideaId: idea.id });
  });

  it("tells the authors of a decision and the followers of a status change", async () => {
    const author = await createUser(p.unit);
    const follower = await createUser(p.unit);
    const campaign = await competition(p.agency, "review");
    const idea = await insertIdea(campaign, author, { status: "submitted" });
    await testDb.insert(follows).values({ ideaId: idea.id, userId: follower.id, createdAt: 0 });
    expect(
      (
        await api("POST", `/api/v1/ideas/${idea.id}/transitions`, {
          cookie: p.admin.cookie,
          body: { action: "start_review" },
        })
      ).status,
    ).toBe(200);
    await runScheduler();
    expect(await notificationsOf(author)).toEqual([
      expect.objectContaining({
        kind: "decision_on_my_idea",
        payload: expect.objectContaining({ action: "start_review", toStatus: "in_review" }),
      }),
    ]);
    expect((await notificationsOf(follower)).map((n) => n.kind)).toEqual(["followed_idea_status"]);
  });

  it("tells of points of 10 or more, badges and awards", async () => {
    const person = await createUser(p.unit);
    const now = Date.now();
    const earned = { agencyId: p.agency.id, userId: person.id, unitId: person.unitId, subjectId: 1, rulesVersion: 1 };
    await testDb.batch([
      testDb.insert(pointLedger).values([
        {
          ...earned,
          points: 50,
          eventType: "idea_approved",
          subjectType: "idea",
          ruleKey: "approved",
          idempotencyKey: `t-approved-${person.id}`,
          day: "2026-11-23",
          at: now,
        },
        {
          ...earned,
          points: 1,
          eventType: "vote_cast",
          subjectType: "vote",
          ruleKey: "vote_cast",
          idempotencyKey: `t-vote-${person.id}`,
          day: "2026-11-23",
          at: now,
        },
      ]),
      testDb.insert(userBadges).values({ userId: person.id, badgeKey: "ide_pertama", agencyId: p.agency.id, at: now }),
      testDb.insert(awards).values({
        agencyId: p.agency.id,
        title: "Inovator Terbaik 2026",
        citation: "Atas antrean daring",
        periodLabel: "2026",
        announcedBy: p.leader.user.id,
        announcedAt: now,
      }),
      testDb.insert(awardRecipients).values({
        awardId: sql`${testDb.select({ id: max(awards.id) }).from(awards)}`,
        userId: person.id,
        certificateCode: `CERT-${person.id}`,
      }),
    ]);
    await runScheduler();
    expect((await notificationsOf(person)).map((n) => n.kind).sort()).toEqual([
      "award_received",
      "badge_earned",
      "points_earned",
    ]);
  });

  it("respects a person's preferences", async () => {
    const author = await createUser(p.unit);
    const cookie = await signIn(author);
    const res = await client(cookie).api.v1.notifications.preferences.$put({ json: { muted: ["vote_on_my_idea"] } });
    expect((await bodyOf(res, 200)).kinds).toContainEqual(
      expect.objectContaining({ kind: "vote_on_my_idea", enabled: false }),
    );
    const idea = await insertIdea(kotak, author);
    await insertVote(idea, kotak, p.reviewer.user);
    await insertComment(idea.id, p.reviewer.user);
    await runScheduler();
    expect((await notificationsOf(author)).map((n) => n.kind)).toEqual(["comment_on_my_idea"]);
  });
});

describe("GET /api/v1/notifications", () => {
  it("lists mine newest first with the unread count, and marks them read", async () => {
    const author = await createUser(p.unit);
    const cookie = await signIn(author);
    const idea = await insertIdea(kotak, author);
    for (const voter of [p.reviewer.user, p.leader.user, p.admin.user]) await insertVote(idea, kotak, voter);
    await runScheduler();
    const list = (query: { cursor?: string }) =>
      client(cookie).api.v1.notifications.$get({ query: { limit: "2", ...query } });
    const page = await bodyOf(await list({}), 200);
    expect(page.items).toHaveLength(2);
    expect(page.unreadCount).toBe(3);
    expect(page.nextCursor).not.toBeNull();
    const rest = await bodyOf(await list({ cursor: page.nextCursor! }), 200);
    expect(rest.items).toHaveLength(1);
    const afterOne = await api("POST", "/api/v1/notifications/read", { cookie, body: { ids: [page.items[0]!.id] } });
    expect(await afterOne.json()).toEqual({ count: 2 });
    expect(await (await api("POST", "/api/v1/notifications/read", { cookie, body: { all: true } })).json()).toEqual({
      count: 0,
    });
  });

  it("cannot mark another person's notifications read", async () => {
    const author = await createUser(p.unit);
    const idea = await insertIdea(kotak, author);
    await insertVote(idea, kotak, p.reviewer.user);
    await runScheduler();
    const [theirs] = await notificationsOf(author);
    await api("POST", "/api/v1/notifications/read", { cookie: p.asn.cookie, body: { ids: [theirs!.id] } });
    expect((await notificationsOf(author))[0]!.readAt).toBeNull();
  });
});

describe("the scheduler's cost", () => {
  it("writes nothing on a run with nothing new", async () => {
    await runScheduler();
    const logs: string[] = [];
    const original = console.log;
    console.log = (line: string) => logs.push(line);
    try {
      await runScheduler();
    } finally {
      console.log = original;
    }
    const report = JSON.parse(logs.find((l) => l.includes('"scheduler"'))!) as { cost: string };
    expect(report.cost).toMatch(/ w=0 rt=\d+"$/);
  });
});
