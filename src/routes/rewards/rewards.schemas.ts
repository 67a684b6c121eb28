import { z } from "@hono/zod-openapi";
import { idText } from "../../lib/openapi";
import { PERIOD_KINDS } from "../../domain/reward-periods";
import { RULE_KEYS, ruleBounds, type RuleInput, type RuleKey } from "../../domain/reward-rules";
import { NextCursor, PageQuery } from "../../lib/cursor";

const Bilingual = z.object({ id: z.string(), en: z.string() }).openapi("Bilingual");

const LevelRef = z.object({ key: z.string(), name: Bilingual, min: z.number().int() });

export const LevelSchema = LevelRef.extend({
  next: LevelRef.nullable(),
  progress: z.number().min(0).max(1).openapi({ description: "Share of the way to the next level (1 at the top)" }),
  pointsToNext: z.number().int(),
}).openapi("Level");

const BadgeFields = {
  key: z.string().openapi({ example: "ide_pertama" }),
  name: Bilingual,
  description: Bilingual,
};

export const MyRewardsSchema = z
  .object({
    userId: z.number().int(),
    points: z
      .object({
        all: z.number().int(),
        year: z.number().int(),
        quarter: z.number().int(),
        month: z.number().int(),
      })
      .openapi({ description: "Totals for all time and the current year, quarter and month (agency time zone)" }),
    periods: z.object({ year: z.string(), quarter: z.string(), month: z.string() }).openapi({
      example: { year: "2026", quarter: "2026-Q4", month: "2026-11" },
    }),
    level: LevelSchema,
    badges: z.array(z.object({ ...BadgeFields, earnedAt: z.string() })),
  })
  .openapi("MyRewards");

export const LedgerQuery = PageQuery.extend({
  userId: idText().optional().openapi({ description: "Another person of my agency (admin only); default: me" }),
});

export const LedgerEntrySchema = z
  .object({
    id: z.number().int().nullable().openapi({ description: "null for a day's votes folded together" }),
    points: z.number().int(),
    eventType: z.string().openapi({ example: "vote_cast" }),
    rule: z.object({ key: z.string(), label: Bilingual, version: z.number().int() }),
    reversal: z.boolean().openapi({ description: "A correction cancelling an earlier row of the same cause" }),
    subject: z
      .object({ type: z.enum(["idea", "vote", "comment", "review", "award"]), id: z.number().int() })
      .nullable()
      .openapi({ description: "null for a day's votes folded together" }),
    idea: z.object({ id: z.number().int(), title: z.string() }).nullable(),
    award: z.object({ id: z.number().int(), title: z.string() }).nullable(),
    day: z.string().openapi({ description: "The day the points count for (agency time zone)", example: "2026-11-05" }),
    at: z
      .string()
      .nullable()
      .openapi({ description: "When the row was written; null for a day's votes folded together" }),
    rows: z.number().int().openapi({
      description:
        "Ledger rows in this entry: 1, or — when someone other than the voter reads the ledger — a day's vote rows of one kind folded together (votes are secret: no idea, time or id)",
    }),
  })
  .openapi("LedgerEntry");

export const LedgerPageSchema = z
  .object({ items: z.array(LedgerEntrySchema), nextCursor: NextCursor })
  .openapi("LedgerPage");

export const BadgeCatalogueSchema = z
  .object({
    items: z.array(z.object({ ...BadgeFields, held: z.boolean(), earnedAt: z.string().nullable() })),
  })
  .openapi("BadgeCatalogue");

const Range = z.object({ min: z.number().int(), max: z.number().int() });

const RuleSchema = z.object({
  points: z.number().int(),
  dailyCap: z.number().int().nullable(),
  perSubjectCap: z.number().int().nullable(),
  label: Bilingual,
  bounds: z
    .object({ points: Range, dailyCap: Range, perSubjectCap: Range.nullable() })
    .openapi({ description: "What `PUT /rewards/rules` takes for this rule; `perSubjectCap` null: the rule has none" }),
});

export const RuleSetSchema = z
  .object({
    version: z.number().int().openapi({ description: "0: the built-in defaults" }),
    updatedAt: z.string().nullable(),
    updatedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    rules: z.object(Object.fromEntries(RULE_KEYS.map((k) => [k, RuleSchema])) as Record<RuleKey, typeof RuleSchema>),
  })
  .openapi("RewardRules");

const cap = (range: { min: number; max: number }) =>
  z.number().int().min(range.min).max(range.max).nullable().default(null);
