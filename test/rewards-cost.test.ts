/**
 * What rewards cost in D1 rows written, per event, as D1 reports them (the figures behind the
 * daily budget in docs/rewards.md): in the action's batch a ledger row with its three indexes; in
 * the scheduler's fold (issue 22) the running totals row of the person (all four periods side by
 * side, with its four board index entries) and of their unit, once per fold however many rows of
 * theirs it folds.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createDb, runBatch } from "../src/db/client";
import { foldTotalsStatements } from "../src/db/queries/reward-fold.queries";
import { rewardStatements, type RewardCause } from "../src/db/queries/rewards.queries";
import { createAgency, createUnit, createUser, signIn } from "./fixtures/builders";
import { d1Cost } from "./fixtures/http";
import { COMPLETE_IDEA, insertIdea, openCampaign, transition } from "./fixtures/ideas";
import { bodyOf, client } from "./fixtures/client";

const db = createDb(env.DB);

/** Rows written and read by what an event earns alone. */
async function cost(cause: RewardCause) {
  const results = await runBatch(db, await rewardStatements(db, cause));
  return {
    w: results.reduce((s, r) => s + (r.meta.rows_written ?? 0), 0),
    r: results.reduce((s, r) => s + (r.meta.rows_read ?? 0), 0),
  };
}

/** Rows written and read by one fold of the totals. */
async function foldCost() {
  const results = await runBatch(db, foldTotalsStatements(db));
  return {
    w: results.reduce((s, r) => s + (r.meta.rows_written ?? 0), 0),
    r: results.reduce((s, r) => s + (r.meta.rows_read ?? 0), 0),
  };
}

describe("rows written per reward event", () => {
  it("costs 4 rows per person paid in the action's batch (6 with a badge), 8 for a vote paying voter and author", async () => {
    await foldCost();
    const agency = await createAgency();
    const [unitA, unitB] = [await createUnit(agency), await createUnit(agency)];
    const [author, voter, other] = [await createUser(unitA), await createUser(unitB), await createUser(unitB)];
    const campaign = await openCampaign(agency);
    const base = { agencyId: agency.id, at: Date.now() };
    const [first, second] = [await insertIdea(campaign, author), await insertIdea(campaign, author)];

    const submitFirst = await cost({ type: "idea_submitted", ...base, actorId: author.id, ideaId: first.id });
    const submitSecond = await cost({ type: "idea_submitted", ...base, actorId: author.id, ideaId: second.id });
    const firstVote = await cost({
      type: "vote_cast",
      ...base,
      actorId: voter.id,
      ideaId: first.id,
      voterId: voter.id,
    });
    const laterVote = await cost({
      type: "vote_cast",
      ...base,
      actorId: other.id,
      ideaId: second.id,
      voterId: other.id,
    });
    const retract = await cost({
      type: "vote_retracted",
      ...base,
      actorId: other.id,
      ideaId: second.id,
      voterId: other.id,
    });
    const retried = await cost({ type: "vote_cast", ...base, actorId: voter.id, ideaId: first.id, voterId: voter.id });
    const figures = { submitFirst, submitSecond, firstVote, laterVote, retract, retried };
    console.log(`rewards cost (w = rows written, r = rows read by the writes): ${JSON.stringify(figures)}`);

    // the ledger row and its 3 indexes; a badge 2
    const paid = 4;
    expect(submitSecond.w).toBe(paid);
    expect(submitFirst.w).toBe(paid + 2);
    // a vote pays two people (and may grant the voter a badge)
    expect(laterVote.w).toBeLessThanOrEqual(2 * paid + 2);
    expect(firstVote.w).toBeLessThanOrEqual(2 * paid + 2);
    expect(retract.w).toBe(2 * paid);
    expect(retried).toEqual({ w: 0, r: 0 });
  });

  it("folds many rows of one person into one totals row of theirs and one of their unit", async () => {
    const agency = await createAgency();
    const unit = await createUnit(agency);
    const author = await createUser(unit);
    const campaign = await openCampaign(agency);
    const base = { agencyId: agency.id, at: Date.now(), actorId: author.id };
    const ideas = await Promise.all(Array.from({ length: 10 }, () => insertIdea(campaign, author)));
    await foldCost();
    for (const idea of ideas.slice(0, 1)) await cost({ type: "idea_submitted", ...base, ideaId: idea.id });
    // the person's and the unit's rows are new: the person's row, its key and 4 board index entries;
    // the unit's row and key; and the watermark
    const first = await foldCost();
    expect(first.w).toBe(1 + 1 + 4 + (1 + 1) + 1);
    for (const idea of ideas.slice(1)) await cost({ type: "idea_submitted", ...base, ideaId: idea.id });
    // nine rows of one person: the person's row with its 4 board index entries, the unit's row, once
    // each, and the watermark
    const nine = await foldCost();
    expect(nine.w).toBe(1 + 4 + 1 + 1);
    expect(await foldCost()).toMatchObject({ w: 0 });
  });

  it("through the API: submitting an idea costs the step plus its points", async () => {
    const agency = await createAgency();
    const author = await createUser(await createUnit(agency));
    const cookie = await signIn(author);
    const draft = async () => (await bodyOf(await client(cookie).api.v1.ideas.$post({ json: COMPLETE_IDEA }), 201)).id;
    const [a, b] = [await draft(), await draft()];
    await transition(cookie, a, "submit");
    const res = await transition(cookie, b, "submit");
    const withdraw = await transition(cookie, b, "withdraw", "Digabung dengan ide lain");
    console.log(
      `POST transitions: submit ${JSON.stringify(d1Cost(res))}, withdraw ${JSON.stringify(d1Cost(withdraw))}`,
    );
    expect(d1Cost(res).w).toBeLessThanOrEqual(40);
  });
});
