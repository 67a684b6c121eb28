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
import {
  COMPETITIONS,
  CRITERIA,
  DAY,
  IN_REVIEW,
  IN_VOTING,
  least,
  pick,
  q,
  range,
  u,
  word,
  PERSONA_INDEX,
  type BenchPlan,
} from "./seed-plan.ts";
import { indexText } from "../../src/domain/search-normalise.ts";

function organisation(p: BenchPlan, passwordHash: string): string[] {
  const { size, agency, unit0, user0 } = p;
  const units = BENCH_UNITS.map((unit, i) => {
    const parent = unit.parent ? unit0 + 1 + BENCH_UNITS.findIndex((x) => x.code === unit.parent) : null;
    return `(${unit0 + 1 + i}, ${agency}, ${parent ?? "NULL"}, ${q(unit.code)}, ${q(unit.name)}, ${p.historyStart})`;
  });
  const roles = Object.fromEntries(Object.values(PERSONA_INDEX).map((i) => [i, "asn"])) as Record<number, string>;
  roles[PERSONA_INDEX.admin] = "asn,admin";
  roles[PERSONA_INDEX.leader] = "asn,leader";
  roles[PERSONA_INDEX.chair] = "asn,reviewer";
  roles[PERSONA_INDEX.reviewer] = "asn,reviewer";
  const roleCase = Object.entries(roles)
    .map(([i, r]) => `WHEN ${i} THEN ${q(r)}`)
    .join(" ");
  // birth day walks over ~25 years, the sequence number makes it unique; appointed March 2015
  const nip = `strftime('%Y%m%d', '1972-01-01', '+' || (i % 9000) || ' days') || '201503' || (1 + i % 2) || substr('00' || (1 + i / 9000), -3)`;
  const unitPick = `${unit0} + 1 + min(${BENCH_UNITS.length - 1}, CAST(${BENCH_UNITS.length} * ${u("i", 31)} * ${u("i", 32)} AS INTEGER))`;
  return [
    `INSERT INTO agencies (id, slug, name, region, settings, created_at) VALUES (${agency}, ${q(p.slug)}, ${q(`Pemerintah Provinsi Uji Beban ${size.key.toUpperCase()}`)}, 'Bench', '{"hallOfFamePublic":false}', ${p.historyStart});`,
    `INSERT INTO units (id, agency_id, parent_id, code, name, created_at) VALUES ${units.join(", ")};`,
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${size.users})
     INSERT INTO users (id, agency_id, unit_id, nip, name, email, position, roles, password_hash, created_at, updated_at)
     SELECT ${user0} + i, ${agency}, ${unitPick}, ${nip},
       ${word(FIRST_NAMES, "i", 33)} || ' ' || ${word(LAST_NAMES, "i", 34)},
       'asn' || i || '@${p.slug}.bench.go.id', ${word(POSITIONS, "i", 35)},
       CASE i ${roleCase} ELSE CASE WHEN i % ${size.reviewerEvery} = ${size.reviewerEvery / 2} THEN 'asn,reviewer' ELSE 'asn' END END,
       ${q(passwordHash)}, ${p.historyStart}, ${p.historyStart}
     FROM n;`,
  ];
}

function campaignsSql(p: BenchPlan): string[] {
  const { agency, now } = p;
  const admin = p.personas.admin;
  const categories = q(JSON.stringify(CATEGORIES));
  const rows = [
    `(${p.kotakIde}, ${agency}, 'open', 'Kotak Ide', 'Ide perbaikan layanan kapan saja, di luar kompetisi.', ${categories}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 20, 3, 0, ${admin}, ${p.historyStart}, ${p.historyStart})`,
  ];
  const members: string[] = [];
  const criteria: string[] = [];
  const phases: string[] = [];
  for (let k = 0; k < COMPETITIONS; k++) {
    const s = p.startOf(k);
    const id = p.campaignOf(k);
    const year = new Date(s).getUTCFullYear();
    const dates = [s, s + 30 * DAY, s + 15 * DAY, s + 45 * DAY, s + 45 * DAY, s + 75 * DAY, s + 80 * DAY];
    rows.push(
      `(${id}, ${agency}, 'competition', ${q(`Kompetisi Inovasi Pelayanan ${year} Tahap ${k + 1}`)}, 'Kompetisi triwulanan inovasi pelayanan publik.', ${categories}, ${dates.join(", ")}, 10, 3, ${k === IN_REVIEW ? 1 : 0}, ${admin}, ${s - 10 * DAY}, ${s - 10 * DAY})`,
    );
    p.committeeOf(k).forEach((user, m) =>
      members.push(`(${id}, ${user}, ${m === 0 ? "'chair'" : "'reviewer'"}, ${s})`),
    );
    CRITERIA.forEach((c, i) => criteria.push(`(${id}, ${q(c.key)}, ${q(c.id)}, ${q(c.en)}, ${c.weight}, 5, ${i + 1})`));
    const starts: [string, number][] = [
      ["submission", dates[0]!],
      ["voting", dates[2]!],
      ["review", dates[4]!],
      ["announcement", dates[6]!],
    ];
    for (const [phase, at] of starts) if (at <= now) phases.push(`(${id}, ${q(phase)}, ${at})`);
  }
  return [
    `INSERT INTO campaigns (id, agency_id, kind, title, description, categories, submission_start, submission_end, voting_start,
       voting_end, review_start, review_end, announcement_at, vote_budget, reviewers_per_idea, blind_review, created_by, created_at, updated_at)
     VALUES ${rows.join(",\n")};`,
    `INSERT INTO campaign_members (campaign_id, user_id, role, created_at) VALUES ${members.join(", ")};`,
    `INSERT INTO criteria (campaign_id, key, label_id, label_en, weight, scale_max, position) VALUES ${criteria.join(", ")};`,
    `INSERT INTO campaign_phase_events (campaign_id, phase, at) VALUES ${phases.join(", ")};`,
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
  const title = `${word(IDEA_ACTIONS, "i", 41)} || ' ' || ${word(IDEA_OBJECTS, "i", 42)} || ' ' || ${word(IDEA_PLACES, "i", 43)}`;
  const problem = `'Saat ini ' || ${word(IDEA_OBJECTS, "i", 42)} || ' ' || ${word(IDEA_PLACES, "i", 43)} || ' belum tertata: ' || ${word(PROBLEMS, "i", 44)} || '. Akibatnya ' || ${word(PROBLEMS, "i", 45)} || '.'`;
  const solution = `'Kami mengusulkan ' || ${word(SOLUTIONS, "i", 46)} || ', lalu ' || ${word(SOLUTIONS, "i", 47)} || ' agar layanan ' || ${word(IDEA_OBJECTS, "i", 42)} || ' lebih cepat.'`;
  const benefit = `'Manfaat yang diharapkan: ' || ${word(BENEFITS, "i", 48)} || '.'`;
  // the same texts as the search index holds them (the normaliser works word by word, so the
  // normalised parts joined are the normalised whole): searchable at once, as through the API
  const n = (items: readonly string[]) => items.map(indexText);
  const nq = (text: string) => q(indexText(text));
  const searchTitle = `${word(n(IDEA_ACTIONS), "i", 41)} || ' ' || ${word(n(IDEA_OBJECTS), "i", 42)} || ' ' || ${word(n(IDEA_PLACES), "i", 43)}`;
  const searchProblem = `${nq("Saat ini")} || ' ' || ${word(n(IDEA_OBJECTS), "i", 42)} || ' ' || ${word(n(IDEA_PLACES), "i", 43)} || ' ' || ${nq("belum tertata")} || ' ' || ${word(n(PROBLEMS), "i", 44)} || ' ' || ${nq("Akibatnya")} || ' ' || ${word(n(PROBLEMS), "i", 45)}`;
  const searchSolution = `${nq("Kami mengusulkan")} || ' ' || ${word(n(SOLUTIONS), "i", 46)} || ' ' || ${nq("lalu")} || ' ' || ${word(n(SOLUTIONS), "i", 47)} || ' ' || ${nq("agar layanan")} || ' ' || ${word(n(IDEA_OBJECTS), "i", 42)} || ' ' || ${nq("lebih cepat")}`;
  // submission time inside the campaign's window (the Kotak Ide: the last three years)
  const submitted = `CASE WHEN c.kind = 'open' THEN ${p.historyStart} + CAST(s.ut * ${now - 2 * DAY - p.historyStart} AS INTEGER)
    ELSE c.submission_start + CAST(s.ut * (${least("c.submission_end", String(now - 3_600_000))} - c.submission_start) AS INTEGER) END`;
  const decided = `CASE WHEN c.kind = 'open' THEN ${least(String(now - 3_600_000), `s.sub + ${30 * DAY}`)} ELSE c.review_end - ${DAY} END`;
  const implemented = least(String(now - 1_800_000), `${decided} + ${30 * DAY}`);
  const withdrawn = least(String(now - 3_600_000), `s.sub + ${3 * DAY}`);
  const reviewStart = `CASE WHEN c.kind = 'open' THEN ${least(String(now - 7_200_000), `s.sub + ${14 * DAY}`)} ELSE c.review_start END`;
  const insert = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${size.ideas}),
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
     t AS (SELECT s.*, ${submitted} AS sub FROM s JOIN campaigns c ON c.id = s.campaign_id)
     INSERT INTO ideas (id, agency_id, campaign_id, unit_id, author_id, title, problem, solution, benefit, target_service, category,
       status, listed, hot, submitted_at, decided_at, created_at, updated_at, search_title, search_problem, search_solution)
     SELECT ${idea0} + s.i, ${agency}, s.campaign_id, au.unit_id, s.author, ${title}, ${problem}, ${solution}, ${benefit},
       ${word(IDEA_OBJECTS, "i", 42)}, ${word(CATEGORIES, "i", 16)}, s.status, s.status NOT IN ('draft', 'withdrawn', 'merged'), s.w,
       CASE WHEN s.status = 'draft' THEN NULL ELSE s.sub END,
       CASE s.status WHEN 'implemented' THEN ${implemented} WHEN 'approved' THEN ${decided} WHEN 'rejected' THEN ${decided} END,
       s.sub - ${DAY},
       CASE s.status WHEN 'implemented' THEN ${implemented} WHEN 'approved' THEN ${decided} WHEN 'rejected' THEN ${decided}
         WHEN 'withdrawn' THEN ${withdrawn} WHEN 'in_review' THEN ${reviewStart} WHEN 'draft' THEN s.sub - ${DAY} ELSE s.sub END,
       ${searchTitle}, ${searchProblem}, ${searchSolution}
     FROM t s JOIN campaigns c ON c.id = s.campaign_id JOIN users au ON au.id = s.author;`;
  // the team: the author, and for one idea in ten the next colleague as co-author
  const team = `INSERT INTO idea_authors (idea_id, user_id, role, invited_at, accepted_at)
     SELECT id, author_id, 'author', created_at, created_at FROM ideas WHERE agency_id = ${agency}
     UNION ALL
     SELECT id, ${user0} + 1 + ((author_id - ${user0}) % ${size.users}), 'coauthor', created_at, created_at + 3600000 FROM ideas
     WHERE agency_id = ${agency} AND ${u("id", 18)} < 0.1;`;
  // the workflow history each status implies
  const events = `INSERT INTO idea_events (agency_id, idea_id, actor_id, action, from_status, to_status, reason, at)
     SELECT ${agency}, i.id,
       CASE x.step WHEN 0 THEN i.author_id WHEN 4 THEN i.author_id WHEN 1 THEN ${p.personas.admin}
         ELSE coalesce((SELECT m.user_id FROM campaign_members m WHERE m.campaign_id = i.campaign_id AND m.role = 'chair'), ${p.personas.admin}) END,
       x.action, x.from_status, x.to_status, CASE WHEN x.action IN ('reject', 'withdraw') THEN 'Belum memenuhi kriteria' END,
       CASE x.step WHEN 0 THEN i.submitted_at
         WHEN 1 THEN CASE WHEN c.kind = 'open' THEN ${least(String(now - 7_200_000), `i.submitted_at + ${14 * DAY}`)} ELSE c.review_start END
         WHEN 2 THEN CASE WHEN i.status = 'implemented' THEN (CASE WHEN c.kind = 'open' THEN ${least(String(now - 3_600_000), `i.submitted_at + ${30 * DAY}`)} ELSE c.review_end - ${DAY} END) ELSE i.decided_at END
         WHEN 3 THEN i.decided_at
         ELSE i.updated_at END
     FROM ideas i JOIN campaigns c ON c.id = i.campaign_id
     JOIN (SELECT column1 AS step, column2 AS action, column3 AS from_status, column4 AS to_status FROM (VALUES (0, 'submit', 'draft', 'submitted'), (1, 'start_review', 'submitted', 'in_review'),
             (2, 'approve', 'in_review', 'approved'), (2, 'reject', 'in_review', 'rejected'),
             (3, 'implement', 'approved', 'implemented'), (4, 'withdraw', 'submitted', 'withdrawn'))) x
       ON (x.step = 0 AND i.status <> 'draft')
       OR (x.step = 1 AND i.status IN ('in_review', 'approved', 'implemented', 'rejected'))
       OR (x.action = 'approve' AND i.status IN ('approved', 'implemented'))
       OR (x.action = 'reject' AND i.status = 'rejected')
       OR (x.step = 3 AND i.status = 'implemented')
       OR (x.step = 4 AND i.status = 'withdrawn')
     WHERE i.agency_id = ${agency}
     ORDER BY 8, i.id;`;
  return { insert, team, events };
}

