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
  /** points per occurrence: every rule rewards a contribution, so 0–1000 (corrections are the engine's own negative rows) */
  points: number;
  /** at most this many paying occurrences per person per day (agency time zone), at least 1; null: no cap */
  dailyCap: number | null;
  /** `vote_received` only: at most this many paying votes per idea, at least 1; null: no cap */
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

/**
 * What a rule may say: points from 0 (a contribution nobody is paid for) to 1000; a cap of at
 * least 1 (a cap of 0 would silently pay nothing — say 0 points instead) or none. The contract
 * states the same bounds (OpenAPI minimum/maximum), so editors can show them.
 */
export const RULE_BOUNDS = {
  points: { min: 0, max: 1000 },
  cap: { min: 1, max: 10_000 },
} as const;

export type RuleProblem = {
  field: string;
  code: "reward.points_out_of_range" | "reward.cap_out_of_range";
  message: string;
};

const within = (n: number, b: { min: number; max: number }) => Number.isInteger(n) && n >= b.min && n <= b.max;

/**
 * Every value of a rule set outside {@link RULE_BOUNDS}, one problem per value.
 * @example checkRules({ ...DEFAULT_RULES.rules, vote_cast: { points: -1000, dailyCap: 0, perSubjectCap: null } })
 * // [{ field: "vote_cast.points", … }, { field: "vote_cast.dailyCap", … }]
 */
export function checkRules(rules: Rules): RuleProblem[] {
  const { points, cap } = RULE_BOUNDS;
  return RULE_KEYS.flatMap((key): RuleProblem[] => {
    const rule = rules[key];
    const caps = (["dailyCap", "perSubjectCap"] as const).filter((f) => rule[f] !== null && !within(rule[f], cap));
    return [
      ...(within(rule.points, points)
        ? []
        : [
            {
              field: `${key}.points`,
              code: "reward.points_out_of_range" as const,
              message: `Give a whole number of points from ${points.min} to ${points.max}`,
            },
          ]),
      ...caps.map((f) => ({
        field: `${key}.${f}`,
        code: "reward.cap_out_of_range" as const,
        message: `Give a cap from ${cap.min} to ${cap.max}, or none`,
      })),
    ];
  });
}

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

/** {@link RULE_BOUNDS} as they apply to one rule. @example ruleBounds("vote_received").perSubjectCap // { min: 1, max: 10000 } */
export function ruleBounds(key: RuleKey): RuleBounds {
  const { points, cap } = RULE_BOUNDS;
  return { points, dailyCap: cap, perSubjectCap: PER_SUBJECT_CAPPED.has(key) ? cap : null };
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
