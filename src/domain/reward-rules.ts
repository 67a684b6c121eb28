/**
 * Reward rules: what each kind of contribution is worth. An agency admin may tune them; every
 * change is a new version (`reward_rules`), and every ledger row records the version that priced it.
 * Without a stored version the defaults below (version 0) are in force.
 */
import type { Bilingual } from "./levels.ts";

export const RULE_KEYS = [
  "idea_submitted",
  "vote_received",
  "vote_cast",
  "comment_posted",
  "idea_shortlisted",
  "idea_approved",
  "idea_implemented",
  "idea_replicated",
  "review_on_time",
  "review_late",
  "award_granted",
] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

export type Rule = {
  /** points per occurrence; may be negative (a penalty), never more than ±1000 */
  points: number;
  /** at most this many paying occurrences per person per day (agency time zone); null: no cap */
  dailyCap: number | null;
  /** `vote_received` only: at most this many paying votes per idea; null: no cap */
  perSubjectCap: number | null;
};

export type Rules = Record<RuleKey, Rule>;
export type RuleSet = { version: number; rules: Rules };

const rule = (points: number, caps: Partial<Omit<Rule, "points">> = {}): Rule => ({
  points,
  dailyCap: caps.dailyCap ?? null,
  perSubjectCap: caps.perSubjectCap ?? null,
});

/** Small points for taking part (capped, so they cannot be farmed), more for ideas that change a service. */
export const DEFAULT_RULES: RuleSet = {
  version: 0,
  rules: {
    idea_submitted: rule(10),
    vote_received: rule(2, { perSubjectCap: 50 }),
    vote_cast: rule(1, { dailyCap: 10 }),
    comment_posted: rule(2, { dailyCap: 5 }),
    idea_shortlisted: rule(25),
    idea_approved: rule(50),
    idea_implemented: rule(100),
    idea_replicated: rule(40),
    review_on_time: rule(15),
    review_late: rule(5),
    award_granted: rule(100),
  },
};

/** What each rule pays for, in both languages (the rules admin page and the ledger show these). */
export const RULE_LABELS: Record<RuleKey, Bilingual> = {
  idea_submitted: { id: "Mengajukan ide", en: "Idea submitted" },
  vote_received: { id: "Ide didukung rekan", en: "Vote received on an idea" },
  vote_cast: { id: "Memberi dukungan", en: "Vote cast" },
  comment_posted: { id: "Menulis komentar", en: "Comment posted" },
  idea_shortlisted: { id: "Ide masuk nominasi", en: "Idea shortlisted" },
  idea_approved: { id: "Ide disetujui", en: "Idea approved" },
  idea_implemented: { id: "Ide diterapkan", en: "Idea implemented" },
  idea_replicated: { id: "Ide direplikasi instansi lain", en: "Idea replicated by another agency" },
  review_on_time: { id: "Penilaian tepat waktu", en: "Review completed on time" },
  review_late: { id: "Penilaian terlambat", en: "Review completed late" },
  award_granted: { id: "Bonus penghargaan", en: "Award bonus" },
};

/** Rules that accept a per-subject cap (votes per idea). */
export const PER_SUBJECT_CAPPED: ReadonlySet<RuleKey> = new Set(["vote_received"]);

export const POINTS_LIMIT = 1000;
export const CAP_LIMIT = 10_000;

/**
 * The rules of a stored version; a rule added to the code after the version was saved takes its
 * default, so old versions stay readable.
 */
export function parseRules(version: number, json: string): RuleSet {
  const stored = JSON.parse(json) as Partial<Record<string, Partial<Rule>>>;
  const rules = {} as Rules;
  for (const key of RULE_KEYS) {
    const base = DEFAULT_RULES.rules[key];
    const s = stored[key] ?? {};
    rules[key] = {
      points: typeof s.points === "number" ? s.points : base.points,
      dailyCap: s.dailyCap === undefined ? base.dailyCap : s.dailyCap,
      perSubjectCap: s.perSubjectCap === undefined ? base.perSubjectCap : s.perSubjectCap,
    };
  }
  return { version, rules };
}

/** The rules as stored: only the keys the code knows, each with all three fields. */
export const serializeRules = (rules: Rules) => JSON.stringify(Object.fromEntries(RULE_KEYS.map((k) => [k, rules[k]])));

/** The rules whose values differ between two sets, `{ key: { from, to } }` (for the audit log). */
export function changedRules(from: Rules, to: Rules): Partial<Record<RuleKey, { from: Rule; to: Rule }>> {
  const out: Partial<Record<RuleKey, { from: Rule; to: Rule }>> = {};
  for (const key of RULE_KEYS) {
    const a = from[key];
    const b = to[key];
    if (a.points !== b.points || a.dailyCap !== b.dailyCap || a.perSubjectCap !== b.perSubjectCap) {
      out[key] = { from: a, to: b };
    }
  }
  return out;
}

/** The values a rule may take, as the contract checks them and the rules editor shows them. */
export type RuleBounds = {
  points: { min: number; max: number };
  dailyCap: { min: number; max: number };
  /** null: the rule takes no cap per idea */
  perSubjectCap: { min: number; max: number } | null;
};

/** @example ruleBounds("vote_received").perSubjectCap // { min: 0, max: 10000 } */
export function ruleBounds(key: RuleKey): RuleBounds {
  const cap = { min: 0, max: CAP_LIMIT };
  return {
    points: { min: -POINTS_LIMIT, max: POINTS_LIMIT },
    dailyCap: cap,
    perSubjectCap: PER_SUBJECT_CAPPED.has(key) ? cap : null,
  };
}

/** A rule as a request gives it: a rule without a per-idea cap may leave it out. */
export type RuleInput = { points: number; dailyCap: number | null; perSubjectCap?: number | null };

/** The rules of a request, each with all three fields. */
export const rulesFromInput = (input: Record<RuleKey, RuleInput>): Rules =>
  Object.fromEntries(
    RULE_KEYS.map((k) => {
      const r = input[k];
      return [k, { points: r.points, dailyCap: r.dailyCap, perSubjectCap: r.perSubjectCap ?? null }];
    }),
  ) as Rules;
