/**
 * The user journeys the bench measures, as data: who makes the request and what the n-th request
 * of the journey is. `npm run bench` drives them with autocannon against `wrangler dev`;
 * `test/journey-budget.test.ts` runs each once inside workerd and checks its rows-read budget.
 */
import type { BenchPersona } from "./seed-plan.ts";

export const IDEA_SORTS = ["new", "votes", "trending", "discussed", "score"] as const;
export type IdeaSort = (typeof IDEA_SORTS)[number];

export const LEADERBOARD_SCOPES = ["users", "units"] as const;
export const LEADERBOARD_PERIODS = ["month", "quarter", "year", "all"] as const;

/** What the journeys act on, found in the seeded agency (and, for deep pages, by paging). */
export type JourneyTargets = {
  /** listed ideas to open, read the thread of, comment on */
  ideaIds: number[];
  /** ideas the voter may vote for (campaign in voting, not their own): one per concurrent pair */
  voteIdeaIds: number[];
  /** the competition in review (its chair reads the ranking) */
  campaignInReview: number;
  /** a word that occurs in the ideas' texts */
  searchTerm: string;
  /** `nextCursor` after `DEEP_PAGES` pages of each sort */
  deepCursors: Record<IdeaSort, string>;
};

/**
 * The numbers of comments of the ideas the idea-page, thread and comment journeys visit in turn:
 * the same threads at every scale (from an idea without comments to a lively one), so that a
 * journey's cost compares across scales. (Quantiles would not: the most discussed idea of a
 * bigger agency holds more, and its thread costs what it holds.)
 */
export const COMMENT_COUNTS = [0, 1, 1, 2, 2, 3, 4, 6, 10, 20];

/** What the search journey looks for: a word of the ideas' problems and solutions (≈ a third of them match). */
export const SEARCH_TERM = "antrean";

/** The same search as people type it: a non-standard spelling and an affixed word (antrian → antrean, pelayanan → layan). */
export const SEARCH_TERM_INDONESIAN = "antrian pelayanan";

/** How far down the list the "deep page" is (pages of 20). */
export const DEEP_PAGES = 20;

export type Journey = {
  key: string;
  label: string;
  persona: BenchPersona;
  method: "GET" | "PUT" | "DELETE" | "POST";
  path: (t: JourneyTargets, n: number) => string;
  body?: (n: number) => unknown;
  /** a write measured in one load run together with its inverse (vote ⇄ retract): same targets, in turn */
  pairedWith?: string;
  /**
   * Requested once before it is measured: its first request keeps what later ones read (the ranking's
   * burst findings, computed from the vote times once per change of an idea's votes). That first cost
   * is the journey-budget test's (test/journey-budget.test.ts), not the day's.
   */
  warmUp?: true;
  /**
   * The daily-capped rule that pays (or, taken back, reverses) the actor's points: the samples the cap
   * still pays price the day's requests, each of the city's people earning for theirs (`index.ts`).
   */
  pays?: "vote_cast" | "comment_posted";
};

const at = <T>(items: readonly T[], n: number): T => items[n % items.length]!;

const ideaLists: Journey[] = IDEA_SORTS.flatMap((sort): Journey[] => [
  {
    key: `ideas.${sort}.first`,
    label: `list ideas, sort=${sort}, first page`,
    persona: "asn",
    method: "GET",
    path: () => `/api/v1/ideas?sort=${sort}`,
  },
  {
    key: `ideas.${sort}.deep`,
    label: `list ideas, sort=${sort}, page ${DEEP_PAGES + 1}`,
    persona: "asn",
    method: "GET",
    path: (t) => `/api/v1/ideas?sort=${sort}&cursor=${encodeURIComponent(t.deepCursors[sort])}`,
  },
]);

const leaderboards: Journey[] = LEADERBOARD_SCOPES.flatMap((scope) =>
  LEADERBOARD_PERIODS.map((period): Journey => ({
    key: `leaderboard.${scope}.${period}`,
    label: `leaderboard, ${scope}, ${period}`,
    persona: "asn",
    method: "GET",
    path: () => `/api/v1/leaderboards?scope=${scope}&period=${period}`,
  })),
);

/**
 * What the bench starts its Workers with (`wrangler dev --var`): the baseline's route exists only
 * there, never in a deployed Worker nor in the contract.
 */
export const BENCH_VARS = { BENCH_ROUTES: "1" } as const;

/** The reference: a signed-in request with one indexed point read (needs {@link BENCH_VARS}). */
export const BASELINE: Journey = {
  key: "baseline",
  label: "baseline: one indexed point read",
  persona: "asn",
  method: "GET",
  path: () => "/api/v1/bench/baseline",
};

