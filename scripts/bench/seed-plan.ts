/**
 * The bench's synthetic agency in numbers: its sizes, the ids and times every statement shares, and
 * the deterministic draws (`u`, `pick`, `word`) the statements make inside SQLite.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

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

export const DAY = 86_400_000;
export const COMPETITIONS = 12;
/** competition index (0-based) now in review, and now in voting */
export const IN_REVIEW = 10;
export const IN_VOTING = 11;

/** Index (1-based) of each persona among the ASN; their roles are set below. */
export const PERSONA_INDEX = { admin: 1, leader: 2, chair: 3, reviewer: 4, asn: 5, voter: 6, commenter: 7 } as const;
export type BenchPersona = keyof typeof PERSONA_INDEX;

export const CRITERIA = [
  { key: "dampak", id: "Dampak bagi warga", en: "Impact on citizens", weight: 40 },
  { key: "kebaruan", id: "Kebaruan", en: "Novelty", weight: 20 },
  { key: "kelayakan", id: "Kelayakan", en: "Feasibility", weight: 20 },
  { key: "keberlanjutan", id: "Keberlanjutan", en: "Sustainability", weight: 20 },
];

/**
 * An SQL expression for the draws: a schema column or expression, or the name of a CTE's column
 * (`"i"`, `"r.j * 131071 + r.id"`), which the schema does not know.
 */
export type Expr = SQLWrapper | string;
const expr = (x: Expr): SQLWrapper => (typeof x === "string" ? sql.raw(x) : x);

/**
 * A deterministic uniform draw in [0, 1) from an integer SQL expression and a salt: two affine maps
 * modulo different primes (products stay below 2^62, so SQLite never leaves integers).
 */
export function u(x: Expr, salt: number): SQL {
  const a = (48_271 * salt * salt + 69_621 * salt + 16_807) % 2_147_483_647;
  const b = (salt * 1_013_904_223 + 12_345) % 2_147_483_647;
  return sql`((((((${expr(x)}) % 2147483647) * ${sql.raw(String(a))} + ${sql.raw(String(b))}) % 2147483647) * 48271 + ${sql.raw(String(salt))}) % 2147483629 / 2147483629.0)`;
}

/** An integer draw in [0, n). */
export const pick = (x: Expr, salt: number, n: number | Expr) =>
  sql`CAST(${u(x, salt)} * ${typeof n === "number" ? sql.raw(String(n)) : expr(n)} AS INTEGER)`;
/** One element of a list, drawn (a CASE: json_extract would parse the list again for every row). */
export const word = (items: readonly string[], x: Expr, salt: number) =>
  sql`CASE ${pick(x, salt, items.length)} ${sql.join(
    items.map((w, i) => sql`WHEN ${sql.raw(String(i))} THEN ${w}`),
    sql` `,
  )} END`;

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

export const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The smaller of two SQL expressions (a number is a literal). */
export const least = (a: Expr | number, b: Expr | number) =>
  sql`min(${typeof a === "number" ? sql.raw(String(a)) : expr(a)}, ${typeof b === "number" ? sql.raw(String(b)) : expr(b)})`;
