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
import { BADGES } from "../../src/domain/badges.ts";
import { PERIODS_AND_SUBJECTS_SQL, dayOfSql, periodOfDaySql } from "../../src/domain/reward-periods.ts";
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

export type BenchSize = {
  /** `S`, `L`, … : the agency's slug is `bench-<key>` */
  key: string;
  users: number;
  ideas: number;
  votes: number;
  comments: number;
  /** ideas of each competition that went to review (a committee's capacity: the same at every scale) */
  reviewedPerCampaign: number;
  /** every n-th ASN holds the reviewer role */
  reviewerEvery: number;
};

export const SCALES: Record<"S" | "L", BenchSize> = {
  S: {
    key: "s",
    users: 2_000,
    ideas: 10_000,
    votes: 100_000,
    comments: 20_000,
    reviewedPerCampaign: 60,
    reviewerEvery: 100,
  },
  L: {
    key: "l",
    users: 20_000,
    ideas: 100_000,
    votes: 1_000_000,
    comments: 200_000,
    reviewedPerCampaign: 60,
    reviewerEvery: 100,
  },
};

/** Ids already taken in the target database: the seed's rows come after them. */
export type IdBase = { agency: number; unit: number; user: number; campaign: number; idea: number };
export const EMPTY_BASE: IdBase = { agency: 0, unit: 0, user: 0, campaign: 0, idea: 0 };

export const BENCH_PASSWORD = "Bench-Gagas-2026";

const DAY = 86_400_000;
const COMPETITIONS = 12;
/** competition index (0-based) now in review, and now in voting */
const IN_REVIEW = 10;
const IN_VOTING = 11;

/** Index (1-based) of each persona among the ASN; their roles are set below. */
export const PERSONA_INDEX = { admin: 1, leader: 2, chair: 3, reviewer: 4, asn: 5, voter: 6, commenter: 7 } as const;
export type BenchPersona = keyof typeof PERSONA_INDEX;

const CRITERIA = [
  { key: "dampak", id: "Dampak bagi warga", en: "Impact on citizens", weight: 40 },
  { key: "kebaruan", id: "Kebaruan", en: "Novelty", weight: 20 },
  { key: "kelayakan", id: "Kelayakan", en: "Feasibility", weight: 20 },
  { key: "keberlanjutan", id: "Keberlanjutan", en: "Sustainability", weight: 20 },
];

/** A SQL string literal. */
const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * A deterministic uniform draw in [0, 1) from an integer SQL expression and a salt: two affine maps
 * modulo different primes (products stay below 2^62, so SQLite never leaves integers).
 */
export function u(x: string, salt: number): string {
  const a = (48_271 * salt * salt + 69_621 * salt + 16_807) % 2_147_483_647;
  const b = (salt * 1_013_904_223 + 12_345) % 2_147_483_647;
  return `((((((${x}) % 2147483647) * ${a} + ${b}) % 2147483647) * 48271 + ${salt}) % 2147483629 / 2147483629.0)`;
}

/** An integer draw in [0, n). */
const pick = (x: string, salt: number, n: number | string) => `CAST(${u(x, salt)} * ${n} AS INTEGER)`;
/** One element of a list, drawn (a CASE: json_extract would parse the list again for every row). */
const word = (items: readonly string[], x: string, salt: number) =>
  `CASE ${pick(x, salt, items.length)} ${items.map((w, i) => `WHEN ${i} THEN ${q(w)}`).join(" ")} END`;

export type BenchPlan = ReturnType<typeof planOf>;

