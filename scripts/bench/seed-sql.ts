/**
 * The synthetic agency of the bench, generated inside SQLite: a few large `INSERT … SELECT`
 * statements over recursive CTEs, no bound parameters, so a million votes take seconds, not hours.
 *
 * Shape (per scale; ideas, votes and comments scale with the ASN, units and committees do not):
 * - one agency, 48 units (OPD and UPT), the ASN spread unevenly over them, one shared password hash;
 * - the Kotak Ide (always open) and 12 quarterly competitions over three years: ten announced, one
 *   in review (committee, rubric, assignments, half the reviews in) and one in voting;
 * - ideas in every status; the most supported ideas of each competition went to review;
 * - votes skewed across ideas (a truncated Pareto: most ideas get a handful, a few get hundreds),
 *   never by the idea's team, inside the campaign's voting window; `vote_count` is counted from them;
 * - comments (a third of them replies), follows of commenters;
 * - two ledger rows per vote (the voter's `vote_cast`, the author's `vote_received`) with the
 *   reward engine's idempotency keys, and the four period totals per person and unit computed
 *   from the ledger; the badges those rows earn;
 * - notifications the scheduler would have derived (votes, comments, assignments), read except the
 *   newest few of the last week;
 * - the dashboard counters and participants exactly as the scheduler computes them, and every
 *   watermark moved past the seeded rows, so the first scheduler run is idle.
 *
 * Ids of agencies, units, users, campaigns and ideas are explicit (after `base`), so the statements
 * can refer to each other without lookups; everything else is numbered by SQLite.
 */