const ruleInput = (key: RuleKey) => {
  const bounds = ruleBounds(key);
  return z
    .object({
      points: z
        .number()
        .int()
        .min(bounds.points.min)
        .max(bounds.points.max)
        .openapi({ description: "Points per occurrence" }),
      dailyCap: cap(bounds.dailyCap).openapi({ description: "Paying occurrences per person per day; null: no cap" }),
      ...(bounds.perSubjectCap
        ? { perSubjectCap: cap(bounds.perSubjectCap).openapi({ description: "Paying votes per idea; null: no cap" }) }
        : {}),
    })
    .strict();
};

/** Every rule; `perSubjectCap` only where the rule takes one (the object of each rule is strict). */
const RulesInput = z
  .object(
    Object.fromEntries(RULE_KEYS.map((k) => [k, ruleInput(k)])) as unknown as Record<
      RuleKey,
      z.ZodType<RuleInput, RuleInput>
    >,
  )
  .strict();

export const RulesBody = z
  .object({
    baseVersion: z.number().int().min(0).optional().openapi({
      description: "The version this edit started from; 409 `reward.rules_stale` if it is no longer in force",
    }),
    rules: RulesInput,
  })
  .strict()
  .openapi("RewardRulesUpdate");

export const RulesPreviewBody = z.object({ rules: RulesInput }).strict().openapi("RewardRulesPreviewRequest");

const RuleValues = z.object({
  points: z.number().int(),
  dailyCap: z.number().int().nullable(),
  perSubjectCap: z.number().int().nullable(),
});

export const RuleVersionPageSchema = z
  .object({
    items: z.array(
      z.object({
        version: z
          .number()
          .int()
          .openapi({ description: "0: the built-in defaults, in force before any was published" }),
        publishedAt: z.string().nullable(),
        publishedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
        changes: z
          .array(z.object({ rule: z.enum(RULE_KEYS), label: Bilingual, from: RuleValues, to: RuleValues }))
          .openapi({ description: "What this version changed from the one before it" }),
      }),
    ),
    nextCursor: NextCursor,
  })
  .openapi("RewardRuleVersionPage");

const MonthPreviewSchema = z.object({
  profiles: z.array(
    z.object({
      key: z.enum(["asn", "innovator", "reviewer"]),
      total: z.number().int(),
      lines: z.array(
        z.object({
          rule: z.enum(RULE_KEYS),
          occurrences: z.number().int(),
          paid: z.number().int().openapi({ description: "Occurrences that pay after the caps" }),
          points: z.number().int(),
        }),
      ),
    }),
  ),
  agency: z.object({ activeAsn: z.number().int(), total: z.number().int(), perAsn: z.number().int() }),
});

export const RulesPreviewSchema = z
  .object({
    month: z
      .object({
        asn: z.object({
          ideas: z.number(),
          votesReceived: z.number(),
          votesCast: z.number(),
          voteDays: z.number(),
          comments: z.number(),
          commentDays: z.number(),
        }),
        innovator: z.object({ shortlisted: z.number(), approved: z.number() }),
        reviewer: z.object({ reviews: z.number(), late: z.number() }),
        agency: z.object({
          activeAsn: z.number(),
          innovators: z.number(),
          implemented: z.number(),
          replicated: z.number(),
          reviewers: z.number(),
          awards: z.number(),
        }),
      })
      .openapi({ description: "The typical month assumed, in numbers" }),
    current: MonthPreviewSchema.openapi({ description: "What the rules in force pay in that month" }),
    draft: MonthPreviewSchema.openapi({ description: "What the rules sent would pay" }),
  })
  .openapi("RewardRulesPreview");

export const RuleVersionQuery = PageQuery;

export const LeaderboardQuery = PageQuery.extend({
  scope: z.enum(["users", "units"]).default("users"),
  period: z.enum(PERIOD_KINDS).default("month"),
});

export const LeaderboardSchema = z
  .object({
    scope: z.enum(["users", "units"]),
    period: z.object({ kind: z.enum(PERIOD_KINDS), key: z.string().openapi({ example: "2026-11" }) }),
    items: z.array(
      z.object({
        rank: z.number().int().openapi({ description: "Competition ranking: equal points, equal rank" }),
        points: z.number().int(),
        user: z.object({ id: z.number().int(), name: z.string() }).nullable().openapi({ description: "Scope users" }),
        unit: z
          .object({ id: z.number().int(), name: z.string() })
          .openapi({ description: "The person's unit, or the unit" }),
      }),
    ),
    nextCursor: NextCursor,
    asOf: z.string().openapi({
      description:
        "The board holds every point earned before this time: totals are folded from the ledger by the scheduler each minute, so a board may lag by one run (a person's own points in /rewards/me are exact at once)",
      example: "2026-11-05T03:12:00.000Z",
    }),
  })
  .openapi("Leaderboard");