/** The ids and times the statements share (and the bench needs to find its personas and targets). */
export function planOf(size: BenchSize, base: IdBase, now: number) {
  const agency = base.agency + 1;
  const userId = (index: number) => base.user + index;
  const campaignOf = (k: number) => base.campaign + 2 + k;
  // quarterly competitions: each opens for submissions 30 days, voting from day 15 to 45, review
  // from day 45 to 75, announcement on day 80; the last two are in review and in voting now
  const startOf = (k: number) =>
    k === IN_VOTING ? now - 20 * DAY : k === IN_REVIEW ? now - 55 * DAY : now - 55 * DAY - (IN_REVIEW - k) * 90 * DAY;
  const pool = Math.floor((size.users - size.reviewerEvery / 2) / size.reviewerEvery) + 1;
  const poolUser = (p: number) => userId(size.reviewerEvery / 2 + size.reviewerEvery * (p % pool));
  return {
    size,
    now,
    agency,
    slug: `bench-${size.key}`,
    unit0: base.unit,
    user0: base.user,
    idea0: base.idea,
    kotakIde: base.campaign + 1,
    campaignOf,
    inReview: campaignOf(IN_REVIEW),
    inVoting: campaignOf(IN_VOTING),
    startOf,
    historyStart: now - 36 * 30 * DAY,
    personas: Object.fromEntries(Object.entries(PERSONA_INDEX).map(([k, i]) => [k, userId(i)])) as Record<
      BenchPersona,
      number
    >,
    pool,
    /** chair, then the eight reviewers of competition k */
    committeeOf(k: number): number[] {
      if (k === IN_REVIEW)
        return [
          userId(PERSONA_INDEX.chair),
          userId(PERSONA_INDEX.reviewer),
          ...range(7).map((m) => poolUser(k * 9 + 2 + m)),
        ];
      return range(9).map((m) => poolUser(k * 9 + m));
    },
  };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** `MIN`/`MAX` of two SQL expressions. */
const least = (a: string, b: string) => `min(${a}, ${b})`;

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
       status, listed, hot, submitted_at, decided_at, created_at, updated_at)
     SELECT ${idea0} + s.i, ${agency}, s.campaign_id, au.unit_id, s.author, ${title}, ${problem}, ${solution}, ${benefit},
       ${word(IDEA_OBJECTS, "i", 42)}, ${word(CATEGORIES, "i", 16)}, s.status, s.status NOT IN ('draft', 'withdrawn', 'merged'), s.w,
       CASE WHEN s.status = 'draft' THEN NULL ELSE s.sub END,
       CASE s.status WHEN 'implemented' THEN ${implemented} WHEN 'approved' THEN ${decided} WHEN 'rejected' THEN ${decided} END,
       s.sub - ${DAY},
       CASE s.status WHEN 'implemented' THEN ${implemented} WHEN 'approved' THEN ${decided} WHEN 'rejected' THEN ${decided}
         WHEN 'withdrawn' THEN ${withdrawn} WHEN 'in_review' THEN ${reviewStart} WHEN 'draft' THEN s.sub - ${DAY} ELSE s.sub END
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
 * How many of `total` rows each listed idea gets, in proportion to its weight (parked in `hot`):
 * the difference of the rounded-down running share, so the counts add up to `total` exactly.
 */
function shareOf(p: BenchPlan, total: number, cap: number): string {
  return `e AS (SELECT i.id, i.campaign_id, i.author_id, i.submitted_at, i.hot AS w, c.kind, c.voting_start, c.voting_end,
             sum(i.hot) OVER (ORDER BY i.id) AS cum
           FROM ideas i JOIN campaigns c ON c.id = i.campaign_id WHERE i.agency_id = ${p.agency} AND i.listed = 1),
     tot AS (SELECT sum(w) AS total FROM e),
     k AS (SELECT e.*, min(${cap}, CAST(${total} * e.cum / tot.total AS INTEGER) - CAST(${total} * (e.cum - e.w) / tot.total AS INTEGER)) AS k
           FROM e, tot)`;
}

function votesSql(p: BenchPlan): string[] {
  const { size, agency, now, user0 } = p;
  const n = size.users;
  // the voting window: the Kotak Ide's first 60 days, a competition's voting phase (so far)
  const lo = `CASE WHEN kind = 'open' THEN submitted_at ELSE max(submitted_at, voting_start) END`;
  const hi = `CASE WHEN kind = 'open' THEN ${least(String(now - 60_000), `submitted_at + ${60 * DAY}`)} ELSE ${least("voting_end", String(now - 60_000))} END`;
  // voters: an arithmetic progression (step coprime with the ASN count) from just after the team
  const voter = `${user0} + 1 + ((r.author_id - ${user0} - 1 + 2 + r.j * 7919) % ${n})`;
  const coauthor = `${user0} + 1 + ((r.author_id - ${user0}) % ${n})`;
  return [
    `WITH RECURSIVE ${shareOf(p, size.votes, n - 3)},
     r(id, j, k, author_id, campaign_id, lo, hi) AS (
       SELECT id, 0, k, author_id, campaign_id, ${lo}, ${hi} FROM k WHERE k > 0
       UNION ALL SELECT id, j + 1, k, author_id, campaign_id, lo, hi FROM r WHERE j + 1 < k)
     INSERT INTO votes (agency_id, campaign_id, idea_id, user_id, unit_id, created_at)
     SELECT ${agency}, r.campaign_id, r.id, v.id, v.unit_id, r.lo + CAST((r.hi - r.lo) * ${u("r.j * 131071 + r.id", 61)} AS INTEGER)
     FROM r JOIN users v ON v.id = ${voter}
     WHERE v.id <> r.author_id AND v.id <> ${coauthor}
       AND NOT (v.id = ${p.personas.voter} AND r.campaign_id = ${p.inVoting});`,
  ];
}

