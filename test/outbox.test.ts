/**
 * E-mail that really leaves: notifications of the e-mailed kinds reach the catching SMTP server
 * (test/fixtures/mail-sink-setup.ts) exactly once, through the outbox written with them; failed
 * attempts are retried with backoff and a retry never sends twice.
 */
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  commentMentions,
  comments,
  notificationChannels,
  notificationMutes,
  notifications,
  outbox,
} from "../src/db/schema";
import { retryDelayMs } from "../src/domain/outbox";
import { dayStart, localDay } from "../src/domain/time-zone";
import { createPersonas, createUser, type TestUser } from "./fixtures/builders";
import { announceAward, awardBody } from "./fixtures/awards";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import {
  competition,
  insertIdea,
  openCampaign,
  seatOnCommittee,
  transition,
  type TestCampaign,
} from "./fixtures/ideas";
import { hangUpNext, mailTo, refuseNext, runSchedulerWithMail } from "./fixtures/mail";
import { insertAssignment } from "./fixtures/reviews";
import { runScheduler } from "./fixtures/scheduler";
import { bodyOf, client, fieldErrors } from "./fixtures/client";

let p: Awaited<ReturnType<typeof createPersonas>>;
let kotak: TestCampaign;
beforeAll(async () => {
  p = await createPersonas();
  kotak = await openCampaign(p.agency);
});

async function mention(ideaId: number, author: TestUser, mentioned: TestUser) {
  const comment = await testDb
    .insert(comments)
    .values({
      agencyId: author.agencyId,
      ideaId,
      authorId: author.id,
      body: `@${mentioned.name} mohon ditinjau`,
      createdAt: Date.now(),
    })
    .returning({ id: comments.id })
    .get();
  await testDb.insert(commentMentions).values({ commentId: comment.id, userId: mentioned.id });
}

async function outboxOf(user: TestUser) {
  return testDb
    .select({
      kind: outbox.kind,
      state: outbox.state,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      payload: outbox.payload,
    })
    .from(outbox)
    .where(eq(outbox.userId, user.id))
    .orderBy(asc(outbox.id));
}

