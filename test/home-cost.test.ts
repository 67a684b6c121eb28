/**
 * The home page costs the same in a big agency as in a small one: every count stops at 100 and every
 * list reads through an index, so an admin who is also a leader, a reviewer and a chair reads a
 * bounded number of rows with 3,000 ideas, reports and accounts waiting.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ideaAuthors, ideas, reviewAssignments } from "../src/db/schema";
import { createAgency, createUnit, createUser, signIn } from "./fixtures/builders";
import { columnList, testDb } from "./fixtures/db";
import { bodyOf, client } from "./fixtures/client";
import { d1Cost } from "./fixtures/http";
import { openCampaign, seatOnCommittee } from "./fixtures/ideas";

const IDEAS = 3000;
// per capped count or list at most 101 rows plus their joins by key (the drafts: the person's own team rows),
// 13 reads in one batch, plus the session's 3; measured: 979
const BUDGET = 1200;

let cookie: string;

beforeAll(async () => {
  const agency = await createAgency();
  const unit = await createUnit(agency);
  const me = await createUser(unit, { roles: ["asn", "reviewer", "leader", "admin"] });
  const colleague = await createUser(unit);
  await signIn(colleague);
  const campaign = await openCampaign(agency);
  await seatOnCommittee(campaign, me, "chair");
  cookie = await signIn(me);
  const ideaColumns = columnList(
    ideas.agencyId,
    ideas.campaignId,
    ideas.unitId,
    ideas.authorId,
    ideas.title,
    ideas.problem,
    ideas.status,
    ideas.listed,
    ideas.reportCount,
    ideas.submittedAt,
    ideas.decidedAt,
  );
  for (let start = 0; start < IDEAS; start += 1000) {
    const last = Math.min(start + 999, IDEAS - 1);
    await testDb.run(sql`WITH RECURSIVE n(i) AS (SELECT ${start} UNION ALL SELECT i + 1 FROM n WHERE i < ${last})
      INSERT INTO ${ideas} (${ideaColumns})
      SELECT ${agency.id}, ${campaign.id}, ${unit.id}, ${colleague.id}, 'Ide nomor ' || i, 'Masalah nomor ' || i,
             CASE i % 3 WHEN 0 THEN 'approved' WHEN 1 THEN 'in_review' ELSE 'draft' END, i % 3 <> 2, i % 2, ${Date.now()}, ${Date.now()}
      FROM n`);
  }
  const team = columnList(
    ideaAuthors.ideaId,
    ideaAuthors.userId,
    ideaAuthors.role,
    ideaAuthors.invitedAt,
    ideaAuthors.acceptedAt,
  );
  await testDb.run(sql`INSERT INTO ${ideaAuthors} (${team})
    SELECT ${ideas.id}, ${ideas.authorId}, 'author', 0, 0 FROM ${ideas} WHERE ${ideas.agencyId} = ${agency.id}`);
  // a busy person's own drafts: more than the count shows (a person's team rows are read whole)
  await testDb.run(sql`INSERT INTO ${ideaAuthors} (${team})
    SELECT ${ideas.id}, ${me.id}, 'coauthor', 0, 0 FROM ${ideas}
    WHERE ${ideas.agencyId} = ${agency.id} AND ${ideas.status} = 'draft' LIMIT 120`);
  const assignment = columnList(
    reviewAssignments.agencyId,
    reviewAssignments.campaignId,
    reviewAssignments.ideaId,
    reviewAssignments.reviewerId,
    reviewAssignments.dueAt,
    reviewAssignments.createdAt,
  );
  await testDb.run(sql`INSERT INTO ${reviewAssignments} (${assignment})
    SELECT ${ideas.agencyId}, ${ideas.campaignId}, ${ideas.id}, ${me.id}, ${Date.now() + 86_400_000}, 0 FROM ${ideas}
    WHERE ${ideas.agencyId} = ${agency.id} AND ${ideas.status} = 'in_review'`);
  for (let i = 0; i < 5; i++) await createUser(unit);
});

describe("GET /api/v1/me/home cost", () => {
  it(`reads at most ${BUDGET} rows with ${IDEAS} ideas, reports, drafts and reviews waiting`, async () => {
    const res = await client(cookie).api.v1.me.home.$get();
    const cost = d1Cost(res);
    const body = await bodyOf(res, 200);
    // every count saturates at 100 ("99+") rather than reading on
    expect(body.todo.drafts.count).toBe(100);
    expect(body.todo.reviewsDue.count).toBe(100);
    expect(body.todo.decisions[0]!.waiting).toBe(100);
    expect(body.todo.awardsToAnnounce).toBe(100);
    expect(body.todo.reportsToModerate).toBe(100);
    expect(body.todo.notActivated).toBe(5);
    console.log(`home: queries = ${cost.q}, rows read = ${cost.r}`);
    expect(cost.r).toBeLessThanOrEqual(BUDGET);
  });
});
