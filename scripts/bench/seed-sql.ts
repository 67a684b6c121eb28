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
 *   reward engine's idempotency keys, and each person's and unit's totals row computed from the
 *   ledger by the scheduler's fold statement; the badges those rows earn;
 * - notifications the scheduler would have derived (votes, comments, assignments), read except the
 *   newest few of the last week;
 * - the dashboard counters and participants exactly as the scheduler computes them, and every
 *   watermark moved past the seeded rows, so the first scheduler run is idle.
 *
 * Ids of agencies, units, users, campaigns and ideas are explicit (after `base`), so the statements
 * can refer to each other without lookups; everything else is numbered by SQLite.
 */
import { getTableName, sql } from "drizzle-orm";
import { ideasFts } from "../../src/db/fts.ts";
import {
  agencies,
  campaignMembers,
  campaignPhaseEvents,
  campaigns,
  comments,
  criteria,
  ideaEvents,
  ideas,
  notifications,
  pointLedger,
  pointTotals,
  units,
  users,
  votes,
} from "../../src/db/schema.ts";
import { db, insertSelect, sqlFragment, sqlText } from "../seed/sql.ts";
import { BENCH_UNITS, CATEGORIES, FIRST_NAMES, LAST_NAMES, POSITIONS } from "./seed-data.ts";
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
import { ideasSql } from "./seed-ideas.ts";
import { reviewsSql } from "./seed-reviews.ts";
import { COMPETITIONS, CRITERIA, DAY, IN_REVIEW, u, word, PERSONA_INDEX, type BenchPlan } from "./seed-plan.ts";

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