import { getTableName, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { ideasFts } from "../../src/db/fts.ts";
import {
  agencies,
  campaignMembers,
  campaignPhaseEvents,
  campaigns,
  comments,
  criteria,
  ideaAuthors,
  ideaEvents,
  ideas,
  notifications,
  pointLedger,
  pointTotals,
  units,
  users,
  votes,
} from "../../src/db/schema.ts";
import { indexText } from "../../src/domain/search-normalise.ts";
import { db, insertSelect, sqlFragment, sqlText } from "../seed/sql.ts";
import {
  BENCH_UNITS,
  BENEFITS,
  CATEGORIES,
  FIRST_NAMES,
  IDEA_ACTIONS,
  IDEA_OBJECTS,
  IDEA_PLACES,
  LAST_NAMES,
  POSITIONS,
  PROBLEMS,
  SOLUTIONS,
} from "./seed-data.ts";
import {
  commentsSql,
  countsSql,
  notificationsSql,
  rewardsSql,
  statsSql,
  threadsSql,
  unreadSql,
  votesSql,
} from "./seed-activity.ts";
import { reviewsSql } from "./seed-reviews.ts";
import { COMPETITIONS, CRITERIA, DAY, IN_REVIEW, IN_VOTING, least, pick, u, word, PERSONA_INDEX, type BenchPlan } from "./seed-plan.ts";

const raw = (text: string) => sql.raw(text);

function organisation(p: BenchPlan, passwordHash: string): string[] {
  const { size, agency, unit0, user0 } = p;
  const unitRows = BENCH_UNITS.map((unit, i) => ({
    id: unit0 + 1 + i,
    agencyId: agency,
    parentId: unit.parent ? unit0 + 1 + BENCH_UNITS.findIndex((x) => x.code === unit.parent) : null,
    code: unit.code,
    name: unit.name,
    createdAt: p.historyStart,
  }));
  const roles = Object.fromEntries(Object.values(PERSONA_INDEX).map((i) => [i, "asn"])) as Record<number, string>;
  roles[PERSONA_INDEX.admin] = "asn,admin";
  roles[PERSONA_INDEX.leader] = "asn,leader";
  roles[PERSONA_INDEX.chair] = "asn,reviewer";
  roles[PERSONA_INDEX.reviewer] = "asn,reviewer";
  const roleCase = sql.join(
    Object.entries(roles).map(([i, r]) => sql`WHEN ${raw(i)} THEN ${r}`),
    sql` `,
  );
  // birth day walks over ~25 years, the sequence number makes it unique; appointed March 2015
  const nip = raw(
    `strftime('%Y%m%d', '1972-01-01', '+' || (i % 9000) || ' days') || '201503' || (1 + i % 2) || substr('00' || (1 + i / 9000), -3)`,
  );
  const unitPick = sql`${unit0} + 1 + min(${BENCH_UNITS.length - 1}, CAST(${BENCH_UNITS.length} * ${u("i", 31)} * ${u("i", 32)} AS INTEGER))`;
  return [
    sqlText(
      db.insert(agencies).values({
        id: agency,
        slug: p.slug,
        name: `Pemerintah Provinsi Uji Beban ${size.key.toUpperCase()}`,
        region: "Bench",
        settings: '{"hallOfFamePublic":false}',
        createdAt: p.historyStart,
      }),
    ),
    sqlText(db.insert(units).values(unitRows)),
    sqlText(
      sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${size.users})
     ${insertSelect(
       users,
       {
         id: sql`${user0} + i`,
         agencyId: agency,
         unitId: unitPick,
         nip,
         name: sql`${word(FIRST_NAMES, "i", 33)} || ' ' || ${word(LAST_NAMES, "i", 34)}`,
         email: sql`'asn' || i || ${`@${p.slug}.bench.go.id`}`,
         position: word(POSITIONS, "i", 35),
         roles: sql`CASE i ${roleCase} ELSE CASE WHEN i % ${size.reviewerEvery} = ${size.reviewerEvery / 2} THEN 'asn,reviewer' ELSE 'asn' END END`,
         passwordHash,
         createdAt: p.historyStart,
         updatedAt: p.historyStart,
       },
       sql`FROM n`,
     )}`,
    ),
  ];
}

function campaignsSql(p: BenchPlan): string[] {
  const { agency, now } = p;
  const admin = p.personas.admin;
  const categories = JSON.stringify(CATEGORIES);
  const rows: (typeof campaigns.$inferInsert)[] = [
    {
      id: p.kotakIde,
      agencyId: agency,
      kind: "open",
      title: "Kotak Ide",
      description: "Ide perbaikan layanan kapan saja, di luar kompetisi.",
      categories,
      voteBudget: 20,
      reviewersPerIdea: 3,
      blindReview: false,
      createdBy: admin,
      createdAt: p.historyStart,
      updatedAt: p.historyStart,
    },
  ];
  const members: (typeof campaignMembers.$inferInsert)[] = [];
  const rubric: (typeof criteria.$inferInsert)[] = [];
  const phases: (typeof campaignPhaseEvents.$inferInsert)[] = [];
  for (let k = 0; k < COMPETITIONS; k++) {
    const s = p.startOf(k);
    const id = p.campaignOf(k);
    const year = new Date(s).getUTCFullYear();
    rows.push({
      id,
      agencyId: agency,
      kind: "competition",
      title: `Kompetisi Inovasi Pelayanan ${year} Tahap ${k + 1}`,
      description: "Kompetisi triwulanan inovasi pelayanan publik.",
      categories,
      submissionStart: s,
      submissionEnd: s + 30 * DAY,
      votingStart: s + 15 * DAY,
      votingEnd: s + 45 * DAY,
      reviewStart: s + 45 * DAY,
      reviewEnd: s + 75 * DAY,
      announcementAt: s + 80 * DAY,
      voteBudget: 10,
      reviewersPerIdea: 3,
      blindReview: k === IN_REVIEW,
      createdBy: admin,
      createdAt: s - 10 * DAY,
      updatedAt: s - 10 * DAY,
    });
    p.committeeOf(k).forEach((user, m) =>
      members.push({ campaignId: id, userId: user, role: m === 0 ? "chair" : "reviewer", createdAt: s }),
    );
    CRITERIA.forEach((c, i) =>
      rubric.push({
        campaignId: id,
        key: c.key,
        labelId: c.id,
        labelEn: c.en,
        weight: c.weight,
        scaleMax: 5,
        position: i + 1,
      }),
    );
    const starts: [string, number][] = [
      ["submission", s],
      ["voting", s + 15 * DAY],
      ["review", s + 45 * DAY],
      ["announcement", s + 80 * DAY],
    ];
    for (const [phase, at] of starts) if (at <= now) phases.push({ campaignId: id, phase, at });
  }
  return [
    sqlText(db.insert(campaigns).values(rows)),
    sqlText(db.insert(campaignMembers).values(members)),
    sqlText(db.insert(criteria).values(rubric)),
    sqlText(db.insert(campaignPhaseEvents).values(phases)),
  ];
}

/**
 * Ideas: campaign, author, status and times drawn per idea; the idea's popularity weight (what its
 * votes and comments follow) is parked in `hot` until the counts exist.
 */
function ideasSql(p: BenchPlan) {
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

/**
 * For a big seed: the tables' secondary indexes and the FTS insert trigger, as `sqlite_master`
 * holds them. The seed drops them before its bulk inserts and creates them again after (an index
 * built by sorting costs seconds; millions of random inserts into it, with SQLite's small page cache,
 * cost minutes), then rebuilds the full-text index in one pass. The schema ends as it began.
 */
export type BulkLoad = {
  indexes: { table: string; name: string; sql: string }[];
  ftsInsertTrigger: { name: string; sql: string };
};

/** The `sqlite_master` query that finds a {@link BulkLoad}. */
export const BULK_LOAD_QUERY = sqlFragment(sql`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL
  AND ((type = 'index' AND tbl_name IN (${sql.join(
    [ideas, ideaEvents, votes, comments, pointLedger, pointTotals, notifications].map((t) => sql`${getTableName(t)}`),
    sql`, `,
  )}))
    OR (type = 'trigger' AND name = ${`${getTableName(ideasFts)}_insert`}))`);

/**
 * Every statement of the seed, in order.
 * @param passwordHash one argon2id hash every bench account shares (computed once by the caller)
 * @param bulk drop and recreate these indexes around the bulk inserts (none: insert into them)
 * @example benchSeedStatements(planOf(SCALES.S, EMPTY_BASE, Date.now()), hash)
 */
export function benchSeedStatements(p: BenchPlan, passwordHash: string, bulk?: BulkLoad): string[] {
  const drop = (table: string) =>
    (bulk?.indexes ?? []).filter((i) => i.table === table).map((i) => `DROP INDEX ${i.name}`);
  const create = (table: string) => (bulk?.indexes ?? []).filter((i) => i.table === table).map((i) => i.sql);
  const bare = (table: string, statements: string[]) => [...drop(table), ...statements, ...create(table)];
  const ideas = ideasSql(p);
  const rewards = rewardsSql(p);
  const trigger = bulk?.ftsInsertTrigger;
  return [
    ...organisation(p, passwordHash),
    ...campaignsSql(p),
    ...drop("ideas"),
    ...(trigger ? [`DROP TRIGGER ${trigger.name}`] : []),
    ideas.insert,
    ideas.team,
    ...bare("idea_events", [ideas.events]),
    ...reviewsSql(p),
    ...bare("votes", votesSql(p)),
    ...bare("comments", commentsSql(p)),
    ...threadsSql(p),
    ...countsSql(p),
    ...create("ideas"),
    ...(trigger ? [trigger.sql, sqlText(sql`INSERT INTO ${ideasFts}(${ideasFts}) VALUES ('rebuild')`)] : []),
    ...bare("point_ledger", [rewards.ledger]),
    ...bare("point_totals", [rewards.totals]),
    ...rewards.badges,
    ...bare("notifications", [...notificationsSql(p), ...unreadSql(p)]),
    ...statsSql(p),
  ].map((s) => s.replace(/\s*;?\s*$/, ";"));
}