function commentsSql(p: BenchPlan): string[] {
  const { size, agency, now, user0 } = p;
  const hi = least(String(now - 60_000), `submitted_at + ${90 * DAY}`);
  const at = `r.lo + CAST((r.hi - r.lo) * (r.j + ${u("r.j * 131071 + r.id", 71)}) / r.k AS INTEGER)`;
  return [
    `WITH RECURSIVE ${shareOf(p, size.comments, 1000)},
     r(id, j, k, lo, hi) AS (
       SELECT id, 0, k, submitted_at, ${hi} FROM k WHERE k > 0
       UNION ALL SELECT id, j + 1, k, lo, hi FROM r WHERE j + 1 < k)
     INSERT INTO comments (agency_id, idea_id, author_id, parent_id, body, deleted_at, created_at)
     SELECT ${agency}, r.id, ${user0} + 1 + ${pick("r.j * 131071 + r.id", 72, size.users)}, NULL,
       'Usul yang bagus. Di unit kami ' || ${word(PROBLEMS, "r.j * 131071 + r.id", 73)} || ', jadi ' || ${word(SOLUTIONS, "r.j * 131071 + r.id", 74)} || ' akan sangat membantu.',
       CASE WHEN ${u("r.j * 131071 + r.id", 75)} < 0.01 THEN ${at} + 3600000 END,
       ${at}
     FROM r;`,
  ];
}

/** Replies and follows, once the comments are indexed. */
function threadsSql(p: BenchPlan): string[] {
  const { agency } = p;
  return [
    // every third comment answers the idea's first one (replies go one level deep)
    `UPDATE comments SET parent_id = (SELECT min(c.id) FROM comments c WHERE c.idea_id = comments.idea_id)
     WHERE agency_id = ${agency} AND id % 3 = 2 AND id > (SELECT min(c.id) FROM comments c WHERE c.idea_id = comments.idea_id);`,
    `INSERT INTO follows (idea_id, user_id, created_at)
     SELECT idea_id, author_id, min(created_at) FROM comments WHERE agency_id = ${agency} GROUP BY idea_id, author_id
     ON CONFLICT DO NOTHING;`,
  ];
}

/** The counts and the trending score, from the rows. */
function countsSql(p: BenchPlan): string[] {
  const { agency } = p;
  return [
    `UPDATE ideas SET
       vote_count = (SELECT count(*) FROM votes v WHERE v.idea_id = ideas.id),
       comment_count = (SELECT count(*) FROM comments c WHERE c.idea_id = ideas.id AND c.deleted_at IS NULL AND c.hidden_at IS NULL)
     WHERE agency_id = ${agency};`,
    `UPDATE ideas SET hot = log(max(vote_count, 1)) + coalesce(submitted_at, 0) / 1000.0 / 45000.0 WHERE agency_id = ${agency};`,
  ];
}

