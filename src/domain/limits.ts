/**
 * How long a text and how many items the API accepts, where the route schemas say it and the SPA's
 * forms show it (`maxLength`, counters, "add" buttons): one number for both, so a form never
 * offers what the server refuses. Each pair is `[min, max]`.
 */
export const IDEA_LIMITS = {
  title: [5, 160],
  targetService: 200,
  category: 60,
  /** why an idea is withdrawn, rejected or merged */
  reason: 2000,
} as const;

export const CAMPAIGN_LIMITS = {
  title: [3, 160],
  description: 5000,
  category: 60,
  categories: 20,
  criteria: 12,
  criterionLabel: [2, 80],
  criterionDescription: 500,
  voteBudget: [1, 100],
  reviewersPerIdea: [1, 10],
  passingGrade: [0, 100],
} as const;

/** What a search box sends (`q` of the idea list and the innovation library). */
export const SEARCH_MAX = 200;

export const COMMENT_LIMITS = { body: 4000, hideReason: 500 } as const;

/** An award's words; how many recipients and ideas it names are `AWARD_LIMITS` (awards.ts). */
export const AWARD_TEXT_LIMITS = {
  title: [5, 160],
  citation: [10, 500],
  periodLabel: [2, 60],
  revokeReason: [5, 2000],
} as const;

/** The agency admin's forms: units, webhooks, API tokens. */
export const ADMIN_LIMITS = {
  unitCode: 40,
  unitName: 200,
  webhookName: 80,
  webhookUrl: 2048,
  tokenName: 80,
} as const;

/** Opening review on a campaign's top ideas, and a reviewer's private note. */
export const REVIEW_LIMITS = { topK: 500, note: 4000 } as const;
