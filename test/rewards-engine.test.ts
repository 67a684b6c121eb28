/**
 * `rewardStatements` against D1, the way voting, comments, reviews and awards call it: in the
 * batch of their own write, with caps enforced, reversals exact and ids created in the same batch.
 */
import { env } from "cloudflare:test";
import { eq, max, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { newestId } from "../src/db/alias";
import { createDb, runBatch, type Statement } from "../src/db/client";
import { rewardStatements, type RewardCause } from "../src/db/queries/rewards.queries";
import { awards, comments, userBadges } from "../src/db/schema";
import {
  createAgency,
  createUnit,
  createUser,
  type TestAgency,
  type TestUnit,
  type TestUser,
} from "./fixtures/builders";
import { insertIdea, openCampaign } from "./fixtures/ideas";
import { badgesOf, expectTotalsMatchLedger, ledgerOf, totalOf } from "./fixtures/rewards";

const db = createDb(env.DB);
let agency: TestAgency;
let unit: TestUnit;

beforeAll(async () => {
  agency = await createAgency();
  unit = await createUnit(agency);
});

const base = () => ({ agencyId: agency.id, at: Date.now() });

async function pay(cause: RewardCause, before: Statement[] = []) {
  await runBatch(db, [...before, ...(await rewardStatements(db, cause))]);
}

const vote = (ideaId: number, voter: TestUser) =>
  ({ type: "vote_cast", ...base(), actorId: voter.id, ideaId, voterId: voter.id }) as const;
const retract = (ideaId: number, voter: TestUser) =>
  ({ type: "vote_retracted", ...base(), actorId: voter.id, ideaId, voterId: voter.id }) as const;

describe("rewardStatements for votes", () => {
  it("pays the voter and the idea's team; a retraction reverses both; voting again earns again", async () => {
    const [author, voter] = [await createUser(unit), await createUser(unit)];
    const idea = await insertIdea(await openCampaign(agency), author);
    await pay(vote(idea.id, voter));
    await pay(vote(idea.id, voter)); // a retried request
    await pay(retract(idea.id, voter));
    await pay(retract(idea.id, voter));
    await pay(vote(idea.id, voter));

    const key = `vote:idea:${idea.id}:voter:${voter.id}`;
    expect((await ledgerOf(voter.id)).map((r) => [r.points, r.idempotency_key])).toEqual([
      [1, `${key}:vote_cast:user:${voter.id}`],
      [-1, `${key}:vote_cast:user:${voter.id}:rev:1`],
      [1, `${key}:vote_cast:user:${voter.id}:again:1`],
    ]);
    expect((await ledgerOf(author.id)).map((r) => [r.points, r.rule_key])).toEqual([
      [2, "vote_received"],
      [-2, "vote_received"],
      [2, "vote_received"],
    ]);
    expect(await totalOf(agency.id, "user", voter.id)).toBe(1);
    expect(await totalOf(agency.id, "user", author.id)).toBe(2);
    await expectTotalsMatchLedger(agency.id);
  });

  it("stops paying a voter after 10 votes a day, while the authors still earn", async () => {
    const voter = await createUser(unit);
    const campaign = await openCampaign(agency);
    const authors = await Promise.all(Array.from({ length: 11 }, () => createUser(unit)));
    for (const author of authors) await pay(vote((await insertIdea(campaign, author)).id, voter));
    expect((await ledgerOf(voter.id)).length).toBe(10);
    expect(await totalOf(agency.id, "user", authors[10]!.id)).toBe(2);
  });

  it("re-checks the daily cap inside the batch: two votes planned from the same state pay the voter once", async () => {
    const voter = await createUser(unit);
    const campaign = await openCampaign(agency);
    for (let i = 0; i < 9; i++) await pay(vote((await insertIdea(campaign, await createUser(unit))).id, voter));
    const [a, b] = [
      await insertIdea(campaign, await createUser(unit)),
      await insertIdea(campaign, await createUser(unit)),
    ];
    const planned = [await rewardStatements(db, vote(a.id, voter)), await rewardStatements(db, vote(b.id, voter))];
    for (const statements of planned) await runBatch(db, statements);
    expect((await ledgerOf(voter.id)).length).toBe(10);
    expect(await totalOf(agency.id, "user", voter.id)).toBe(10);
    await expectTotalsMatchLedger(agency.id);
  });

  it("pays an idea's team for its first 50 votes only, and gives Didukung Rekan at the 10th", async () => {
    const author = await createUser(unit);
    const campaign = await openCampaign(agency);
    const tenth = await insertIdea(campaign, author, { voteCount: 9 });
    await pay(vote(tenth.id, await createUser(unit)));
    expect(await badgesOf(author.id)).toEqual(["didukung_rekan"]);
    const full = await insertIdea(campaign, author, { voteCount: 50 });
    await pay(vote(full.id, await createUser(unit)));
    expect((await ledgerOf(author.id)).length).toBe(1);
  });
});

describe("rewardStatements for comments, reviews and awards", () => {
  it("pays for a comment inserted in the same batch (its id as SQL) and takes it back when deleted", async () => {
    const [author, commenter] = [await createUser(unit), await createUser(unit)];
    const idea = await insertIdea(await openCampaign(agency), author);
    const now = Date.now();
    await pay(
      {
        type: "comment_posted",
        agencyId: agency.id,
        actorId: commenter.id,
        at: now,
        authorId: commenter.id,
        commentId: newestId(comments),
      },
      [
        db.insert(comments).values({
          agencyId: agency.id,
          ideaId: idea.id,
          authorId: commenter.id,
          body: "Setuju, perlu data antrean.",
          createdAt: now,
        }),
      ],
    );
    const id = (await db
      .select({ id: max(comments.id) })
      .from(comments)
      .get())!.id!;
    expect(await ledgerOf(commenter.id)).toEqual([
      expect.objectContaining({
        points: 2,
        subject_type: "comment",
        subject_id: id,
        idempotency_key: `comment:${id}:comment_posted:user:${commenter.id}`,
      }),
    ]);
    await pay({ type: "comment_deleted", ...base(), actorId: commenter.id, commentId: id });
    expect(await totalOf(agency.id, "user", commenter.id)).toBe(0);
  });

  it("pays a review on time 15 and a late one 5, and makes a Reviewer Teladan of the 5th on time", async () => {
    const reviewer = await createUser(unit);
    const review = (reviewId: number, dueAt: number) =>
      ({
        type: "review_completed",
        ...base(),
        actorId: reviewer.id,
        reviewId,
        reviewerId: reviewer.id,
        dueAt,
      }) as const;
    const ids = Array.from({ length: 6 }, (_, i) => 1_000_000 + reviewer.id * 10 + i);
    await pay(review(ids[0]!, Date.now() - 86_400_000));
    for (const id of ids.slice(1)) await pay(review(id, Date.now() + 86_400_000));
    expect((await ledgerOf(reviewer.id)).map((r) => r.rule_key)).toEqual([
      "review_late",
      ...Array(5).fill("review_on_time"),
    ]);
    expect(await badgesOf(reviewer.id)).toEqual(["reviewer_teladan"]);
    expect(await totalOf(agency.id, "user", reviewer.id)).toBe(5 + 5 * 15);
  });

  it("pays an award's bonus to each recipient once, for an award created in the same batch", async () => {
    const leader = await createUser(unit, { roles: ["asn", "leader"] });
    const recipients = [await createUser(unit), await createUser(unit)];
    const now = Date.now();
    await pay(
      {
        type: "award_granted",
        agencyId: agency.id,
        actorId: leader.id,
        at: now,
        awardId: newestId(awards),
        recipientIds: recipients.map((r) => r.id),
        points: 250,
      },
      [
        db.insert(awards).values({
          agencyId: agency.id,
          title: "Inovator Terbaik",
          citation: "Antrean daring",
          periodLabel: "2026",
          bonusPoints: 250,
          announcedBy: leader.id,
          announcedAt: now,
        }),
      ],
    );
    const awardId = (await db
      .select({ id: max(awards.id) })
      .from(awards)
      .get())!.id!;
    for (const r of recipients) {
      expect(await ledgerOf(r.id)).toEqual([
        expect.objectContaining({ points: 250, subject_type: "award", subject_id: awardId }),
      ]);
      expect(await badgesOf(r.id)).toEqual(["penerima_penghargaan"]);
    }
    const cause = await db
      .select({ cause: userBadges.cause })
      .from(userBadges)
      .where(eq(userBadges.userId, recipients[0]!.id))
      .get();
    expect(JSON.parse(cause!.cause)).toEqual({ event: "award_granted", subjectType: "award", subjectId: awardId });
    expect(await totalOf(agency.id, "unit", unit.id, "all")).toBeGreaterThanOrEqual(500);
    await expectTotalsMatchLedger(agency.id);
  });

  it("writes nothing when the `when` guard does not hold (the action did not happen)", async () => {
    const author = await createUser(unit);
    const idea = await insertIdea(await openCampaign(agency), author, { status: "approved" });
    const statements = await rewardStatements(
      db,
      { type: "idea_implemented", ...base(), actorId: null, ideaId: idea.id },
      { when: sql`EXISTS (SELECT 1 FROM ideas WHERE id = ${idea.id} AND status = 'implemented')` },
    );
    await runBatch(db, statements);
    expect(await ledgerOf(author.id)).toEqual([]);
    expect(await badgesOf(author.id)).toEqual([]);
  });
});