/** Two ledger rows per vote, keyed as the reward engine keys them, then the totals from the ledger. */
function rewardsSql(p: BenchPlan) {
  const { agency } = p;
  const badge = (key: string, rule: string, partition: string, count: number) =>
    `INSERT INTO user_badges (user_id, badge_key, agency_id, cause, at)
     SELECT l.user_id, '${key}', l.agency_id, json_object('event', l.event_type, 'subjectType', l.subject_type, 'subjectId', l.subject_id), l.at
     FROM (SELECT l.user_id, l.agency_id, l.event_type, l.subject_type, l.subject_id, l.at,
             row_number() OVER (PARTITION BY ${partition} ORDER BY l.at, l.id) AS n
           FROM point_ledger l NOT INDEXED WHERE l.agency_id = ${agency} AND l.rule_key = '${rule}') l
     WHERE l.n = ${count}
     ON CONFLICT(user_id, badge_key) DO NOTHING;`;
  const badges = BADGES.flatMap((b) => {
    const t = b.trigger;
    if (t.kind === "count" && t.rule === "vote_cast") return [badge(b.key, "vote_cast", "l.user_id", t.count)];
    if (t.kind === "votes") return [badge(b.key, "vote_received", "l.user_id, l.subject_id", t.count)];
    return [];
  });
  return {
    ledger: `INSERT INTO point_ledger (agency_id, user_id, unit_id, points, event_type, subject_type, subject_id, rule_key, rules_version,
       idempotency_key, actor_id, day, at)
     SELECT v.agency_id,
       CASE x.n WHEN 0 THEN v.user_id ELSE v.author_id END,
       CASE x.n WHEN 0 THEN v.unit_id ELSE v.author_unit_id END,
       CASE x.n WHEN 0 THEN 1 ELSE 2 END, 'vote_cast', 'idea', v.idea_id,
       CASE x.n WHEN 0 THEN 'vote_cast' ELSE 'vote_received' END, 0,
       v.key || CASE x.n WHEN 0 THEN 'vote_cast:user:' || v.user_id ELSE 'vote_received:user:' || v.author_id END,
       v.user_id, v.day, v.created_at
     FROM (SELECT v.agency_id, v.user_id, v.unit_id, v.idea_id, v.created_at, i.author_id, i.unit_id AS author_unit_id,
             'vote:idea:' || v.idea_id || ':voter:' || v.user_id || ':' AS key, ${dayOfSql("v.created_at")} AS day
           FROM votes v JOIN ideas i ON i.id = v.idea_id WHERE v.agency_id = ${agency}) v
       CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1) x;`,
    // per person and month first, then the four periods of each month: 8 rows per month, not per row
    totals: `INSERT INTO point_totals (agency_id, period, subject_type, subject_id, points)
     SELECT l.agency_id, ${periodOfDaySql("l.day", "p.n")}, k.kind, CASE k.kind WHEN 'user' THEN l.user_id ELSE l.unit_id END, sum(l.points)
     FROM (SELECT agency_id, user_id, unit_id, substr(day, 1, 7) AS day, sum(points) AS points FROM point_ledger NOT INDEXED
           WHERE agency_id = ${agency} GROUP BY user_id, unit_id, substr(day, 1, 7)) l
       CROSS JOIN ${PERIODS_AND_SUBJECTS_SQL}
     GROUP BY 1, 2, 3, 4;`,
    badges,
  };
}

/** What the scheduler would have told people: votes and comments on their ideas, new assignments. */
function notificationsSql(p: BenchPlan): string[] {
  const { agency } = p;
  const insert = "INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key, created_at, read_at)";
  const read = (at: string) => `${at} + 3600000`;
  return [
    `${insert}
     SELECT v.agency_id, a.user_id, 'vote_on_my_idea', json_object('ideaId', i.id, 'title', i.title), 'vote:' || v.id || ':' || a.user_id, v.created_at, ${read("v.created_at")}
     FROM votes v JOIN ideas i ON i.id = v.idea_id JOIN idea_authors a ON a.idea_id = v.idea_id AND a.accepted_at IS NOT NULL AND a.user_id <> v.user_id
     WHERE v.agency_id = ${agency};`,
    `${insert}
     SELECT c.agency_id, a.user_id, 'comment_on_my_idea', json_object('ideaId', i.id, 'title', i.title, 'commentId', c.id, 'actorName', u.name),
       'comment:' || c.id || ':' || a.user_id, c.created_at, ${read("c.created_at")}
     FROM comments c JOIN ideas i ON i.id = c.idea_id JOIN users u ON u.id = c.author_id
       JOIN idea_authors a ON a.idea_id = c.idea_id AND a.accepted_at IS NOT NULL AND a.user_id <> c.author_id
     WHERE c.agency_id = ${agency} AND c.deleted_at IS NULL;`,
    `${insert}
     SELECT r.agency_id, r.reviewer_id, 'review_assigned',
       json_object('ideaId', i.id, 'title', i.title, 'assignmentId', r.id, 'campaignId', r.campaign_id, 'dueAt', r.due_at),
       'assigned:' || r.id, r.created_at, ${read("r.created_at")}
     FROM review_assignments r JOIN ideas i ON i.id = r.idea_id WHERE r.agency_id = ${agency};`,
  ];
}

/** People read what came before; the newest few of the last week are still unread. */
function unreadSql(p: BenchPlan): string[] {
  const { agency, now } = p;
  return [
    `UPDATE notifications SET read_at = NULL WHERE id IN (
       SELECT id FROM (SELECT id, created_at, row_number() OVER (PARTITION BY user_id ORDER BY created_at DESC, id DESC) AS n
                       FROM notifications WHERE agency_id = ${agency})
       WHERE n <= 8 AND created_at > ${now - 7 * DAY});`,
  ];
}