export const JOURNEYS: Journey[] = [
  BASELINE,
  ...ideaLists,
  {
    key: "ideas.search",
    label: "search ideas",
    persona: "asn",
    method: "GET",
    path: (t) => `/api/v1/ideas?q=${encodeURIComponent(t.searchTerm)}`,
  },
  {
    key: "ideas.search.indonesian",
    label: "search ideas (variant spelling, affixes)",
    persona: "asn",
    method: "GET",
    path: () => `/api/v1/ideas?q=${encodeURIComponent(SEARCH_TERM_INDONESIAN)}`,
  },
  {
    key: "idea.page",
    label: "idea page",
    persona: "asn",
    method: "GET",
    path: (t, n) => `/api/v1/ideas/${at(t.ideaIds, n)}`,
  },
  {
    key: "idea.comments",
    label: "comment thread",
    persona: "asn",
    method: "GET",
    path: (t, n) => `/api/v1/ideas/${at(t.ideaIds, n)}/comments`,
  },
  {
    key: "vote.cast",
    label: "vote (PUT)",
    persona: "voter",
    method: "PUT",
    path: (t, n) => `/api/v1/ideas/${at(t.voteIdeaIds, n)}/vote`,
    pairedWith: "vote.retract",
    pays: "vote_cast",
  },
  {
    key: "vote.retract",
    label: "retract vote (DELETE)",
    persona: "voter",
    method: "DELETE",
    path: (t, n) => `/api/v1/ideas/${at(t.voteIdeaIds, n)}/vote`,
    pays: "vote_cast",
  },
  {
    key: "comment.post",
    label: "post a comment",
    persona: "commenter",
    method: "POST",
    path: (t, n) => `/api/v1/ideas/${at(t.ideaIds, n)}/comments`,
    body: (n) => ({ body: `Setuju, ini akan membantu layanan kami (uji beban ${n}).` }),
    pays: "comment_posted",
  },
  {
    key: "reviews.mine",
    label: "reviewer's queue",
    persona: "reviewer",
    method: "GET",
    path: () => "/api/v1/reviews/mine",
  },
  {
    key: "campaign.ranking",
    label: "ranking (chair)",
    persona: "chair",
    method: "GET",
    path: (t) => `/api/v1/campaigns/${t.campaignInReview}/ranking`,
    warmUp: true,
  },
  { key: "rewards.me", label: "my points", persona: "asn", method: "GET", path: () => "/api/v1/rewards/me" },
  {
    key: "rewards.ledger",
    label: "my points ledger",
    persona: "asn",
    method: "GET",
    path: () => "/api/v1/rewards/ledger",
  },
  ...leaderboards,
  {
    key: "stats.dashboard",
    label: "dashboard (leader)",
    persona: "leader",
    method: "GET",
    path: () => "/api/v1/stats/dashboard",
  },
  {
    key: "notifications.unread",
    label: "notification bell (unread count)",
    persona: "asn",
    method: "GET",
    path: () => "/api/v1/notifications/unread-count",
  },
];

export const journeyByKey = (key: string): Journey => {
  const journey = JOURNEYS.find((j) => j.key === key);
  if (!journey) throw new Error(`no journey ${key}`);
  return journey;
};

/**
 * SQL finding the targets in the seeded agency (one row per statement).
 * @returns `ideaIds`, `voteIdeaIds` (JSON arrays)
 */
export function targetQueries(p: {
  agency: number;
  inVoting: number;
  personas: Record<BenchPersona, number>;
}): string[] {
  return [
    // ideas that take comments, the same threads at every scale: for each count of COMMENT_COUNTS, the ten
    // ideas whose number of comments is nearest to it, visited in turn
    `SELECT json_group_array(id) AS ids FROM (
       SELECT id FROM (SELECT i.id, s.i AS k, row_number() OVER (PARTITION BY s.i ORDER BY abs(i.comment_count - s.c), i.id) AS r
                       FROM ideas i
                       JOIN (SELECT column1 AS i, column2 AS c FROM (VALUES ${COMMENT_COUNTS.map((c, i) => `(${i}, ${c})`).join(", ")})) s
                       WHERE i.agency_id = ${p.agency} AND i.status = 'submitted') x
       WHERE x.r <= 10
       ORDER BY x.r, x.k)`,
    `SELECT json_group_array(id) AS ids FROM (SELECT i.id FROM ideas i WHERE i.campaign_id = ${p.inVoting} AND i.status = 'submitted'
       AND NOT EXISTS (SELECT 1 FROM idea_authors a WHERE a.idea_id = i.id AND a.user_id = ${p.personas.voter})
       ORDER BY i.id LIMIT 40)`,
  ];
}