describe("notification e-mails", () => {
  it("sends a mention by e-mail exactly once, in both languages, with an unsubscribe link", async () => {
    const mentioned = await createUser(p.unit, { name: "Rini Mentioned" });
    const idea = await insertIdea(kotak, p.asn.user, { title: "Antrian daring Disdukcapil" });
    await mention(idea.id, p.reviewer.user, mentioned);

    await runSchedulerWithMail();
    await runSchedulerWithMail();
    const mails = await mailTo(mentioned.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.subject).toBe("Anda disebut dalam diskusi / You were mentioned");
    expect(mail!.text).toContain('menyebut Anda dalam diskusi ide "Antrian daring Disdukcapil"');
    expect(mail!.text).toContain("mentioned you in the discussion");
    expect(mail!.text).toContain(`https://gagas.test/ide/${idea.id}#komentar-`);
    expect(mail!.html).toContain("Antrian daring Disdukcapil");
    expect(mail!.headers["list-unsubscribe"]).toMatch(/https:\/\/gagas\.test\/berhenti-langganan\?token=[0-9a-f]{32}/);
    // the sink's credentials were used (AUTH)
    expect(mail!.user).toBe("gagas-test");
    expect(await outboxOf(mentioned)).toEqual([
      expect.objectContaining({ kind: "mention", state: "sent", attempts: 1 }),
    ]);
  });

  it("sends a decision on my idea to its author", async () => {
    const author = await createUser(p.unit);
    const campaign = await competition(p.agency, "review");
    const idea = await insertIdea(campaign, author, { status: "in_review", title: "Layanan KTP keliling" });
    await seatOnCommittee(campaign, p.reviewer.user, "chair");
    expect((await transition(p.reviewer.cookie, idea.id, "reject", "Anggaran tahun ini sudah terpakai")).status).toBe(
      200,
    );
    await runSchedulerWithMail();
    const mails = await mailTo(author.email);
    expect(mails.map((m) => m.subject)).toEqual(["Keputusan atas ide Anda / A decision on your idea"]);
    expect(mails[0]!.text).toContain('Ide Anda "Layanan KTP keliling" tidak dilanjutkan.');
    expect(mails[0]!.text).toContain("Alasan: Anggaran tahun ini sudah terpakai");
  });

  it("tells an award's recipient by e-mail", async () => {
    const winner = await createUser(p.unit);
    const award = await announceAward(p.leader.cookie, awardBody({ userIds: [winner.id] }));
    await runSchedulerWithMail();
    await runSchedulerWithMail();
    const mails = await mailTo(winner.email);
    expect(mails.map((m) => m.subject)).toEqual(["Selamat, Anda menerima penghargaan / You received an award"]);
    expect(mails[0]!.text).toContain(`https://gagas.test/penghargaan/${award.id}`);
  });

  it("reminds a reviewer by e-mail once, and retries a refused attempt without sending twice", async () => {
    const reviewer = await createUser(p.unit, { roles: ["asn", "reviewer"] });
    const campaign = await competition(p.agency, "review");
    const idea = await insertIdea(campaign, p.asn.user, { status: "in_review" });
    const due = Date.now() + 24 * 3_600_000;
    await insertAssignment(campaign, idea, reviewer, due);

    await refuseNext(1);
    const now = Date.now();
    await runSchedulerWithMail(now);
    expect(await mailTo(reviewer.email)).toEqual([]);
    const [failed] = await outboxOf(reviewer);
    expect(failed).toMatchObject({ kind: "review_due", state: "pending", attempts: 1 });
    expect(failed!.nextAttemptAt).toBe(now + retryDelayMs(1));

    // before the backoff passes nothing is tried; after it, the message leaves once
    await runSchedulerWithMail(now + 30_000);
    expect(await mailTo(reviewer.email)).toEqual([]);
    await runSchedulerWithMail(now + retryDelayMs(1) + 1);
    await runSchedulerWithMail(now + retryDelayMs(1) + 120_000);
    const mails = await mailTo(reviewer.email);
    expect(mails.map((m) => m.subject)).toEqual(["Pengingat penilaian / Review reminder"]);
    expect(mails[0]!.text).toMatch(/jatuh tempo \d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB/);
    expect(await outboxOf(reviewer)).toEqual([expect.objectContaining({ state: "sent", attempts: 2 })]);
  });

  it("retries a message whose connection dropped before the server answered, and keeps one Message-ID", async () => {
    const mentioned = await createUser(p.unit);
    const idea = await insertIdea(kotak, p.asn.user);
    await mention(idea.id, p.reviewer.user, mentioned);
    await hangUpNext(1);
    const now = Date.now();
    await runSchedulerWithMail(now);
    expect(await mailTo(mentioned.email)).toEqual([]);
    await runSchedulerWithMail(now + retryDelayMs(1) + 1);
    const mails = await mailTo(mentioned.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.messageId).toMatch(/^<[0-9a-f]{40}@gagas\.local>$/);
  });

  it("never sends a message twice when two runs overlap", async () => {
    const mentioned = await createUser(p.unit);
    const idea = await insertIdea(kotak, p.asn.user);
    await mention(idea.id, p.reviewer.user, mentioned);
    await runScheduler(); // the notification and its outbox row, nothing sent (no SMTP in this env)
    expect(await outboxOf(mentioned)).toEqual([expect.objectContaining({ state: "pending", attempts: 0 })]);
    await Promise.all([runSchedulerWithMail(), runSchedulerWithMail(), runSchedulerWithMail()]);
    expect(await mailTo(mentioned.email)).toHaveLength(1);
  });

  it("sends nothing for a kind the person moved to in-app only, and nothing to a muted kind", async () => {
    const quiet = await createUser(p.unit);
    const muted = await createUser(p.unit);
    await testDb.batch([
      testDb.insert(notificationChannels).values({ userId: quiet.id, kind: "mention", channel: "app" }),
      testDb.insert(notificationMutes).values({ userId: muted.id, kind: "mention" }),
    ]);
    const idea = await insertIdea(kotak, p.asn.user);
    await mention(idea.id, p.reviewer.user, quiet);
    await mention(idea.id, p.reviewer.user, muted);
    await runSchedulerWithMail();
    expect(await mailTo(quiet.email)).toEqual([]);
    expect(await mailTo(muted.email)).toEqual([]);
    expect(await outboxOf(quiet)).toEqual([]);
    // the bell still rings for the in-app-only person
    const bell = await testDb
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.userId, quiet.id));
    expect(bell).toEqual([{ kind: "mention" }]);
  });

  it("turns a kind to in-app only from the e-mail's unsubscribe link, without signing in", async () => {
    const person = await createUser(p.unit);
    const idea = await insertIdea(kotak, p.asn.user);
    await mention(idea.id, p.reviewer.user, person);
    await runSchedulerWithMail();
    const [mail] = await mailTo(person.email);
    const token = /token=([0-9a-f]{32})/.exec(mail!.headers["list-unsubscribe"] ?? "")![1]!;
    const res = await api("POST", "/api/v1/notifications/unsubscribe", { body: { token } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ kinds: ["mention"] });
    await mention(idea.id, p.reviewer.user, person);
    await runSchedulerWithMail();
    expect(await mailTo(person.email)).toHaveLength(1);
    expect((await api("POST", "/api/v1/notifications/unsubscribe", { body: { token: "0".repeat(32) } })).status).toBe(
      404,
    );
  });
});