/** Review assignments (three per idea that went to review) and the reviews of them. */
function reviewsSql(p: BenchPlan): string[] {
  const { agency, now } = p;
  // the reviewer of slot m: one of the campaign's eight reviewers, round the committee
  const slots = range(COMPETITIONS).flatMap((k) =>
    p
      .committeeOf(k)
      .slice(1)
      .map((user, slot) => `(${p.campaignOf(k)}, ${slot}, ${user})`),
  );
  const chair = `(SELECT m.user_id FROM campaign_members m WHERE m.campaign_id = i.campaign_id AND m.role = 'chair')`;
  const score = (salt: number, high: string) => `(1 + ${pick("a.id", salt, 3)} + CASE WHEN ${high} THEN 2 ELSE 0 END)`;
  const high = "i.status IN ('approved', 'implemented')";
  const scores = [1, 2, 3, 4].map((n) => score(50 + n, high));
  const weighted = `(40.0 * ${scores[0]} + 20.0 * (${scores[1]} + ${scores[2]} + ${scores[3]})) / 5.0`;
  const scoresJson = `json_object('dampak', ${scores[0]}, 'kebaruan', ${scores[1]}, 'kelayakan', ${scores[2]}, 'keberlanjutan', ${scores[3]})`;
  // in the campaign under review: half submitted, a fifth saved as drafts, the rest not started
  const draw = u("a.id", 55);
  return [
    `WITH cm(campaign_id, slot, user_id) AS (VALUES ${slots.join(", ")})
     INSERT INTO review_assignments (agency_id, campaign_id, idea_id, reviewer_id, due_at, assigned_by, created_at)
     SELECT ${agency}, i.campaign_id, i.id, cm.user_id, c.review_end, ${chair}, c.review_start
     FROM ideas i JOIN campaigns c ON c.id = i.campaign_id AND c.kind = 'competition'
     CROSS JOIN (SELECT 0 AS m UNION ALL SELECT 1 UNION ALL SELECT 2) s
     JOIN cm ON cm.campaign_id = i.campaign_id AND cm.slot = (i.id + s.m) % 8
     WHERE i.agency_id = ${agency} AND i.status IN ('in_review', 'approved', 'implemented', 'rejected')
     ORDER BY c.review_start, i.id, s.m;`,
    `INSERT INTO reviews (assignment_id, agency_id, campaign_id, idea_id, reviewer_id, scores, score, note, recommendation, state, submitted_at, updated_at)
     SELECT a.id, a.agency_id, a.campaign_id, a.idea_id, a.reviewer_id,
       CASE WHEN i.status = 'in_review' AND ${draw} >= 0.5 THEN json_object('dampak', ${scores[0]}) ELSE ${scoresJson} END,
       CASE WHEN i.status = 'in_review' AND ${draw} >= 0.5 THEN NULL ELSE ${weighted} END,
       '',
       CASE WHEN i.status = 'in_review' AND ${draw} >= 0.5 THEN NULL WHEN ${high} THEN 'approve' WHEN i.status = 'rejected' THEN 'reject'
         WHEN ${weighted} >= 70 THEN 'shortlist' ELSE 'reject' END,
       CASE WHEN i.status = 'in_review' AND ${draw} >= 0.5 THEN 'draft' ELSE 'submitted' END,
       CASE WHEN i.status = 'in_review' AND ${draw} >= 0.5 THEN NULL ELSE ${least(String(now - 3_600_000), `a.created_at + ${5 * DAY} + ${pick("a.id", 56, 20 * DAY)}`)} END,
       ${least(String(now - 3_600_000), `a.created_at + ${5 * DAY} + ${pick("a.id", 56, 20 * DAY)}`)}
     FROM review_assignments a JOIN ideas i ON i.id = a.idea_id
     WHERE a.agency_id = ${agency} AND (i.status <> 'in_review' OR ${draw} < 0.7);`,
    `UPDATE ideas SET review_score = (SELECT avg(r.score) FROM reviews r WHERE r.idea_id = ideas.id AND r.state = 'submitted')
     WHERE agency_id = ${agency} AND EXISTS (SELECT 1 FROM reviews r WHERE r.idea_id = ideas.id AND r.state = 'submitted');`,
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
export const BULK_LOAD_QUERY = `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL
  AND ((type = 'index' AND tbl_name IN ('ideas', 'idea_events', 'votes', 'comments', 'point_ledger', 'point_totals', 'notifications'))
    OR (type = 'trigger' AND name = 'ideas_fts_insert'))`;

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
    ...(trigger ? [trigger.sql, "INSERT INTO ideas_fts(ideas_fts) VALUES ('rebuild')"] : []),
    ...bare("point_ledger", [rewards.ledger]),
    ...bare("point_totals", [rewards.totals]),
    ...rewards.badges,
    ...bare("notifications", [...notificationsSql(p), ...unreadSql(p)]),
    ...statsSql(p),
  ].map((s) => s.replace(/\s*;?\s*$/, ";"));
}
