/** The bench agency's ideas, their teams and their workflow history, drawn inside SQLite. */
import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { campaignMembers, campaigns, ideaAuthors, ideaEvents, ideas, users } from "../../src/db/schema.ts";
import { indexText } from "../../src/domain/search-normalise.ts";
import { insertSelect, sqlText } from "../seed/sql.ts";
import { BENEFITS, CATEGORIES, IDEA_ACTIONS, IDEA_OBJECTS, IDEA_PLACES, PROBLEMS, SOLUTIONS } from "./seed-data.ts";
import { COMPETITIONS, DAY, IN_REVIEW, IN_VOTING, least, pick, u, word, type BenchPlan } from "./seed-plan.ts";

const raw = (text: string) => sql.raw(text);

/**
 * Ideas: campaign, author, status and times drawn per idea; the idea's popularity weight (what its
 * votes and comments follow) is parked in `hot` until the counts exist.
 */
export function ideasSql(p: BenchPlan) {
  const { size, agency, now, user0, idea0 } = p;
  const reviewed = size.reviewedPerCampaign;
  const kotak = p.kotakIde;
  const c = alias(campaigns, "c");
  const au = alias(users, "au");
  const title = sql`${word(IDEA_ACTIONS, "i", 41)} || ' ' || ${word(IDEA_OBJECTS, "i", 42)} || ' ' || ${word(IDEA_PLACES, "i", 43)}`;
  const problem = sql`'Saat ini ' || ${word(IDEA_OBJECTS, "i", 42)} || ' ' || ${word(IDEA_PLACES, "i", 43)} || ' belum tertata: ' || ${word(PROBLEMS, "i", 44)} || '. Akibatnya ' || ${word(PROBLEMS, "i", 45)} || '.'`;
  const solution = sql`'Kami mengusulkan ' || ${word(SOLUTIONS, "i", 46)} || ', lalu ' || ${word(SOLUTIONS, "i", 47)} || ' agar layanan ' || ${word(IDEA_OBJECTS, "i", 42)} || ' lebih cepat.'`;
  const benefit = sql`'Manfaat yang diharapkan: ' || ${word(BENEFITS, "i", 48)} || '.'`;
  // the same texts as the search index holds them (the normaliser works word by word, so the
  // normalised parts joined are the normalised whole): searchable at once, as through the API
  const n = (items: readonly string[]) => items.map(indexText);
  const nq = (text: string) => sql`${indexText(text)}`;
  const searchTitle = sql`${word(n(IDEA_ACTIONS), "i", 41)} || ' ' || ${word(n(IDEA_OBJECTS), "i", 42)} || ' ' || ${word(n(IDEA_PLACES), "i", 43)}`;
  const searchProblem = sql`${nq("Saat ini")} || ' ' || ${word(n(IDEA_OBJECTS), "i", 42)} || ' ' || ${word(n(IDEA_PLACES), "i", 43)} || ' ' || ${nq("belum tertata")} || ' ' || ${word(n(PROBLEMS), "i", 44)} || ' ' || ${nq("Akibatnya")} || ' ' || ${word(n(PROBLEMS), "i", 45)}`;
  const searchSolution = sql`${nq("Kami mengusulkan")} || ' ' || ${word(n(SOLUTIONS), "i", 46)} || ' ' || ${nq("lalu")} || ' ' || ${word(n(SOLUTIONS), "i", 47)} || ' ' || ${nq("agar layanan")} || ' ' || ${word(n(IDEA_OBJECTS), "i", 42)} || ' ' || ${nq("lebih cepat")}`;
  // submission time inside the campaign's window (the Kotak Ide: the last three years)
  const submitted = sql`CASE WHEN ${c.kind} = 'open' THEN ${p.historyStart} + CAST(s.ut * ${now - 2 * DAY - p.historyStart} AS INTEGER)
    ELSE ${c.submissionStart} + CAST(s.ut * (${least(c.submissionEnd, now - 3_600_000)} - ${c.submissionStart}) AS INTEGER) END`;
  const decided = sql`CASE WHEN ${c.kind} = 'open' THEN ${least(now - 3_600_000, `s.sub + ${30 * DAY}`)} ELSE ${c.reviewEnd} - ${DAY} END`;
  const implemented = least(now - 1_800_000, sql`${decided} + ${30 * DAY}`);
  const withdrawn = least(now - 3_600_000, `s.sub + ${3 * DAY}`);
  const reviewStart = sql`CASE WHEN ${c.kind} = 'open' THEN ${least(now - 7_200_000, `s.sub + ${14 * DAY}`)} ELSE ${c.reviewStart} END`;
  const insert = sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${size.ideas}),
     d AS (SELECT i, ${u("i", 11)} AS uc, ${user0} + 1 + ${pick("i", 12, size.users)} AS author, ${u("i", 13)} AS ut,
             ${u("i", 14)} AS us, 1.0 / (1.0 - 0.99 * ${u("i", 15)}) AS w, ${u("i", 17)} AS us2 FROM n),
     e AS (SELECT d.*, CASE WHEN uc < 0.25 THEN 0 ELSE 1 + min(${COMPETITIONS - 1}, CAST((uc - 0.25) / 0.75 * ${COMPETITIONS} AS INTEGER)) END AS slot FROM d),
     f AS (SELECT e.*, CASE WHEN us < 0.01 AND (slot = 0 OR slot = ${IN_VOTING + 1}) THEN 'draft' WHEN us < 0.02 THEN 'withdrawn' END AS early FROM e),
     g AS (SELECT f.*, row_number() OVER (PARTITION BY slot, early IS NULL ORDER BY w DESC, i) AS rk FROM f),
     s AS (SELECT g.*, CASE WHEN slot = 0 THEN ${kotak} ELSE ${p.campaignOf(0)} + slot - 1 END AS campaign_id,
             CASE
               WHEN early IS NOT NULL THEN early
               WHEN slot = 0 THEN CASE WHEN us2 < 0.85 THEN 'submitted' WHEN us2 < 0.88 THEN 'in_review' WHEN us2 < 0.92 THEN 'approved'
                                       WHEN us2 < 0.95 THEN 'implemented' ELSE 'rejected' END
               WHEN slot = ${IN_VOTING + 1} OR rk > ${reviewed} THEN 'submitted'
               WHEN slot = ${IN_REVIEW + 1} THEN 'in_review'
               WHEN us2 < 0.2 THEN 'approved' WHEN us2 < 0.33 THEN 'implemented' ELSE 'rejected'
             END AS status
           FROM g),
     t AS (SELECT s.*, ${submitted} AS sub FROM s JOIN ${campaigns} ${c} ON ${c.id} = s.campaign_id)
     ${insertSelect(
       ideas,
       {
         id: sql`${idea0} + s.i`,
         agencyId: agency,
         campaignId: raw("s.campaign_id"),
         unitId: au.unitId,
         authorId: raw("s.author"),
         title,
         problem,
         solution,
         benefit,
         targetService: word(IDEA_OBJECTS, "i", 42),
         category: word(CATEGORIES, "i", 16),
         status: raw("s.status"),
         listed: raw("s.status NOT IN ('draft', 'withdrawn', 'merged')"),
         hot: raw("s.w"),
         submittedAt: sql`CASE WHEN s.status = 'draft' THEN NULL ELSE s.sub END`,
         decidedAt: sql`CASE s.status WHEN 'implemented' THEN ${implemented} WHEN 'approved' THEN ${decided} WHEN 'rejected' THEN ${decided} END`,
         createdAt: sql`s.sub - ${DAY}`,
         updatedAt: sql`CASE s.status WHEN 'implemented' THEN ${implemented} WHEN 'approved' THEN ${decided} WHEN 'rejected' THEN ${decided}
         WHEN 'withdrawn' THEN ${withdrawn} WHEN 'in_review' THEN ${reviewStart} WHEN 'draft' THEN s.sub - ${DAY} ELSE s.sub END`,
         searchTitle,
         searchProblem,
         searchSolution,
       },
       sql`FROM t s JOIN ${campaigns} ${c} ON ${c.id} = s.campaign_id JOIN ${users} ${au} ON ${au.id} = s.author`,
     )}`;
  // the team: the author, and for one idea in ten the next colleague as co-author
  const team = insertSelect(
    ideaAuthors,
    {
      ideaId: ideas.id,
      userId: ideas.authorId,
      role: "author",
      invitedAt: ideas.createdAt,
      acceptedAt: ideas.createdAt,
    },
    sql`FROM ${ideas} WHERE ${ideas.agencyId} = ${agency}
     UNION ALL
     SELECT ${ideas.id}, ${user0} + 1 + ((${ideas.authorId} - ${user0}) % ${size.users}), 'coauthor', ${ideas.createdAt}, ${ideas.createdAt} + 3600000 FROM ${ideas}
     WHERE ${ideas.agencyId} = ${agency} AND ${u(ideas.id, 18)} < 0.1`,
  );
  // the workflow history each status implies
  const i = alias(ideas, "i");
  const m = alias(campaignMembers, "m");
  const chair = sql`coalesce((SELECT ${m.userId} FROM ${campaignMembers} ${m} WHERE ${m.campaignId} = ${i.campaignId} AND ${m.role} = 'chair'), ${p.personas.admin})`;
  const events = insertSelect(
    ideaEvents,
    {
      agencyId: agency,
      ideaId: i.id,
      actorId: sql`CASE x.step WHEN 0 THEN ${i.authorId} WHEN 4 THEN ${i.authorId} WHEN 1 THEN ${p.personas.admin}
         ELSE ${chair} END`,
      action: raw("x.action"),
      fromStatus: raw("x.from_status"),
      toStatus: raw("x.to_status"),
      reason: raw("CASE WHEN x.action IN ('reject', 'withdraw') THEN 'Belum memenuhi kriteria' END"),
      at: sql`CASE x.step WHEN 0 THEN ${i.submittedAt}
         WHEN 1 THEN CASE WHEN ${c.kind} = 'open' THEN ${least(now - 7_200_000, sql`${i.submittedAt} + ${14 * DAY}`)} ELSE ${c.reviewStart} END
         WHEN 2 THEN CASE WHEN ${i.status} = 'implemented' THEN (CASE WHEN ${c.kind} = 'open' THEN ${least(now - 3_600_000, sql`${i.submittedAt} + ${30 * DAY}`)} ELSE ${c.reviewEnd} - ${DAY} END) ELSE ${i.decidedAt} END
         WHEN 3 THEN ${i.decidedAt}
         ELSE ${i.updatedAt} END`,
    },
    sql`FROM ${ideas} ${i} JOIN ${campaigns} ${c} ON ${c.id} = ${i.campaignId}
     JOIN (SELECT column1 AS step, column2 AS action, column3 AS from_status, column4 AS to_status FROM (VALUES (0, 'submit', 'draft', 'submitted'), (1, 'start_review', 'submitted', 'in_review'),
             (2, 'approve', 'in_review', 'approved'), (2, 'reject', 'in_review', 'rejected'),
             (3, 'implement', 'approved', 'implemented'), (4, 'withdraw', 'submitted', 'withdrawn'))) x
       ON (x.step = 0 AND ${i.status} <> 'draft')
       OR (x.step = 1 AND ${i.status} IN ('in_review', 'approved', 'implemented', 'rejected'))
       OR (x.action = 'approve' AND ${i.status} IN ('approved', 'implemented'))
       OR (x.action = 'reject' AND ${i.status} = 'rejected')
       OR (x.step = 3 AND ${i.status} = 'implemented')
       OR (x.step = 4 AND ${i.status} = 'withdrawn')
     WHERE ${i.agencyId} = ${agency}
     ORDER BY 8, ${i.id}`,
  );
  return { insert: sqlText(insert), team: sqlText(team), events: sqlText(events) };
}