describe("the daily digest", () => {
  it("gathers votes and comments on my ideas into one e-mail at 07:00 on the agency's clock, once", async () => {
    const author = await createUser(p.unit, { name: "Penulis Digest" });
    const idea = await insertIdea(kotak, author, { title: "Arsip digital kelurahan" });
    // yesterday afternoon (WIB): three votes and a comment on the idea
    const today = localDay(Date.now(), "Asia/Jakarta");
    const sevenAm = dayStart(today, "Asia/Jakarta") + 7 * 3_600_000;
    const yesterday = sevenAm - 10 * 3_600_000;
    for (const kind of ["vote_on_my_idea", "vote_on_my_idea", "vote_on_my_idea", "comment_on_my_idea"]) {
      await testDb.insert(notifications).values({
        agencyId: author.agencyId,
        userId: author.id,
        kind,
        payload: JSON.stringify({ ideaId: idea.id, title: "Arsip digital kelurahan" }),
        dedupeKey: `t:${crypto.randomUUID()}`,
        createdAt: yesterday,
      });
    }
    await runSchedulerWithMail(sevenAm - 60_000);
    expect(await mailTo(author.email)).toEqual([]);
    await runSchedulerWithMail(sevenAm + 60_000);
    await runSchedulerWithMail(sevenAm + 120_000);
    const mails = await mailTo(author.email);
    expect(mails.map((m) => m.subject)).toEqual(["Ringkasan harian Gagas / Your Gagas daily digest"]);
    expect(mails[0]!.text).toContain('3 dukungan baru untuk "Arsip digital kelurahan"');
    expect(mails[0]!.text).toContain('1 komentar baru pada "Arsip digital kelurahan"');
    expect(mails[0]!.text).toContain('3 new supporters of "Arsip digital kelurahan"');
  });

  it("leaves out the kinds a person keeps in the app", async () => {
    const author = await createUser(p.unit);
    await testDb.insert(notificationChannels).values([
      { userId: author.id, kind: "vote_on_my_idea", channel: "app" },
      { userId: author.id, kind: "comment_on_my_idea", channel: "app" },
    ]);
    const today = localDay(Date.now(), "Asia/Jakarta");
    const sevenAm = dayStart(today, "Asia/Jakarta") + 7 * 3_600_000;
    await testDb.insert(notifications).values({
      agencyId: author.agencyId,
      userId: author.id,
      kind: "vote_on_my_idea",
      payload: "{}",
      dedupeKey: `t:${crypto.randomUUID()}`,
      createdAt: sevenAm - 3_600_000,
    });
    await runSchedulerWithMail(sevenAm + 60_000);
    expect(await mailTo(author.email)).toEqual([]);
  });
});

describe("GET|PUT /api/v1/notifications/preferences (channels)", () => {
  it("shows each kind's channel (the defaults until chosen) and changes one", async () => {
    const preferences = client(p.asn.cookie).api.v1.notifications.preferences;
    const { kinds } = await bodyOf(await preferences.$get(), 200);
    const of = (kind: string) => kinds.find((k) => k.kind === kind)!;
    expect(of("review_due")).toMatchObject({ channel: "email", channels: ["email", "app"] });
    expect(of("decision_on_my_idea").channel).toBe("email");
    expect(of("award_received").channel).toBe("email");
    expect(of("mention").channel).toBe("email");
    expect(of("vote_on_my_idea")).toMatchObject({ channel: "digest", channels: ["digest", "app"] });
    expect(of("comment_on_my_idea").channel).toBe("digest");
    expect(of("points_earned")).toMatchObject({ channel: "app", channels: ["app"] });

    const put = await preferences.$put({ json: { muted: [], channels: [{ kind: "mention", channel: "app" }] } });
    const after = (await bodyOf(put, 200)).kinds;
    expect(after.find((k) => k.kind === "mention")!.channel).toBe("app");
    expect(after.find((k) => k.kind === "review_due")!.channel).toBe("email");
  });

  it("answers 422 notification.channel_unavailable for a channel the kind cannot use", async () => {
    const res = await api("PUT", "/api/v1/notifications/preferences", {
      cookie: p.asn.cookie,
      body: { muted: [], channels: [{ kind: "points_earned", channel: "email" }] },
    });
    expect(res.status).toBe(422);
    expect((await fieldErrors(res))[0]!.code).toBe("notification.channel_unavailable");
  });
});
