/** The bench agency's review: assignments (three per idea that went to review) and the reviews of them. */
import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { campaignMembers, campaigns, ideas, reviewAssignments, reviews } from "../../src/db/schema.ts";
import { db, insertSelect, sqlText } from "../seed/sql.ts";
import { COMPETITIONS, DAY, least, pick, range, u, type BenchPlan } from "./seed-plan.ts";

export function reviewsSql(p: BenchPlan): string[] {
  const { agency, now } = p;
  const i = alias(ideas, "i");
  const c = alias(campaigns, "c");
  const m = alias(campaignMembers, "m");
  const a = alias(reviewAssignments, "a");
  const r = alias(reviews, "r");
  // the reviewer of slot m: one of the campaign's eight reviewers, round the committee
  const slots = range(COMPETITIONS).flatMap((k) =>
    p
      .committeeOf(k)
      .slice(1)
      .map((user, slot) => sql`(${p.campaignOf(k)}, ${slot}, ${user})`),
  );
  const chair = sql`(SELECT ${m.userId} FROM ${campaignMembers} ${m} WHERE ${m.campaignId} = ${i.campaignId} AND ${m.role} = 'chair')`;
  const score = (salt: number, high: ReturnType<typeof sql>) =>
    sql`(1 + ${pick(a.id, salt, 3)} + CASE WHEN ${high} THEN 2 ELSE 0 END)`;
  const high = sql`${i.status} IN ('approved', 'implemented')`;
  const [s0, s1, s2, s3] = [1, 2, 3, 4].map((n) => score(50 + n, high));
  const weighted = sql`(40.0 * ${s0} + 20.0 * (${s1} + ${s2} + ${s3})) / 5.0`;
  const scoresJson = sql`json_object('dampak', ${s0}, 'kebaruan', ${s1}, 'kelayakan', ${s2}, 'keberlanjutan', ${s3})`;
  // in the campaign under review: half submitted, a fifth saved as drafts, the rest not started
  const draw = u(a.id, 55);
  const draft = sql`${i.status} = 'in_review' AND ${draw} >= 0.5`;
  const doneAt = least(now - 3_600_000, sql`${a.createdAt} + ${5 * DAY} + ${pick(a.id, 56, 20 * DAY)}`);
  return [
    sql`WITH cm(campaign_id, slot, user_id) AS (VALUES ${sql.join(slots, sql`, `)})
     ${insertSelect(
       reviewAssignments,
       {
         agencyId: agency,
         campaignId: i.campaignId,
         ideaId: i.id,
         reviewerId: sql.raw("cm.user_id"),
         dueAt: c.reviewEnd,
         assignedBy: chair,
         createdAt: c.reviewStart,
       },
       sql`FROM ${ideas} ${i} JOIN ${campaigns} ${c} ON ${c.id} = ${i.campaignId} AND ${c.kind} = 'competition'
     CROSS JOIN (SELECT 0 AS m UNION ALL SELECT 1 UNION ALL SELECT 2) s
     JOIN cm ON cm.campaign_id = ${i.campaignId} AND cm.slot = (${i.id} + s.m) % 8
     WHERE ${i.agencyId} = ${agency} AND ${i.status} IN ('in_review', 'approved', 'implemented', 'rejected')
     ORDER BY ${c.reviewStart}, ${i.id}, s.m`,
     )}`,
    insertSelect(
      reviews,
      {
        assignmentId: a.id,
        agencyId: a.agencyId,
        campaignId: a.campaignId,
        ideaId: a.ideaId,
        reviewerId: a.reviewerId,
        scores: sql`CASE WHEN ${draft} THEN json_object('dampak', ${s0}) ELSE ${scoresJson} END`,
        score: sql`CASE WHEN ${draft} THEN NULL ELSE ${weighted} END`,
        note: "",
        recommendation: sql`CASE WHEN ${draft} THEN NULL WHEN ${high} THEN 'approve' WHEN ${i.status} = 'rejected' THEN 'reject'
         WHEN ${weighted} >= 70 THEN 'shortlist' ELSE 'reject' END`,
        state: sql`CASE WHEN ${draft} THEN 'draft' ELSE 'submitted' END`,
        submittedAt: sql`CASE WHEN ${draft} THEN NULL ELSE ${doneAt} END`,
        updatedAt: doneAt,
      },
      sql`FROM ${reviewAssignments} ${a} JOIN ${ideas} ${i} ON ${i.id} = ${a.ideaId}
     WHERE ${a.agencyId} = ${agency} AND (${i.status} <> 'in_review' OR ${draw} < 0.7)`,
    ),
    db
      .update(ideas)
      .set({
        reviewScore: sql`(SELECT avg(${r.score}) FROM ${reviews} ${r} WHERE ${r.ideaId} = ${ideas.id} AND ${r.state} = 'submitted')`,
      })
      .where(
        sql`${ideas.agencyId} = ${agency} AND EXISTS (SELECT 1 FROM ${reviews} ${r} WHERE ${r.ideaId} = ${ideas.id} AND ${r.state} = 'submitted')`,
      ),
  ].map(sqlText);
}