/**
 * The dashboard's counters, as `src/db/queries/stats-derive.queries.ts` counts them (each figure
 * for the agency, campaign 0, and for the row's campaign), and the participants they count.
 */
function statsSql(p: BenchPlan): string[] {
  const { agency, now } = p;
  const scopes = "CROSS JOIN (SELECT 0 AS per_campaign UNION ALL SELECT 1) sc";
  const scoped = (column: string) => `CASE sc.per_campaign WHEN 1 THEN ${column} ELSE 0 END`;
  const counter = "INSERT INTO stats_counters (agency_id, campaign_id, metric, bucket, value)";
  const add = "ON CONFLICT(agency_id, campaign_id, metric, bucket) DO UPDATE SET value = value + excluded.value";
  const events = `FROM idea_events e JOIN ideas i ON i.id = e.idea_id ${scopes} WHERE e.agency_id = ${agency}`;
  const month = "strftime('%Y-%m', e.at / 1000, 'unixepoch', '+7 hours')";
  return [
    `${counter} SELECT e.agency_id, ${scoped("i.campaign_id")}, 'funnel', e.to_status, count(*) ${events}
       AND e.action IN ('submit', 'start_review', 'shortlist', 'approve', 'implement', 'reject') GROUP BY 1, 2, 4 ${add};`,
    `${counter} SELECT e.agency_id, ${scoped("i.campaign_id")}, 'submitted_month', ${month}, count(*) ${events} AND e.action = 'submit' GROUP BY 1, 2, 4 ${add};`,
    `${counter} SELECT e.agency_id, ${scoped("i.campaign_id")}, 'submitted_category', i.category, count(*) ${events} AND e.action = 'submit' GROUP BY 1, 2, 4 ${add};`,
    `${counter} SELECT e.agency_id, ${scoped("i.campaign_id")}, 'submitted_unit', CAST(i.unit_id AS TEXT), count(*) ${events} AND e.action = 'submit' GROUP BY 1, 2, 4 ${add};`,
    `${counter} SELECT e.agency_id, ${scoped("i.campaign_id")}, m.metric, 'all', sum(CASE m.metric WHEN 'decision_count' THEN 1 ELSE e.at - i.submitted_at END)
       FROM idea_events e JOIN ideas i ON i.id = e.idea_id ${scopes}
       CROSS JOIN (SELECT 'decision_count' AS metric UNION ALL SELECT 'decision_ms_sum') m
       WHERE e.agency_id = ${agency} AND e.action IN ('approve', 'reject') AND i.submitted_at IS NOT NULL
       GROUP BY 1, 2, 3 ${add};`,
    // who took part, and how (each person once per activity and scope, with their unit)
    `INSERT INTO participants (agency_id, campaign_id, user_id, activity, unit_id)
     SELECT DISTINCT ${agency}, ${scoped("x.campaign_id")} AS campaign, x.user_id, CASE a.any_ WHEN 1 THEN 'any' ELSE x.activity END AS activity, x.unit_id
     FROM (SELECT DISTINCT i.campaign_id, e.actor_id AS user_id, u.unit_id, 'submitted' AS activity
             FROM idea_events e JOIN ideas i ON i.id = e.idea_id JOIN users u ON u.id = e.actor_id
             WHERE e.agency_id = ${agency} AND e.action = 'submit'
           UNION SELECT v.campaign_id, v.user_id, v.unit_id, 'voted' FROM votes v WHERE v.agency_id = ${agency}
           UNION SELECT i.campaign_id, c.author_id, u.unit_id, 'commented'
             FROM comments c JOIN ideas i ON i.id = c.idea_id JOIN users u ON u.id = c.author_id WHERE c.agency_id = ${agency}) x
     ${scopes}
     CROSS JOIN (SELECT 0 AS any_ UNION ALL SELECT 1) a
     WHERE 1
     ORDER BY 2, 4, 3
     ON CONFLICT DO NOTHING;`,
    `${counter} SELECT agency_id, campaign_id, 'participants_unit', activity || ':' || unit_id, count(*) FROM participants
     WHERE agency_id = ${agency} GROUP BY agency_id, campaign_id, activity, unit_id ${add};`,
    `${counter} SELECT agency_id, 0, 'asn_unit', CAST(unit_id AS TEXT), count(*) FROM users WHERE agency_id = ${agency} AND active = 1
     GROUP BY agency_id, unit_id ${add};`,
    // every job's watermark past the seeded rows: the first scheduler run finds nothing to do
    `UPDATE job_watermarks SET last_id = CASE name
       WHEN 'votes' THEN (SELECT coalesce(max(id), 0) FROM votes)
       WHEN 'stats_votes' THEN (SELECT coalesce(max(id), 0) FROM votes)
       WHEN 'comments' THEN (SELECT coalesce(max(id), 0) FROM comments)
       WHEN 'stats_comments' THEN (SELECT coalesce(max(id), 0) FROM comments)
       WHEN 'idea_events' THEN (SELECT coalesce(max(id), 0) FROM idea_events)
       WHEN 'stats_idea_events' THEN (SELECT coalesce(max(id), 0) FROM idea_events)
       WHEN 'review_assignments' THEN (SELECT coalesce(max(id), 0) FROM review_assignments)
       WHEN 'point_ledger' THEN (SELECT coalesce(max(id), 0) FROM point_ledger)
       WHEN 'user_badges' THEN (SELECT coalesce(max(rowid), 0) FROM user_badges)
       WHEN 'award_recipients' THEN (SELECT coalesce(max(id), 0) FROM award_recipients)
       WHEN 'asn_units' THEN ${now}
       ELSE last_id END;`,
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

/**
 * Invariants the seed must hold; each query answers one row `{ check, broken }`, `broken` 0 when it holds.
 */
export function benchInvariantQueries(p: BenchPlan): string[] {
  const a = p.agency;
  return [
    `SELECT 'vote_count = count(votes)' AS "check", count(*) AS broken FROM ideas i
       WHERE i.agency_id = ${a} AND i.vote_count <> (SELECT count(*) FROM votes v WHERE v.idea_id = i.id)`,
    `SELECT 'comment_count = visible comments' AS "check", count(*) AS broken FROM ideas i
       WHERE i.agency_id = ${a} AND i.comment_count <> (SELECT count(*) FROM comments c WHERE c.idea_id = i.id AND c.deleted_at IS NULL AND c.hidden_at IS NULL)`,
    `SELECT 'hot = log(votes) + submitted/45000s' AS "check", count(*) AS broken FROM ideas
       WHERE agency_id = ${a} AND abs(hot - (log(max(vote_count, 1)) + coalesce(submitted_at, 0) / 1000.0 / 45000.0)) > 1e-9`,
    `SELECT 'no vote by the idea''s team' AS "check", count(*) AS broken FROM votes v
       JOIN idea_authors t ON t.idea_id = v.idea_id AND t.user_id = v.user_id WHERE v.agency_id = ${a}`,
    // every ledger sum has its total (by the totals' primary key), and there are no other totals
    `WITH s AS MATERIALIZED (
       SELECT ${periodOfDaySql("l.day", "p.n")} AS period, k.kind AS kind, CASE k.kind WHEN 'user' THEN l.user_id ELSE l.unit_id END AS subject,
         sum(l.points) AS points
       FROM (SELECT user_id, unit_id, day, sum(points) AS points FROM point_ledger WHERE agency_id = ${a} GROUP BY user_id, unit_id, day) l
         CROSS JOIN ${PERIODS_AND_SUBJECTS_SQL}
       GROUP BY 1, 2, 3)
     SELECT 'point_totals = ledger sums' AS "check",
       (SELECT count(*) FROM s LEFT JOIN point_totals t
          ON t.agency_id = ${a} AND t.period = s.period AND t.subject_type = s.kind AND t.subject_id = s.subject
        WHERE t.points IS NOT s.points)
       + abs((SELECT count(*) FROM point_totals WHERE agency_id = ${a}) - (SELECT count(*) FROM s)) AS broken`,
    `SELECT 'listed = not draft/withdrawn/merged' AS "check", count(*) AS broken FROM ideas
       WHERE agency_id = ${a} AND listed <> (status NOT IN ('draft', 'withdrawn', 'merged'))`,
  ];
}

/** Row counts of the seeded agency, for the report. */
export function benchCountQuery(p: BenchPlan): string {
  const a = p.agency;
  const count = (table: string, where = `agency_id = ${a}`) =>
    `(SELECT count(*) FROM ${table} WHERE ${where}) AS ${table}`;
  return `SELECT ${[
    count("users"),
    count("units"),
    count("campaigns"),
    count("ideas"),
    count("idea_events"),
    count("votes"),
    count("comments"),
    count("review_assignments"),
    count("reviews"),
    count("point_ledger"),
    count("point_totals"),
    count("user_badges"),
    count("notifications"),
    count("stats_counters"),
    count("participants"),
  ].join(", ")}`;
}
