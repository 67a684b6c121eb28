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

/** The admins' forms: the agency (name, slug, sign-in), units, webhooks, API tokens. */
export const ADMIN_LIMITS = {
  /** an agency's name, where the platform creates it and where its admin renames it */
  agencyName: 200,
  /** the agency's slug in its addresses (`/hall-of-fame/{slug}`) */
  agencySlug: 40,
  oidcClientSecret: 500,
  unitCode: 40,
  unitName: 200,
  webhookName: 80,
  webhookUrl: 2048,
  tokenName: 80,
} as const;

/**
 * Opening review on a campaign's top ideas (or on those with at least `minVotes` votes), a reviewer's
 * private note, and why a submitted review is reopened.
 */
export const REVIEW_LIMITS = { topK: [1, 500], minVotes: 0, note: 4000, reopenReason: [3, 2000] } as const;

/** A problem (a group of complaints) of the problem bank; its title is `PROBLEM_TITLE_MAX`. */
export const PROBLEM_LIMITS = { category: 120 } as const;

/** A competition's gates and rounds, its guest reviewers, and what a reviewer writes on a round's sheet. */
export const COMPETITION_LIMITS = {
  /** years of service a group needs to enter */
  minYears: [0, 20],
  /** entries one unit may send per group (no number: no quota) */
  quotaPerUnit: [1, 1000],
  roundName: 120,
  itemLabel: 120,
  /** a round's share of the final score, and a rubric item's weight (both add up to 100) */
  weight: [0, 100],
  /** "the best n advance" */
  advanceTop: [1, 1000],
  /** "a grade of at least g advances" */
  advanceGrade: [0, 100],
  slotMinutes: [5, 240],
  conflictReason: 1000,
  sheetNote: 4000,
  guestInstitution: [2, 200],
  guestExpertise: 200,
} as const;
