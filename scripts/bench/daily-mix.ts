/**
 * The standard day of a 5,000-ASN city, in requests, and what it costs in D1 rows given the
 * measured cost of each request; the same day scaled to a pilot on the free tier (5,000,000 rows
 * read and 100,000 rows written a day) and to a province of 50,000 ASN on Workers Paid (25 billion
 * rows read and 50 million written included a month).
 */
export const CITY_ASN = 5_000;
/** Share of the ASN who open Gagas on a working day (see `MIX_ASSUMPTIONS`). */
export const ACTIVE_SHARE = 0.4;
export const ACTIVE_ASN = CITY_ASN * ACTIVE_SHARE;

export const FREE_TIER = { rowsRead: 5_000_000, rowsWritten: 100_000 };

/** Workers Paid: D1 rows included a month (beyond them, $0.001 per million read and $1 per million written). */
export const WORKERS_PAID = { rowsRead: 25_000_000_000, rowsWritten: 50_000_000 };

/** A province's ASN: the goal of issue 22, inside Workers Paid's included quota. */
export const PROVINCE_ASN = 50_000;

/** A month priced as 30 working days (an upper bound: weekends and holidays are quiet). */
export const DAYS_A_MONTH = 30;

/** Scheduler runs a day (the Cron Trigger fires every minute); one in 60 also refreshes unit sizes. */
export const SCHEDULER_RUNS = { idle: 1_440 - 24, hourly: 24 };

export type MixLine = {
  /** a journey key of `journeys.ts`, or `sign-in` / `session.touch` */
  key: string;
  perDay: number;
  why: string;
};

const perActive = (n: number) => n * ACTIVE_ASN;

/** Each active ASN: one sign-in and 20 screens; every screen also asks the bell for its count. */
export const DAILY_MIX: MixLine[] = [
  { key: "sign-in", perDay: perActive(1), why: "one sign-in per active ASN (sessions last 12 h)" },
  {
    key: "session.touch",
    perDay: perActive(4),
    why: "sliding expiry: `last_seen_at` is refreshed at most every 5 min; ~4 refreshes over a working day",
  },
  { key: "ideas.new.first", perDay: perActive(3), why: "home and the idea list open on the newest ideas" },
  { key: "ideas.trending.first", perDay: perActive(1.5), why: "the trending tab" },
  { key: "ideas.votes.first", perDay: perActive(1), why: "most supported" },
  { key: "ideas.discussed.first", perDay: perActive(0.25), why: "most discussed" },
  { key: "ideas.score.first", perDay: perActive(0.25), why: "best reviewed" },
  { key: "ideas.new.deep", perDay: perActive(1.5), why: "scrolling further (priced as page 21: an upper bound)" },
  { key: "ideas.trending.deep", perDay: perActive(1), why: "scrolling the trending tab" },
  { key: "ideas.votes.deep", perDay: perActive(0.5), why: "scrolling most supported" },
  { key: "ideas.search", perDay: perActive(1), why: "one search a day" },
  { key: "idea.page", perDay: perActive(7), why: "seven ideas opened" },
  { key: "idea.comments", perDay: perActive(7), why: "each idea page loads its comment thread" },
  { key: "rewards.me", perDay: perActive(1), why: "my points, level and badges" },
  { key: "rewards.ledger", perDay: perActive(0.5), why: "every other day, where the points came from" },
  { key: "leaderboard.users.month", perDay: perActive(0.5), why: "leaderboards: this month's people" },
  { key: "leaderboard.units.month", perDay: perActive(0.25), why: "this month's units" },
  { key: "leaderboard.users.quarter", perDay: perActive(0.25), why: "" },
  { key: "leaderboard.users.year", perDay: perActive(0.25), why: "" },
  { key: "leaderboard.users.all", perDay: perActive(0.25), why: "" },
  { key: "notifications.unread", perDay: perActive(20), why: "the bell on every screen" },
  { key: "vote.cast", perDay: perActive(2), why: "two votes a day" },
  { key: "vote.retract", perDay: perActive(0.2), why: "one vote in ten taken back" },
  { key: "comment.post", perDay: perActive(0.25), why: "one active ASN in four comments" },
  { key: "reviews.mine", perDay: 8 * 10, why: "a committee of 8 reviewers, 10 looks at the queue each" },
  { key: "campaign.ranking", perDay: 5, why: "the chair checks the ranking" },
  { key: "stats.dashboard", perDay: 10 * 2, why: "10 leaders (Wali Kota, Sekda, Kepala OPD), twice a day" },
];

export const MIX_ASSUMPTIONS = [
  `A city of ${CITY_ASN.toLocaleString("en")} ASN. On a working day ${ACTIVE_SHARE * 100} % of them (${ACTIVE_ASN.toLocaleString("en")}) open Gagas: ` +
    "generous for a voluntary platform (attendance and e-kinerja apps reach most ASN daily because they must; " +
    "idea platforms in organisations typically see a minority of staff on a given day), and about what a campaign's " +
    "voting week with a circular from the Sekda would bring. Rows scale linearly with this share; the headroom " +
    "line below says which share would still fit.",
  "Each active ASN signs in once, sees 20 screens (each also polls the notification bell) and casts 2 votes; one in four writes a comment.",
  "One competition is in review (a committee of 8 reviewers and a chair) and 10 leaders look at the dashboard twice a day.",
  "The scheduler runs every minute (1,440 runs), one run an hour also refreshes the unit sizes of the dashboards.",
  "Votes, retractions and comments are priced at the mean of the samples their daily cap still paid (they pay points: " +
    "the bench's one voter and one commenter reach the daily caps within the samples — comments after 5 — and then earn " +
    "nothing, while each of the city's voters earns for both votes). " +
    "Every other request and each scheduler run is priced at its mean rows, interpolated linearly on the ASN count between S " +
    "(2,000) and L (20,000): most figures are the same at both scales; the ranking, the hourly unit-size refresh and " +
    "the scheduler's work per new row are not.",
];

export type DailyCost = {
  asn: number;
  rowsRead: number;
  rowsWritten: number;
  lines: (MixLine & { r: number; w: number })[];
};

/**
 * How many ASN may be active on a day before the free tier's daily rows run out: the scheduler's
 * idle and hourly runs are fixed, everything else grows with the active ASN.
 */
export function freeTierActiveAsn(day: DailyCost): number {
  const fixed = day.lines.filter((l) => l.key.startsWith("scheduler ("));
  const fixedR = fixed.reduce((sum, l) => sum + l.perDay * l.r, 0);
  const fixedW = fixed.reduce((sum, l) => sum + l.perDay * l.w, 0);
  const active = (day.asn * ACTIVE_SHARE) / CITY_ASN;
  const perActiveR = (day.rowsRead - fixedR) / (active * CITY_ASN);
  const perActiveW = (day.rowsWritten - fixedW) / (active * CITY_ASN);
  return Math.max(
    0,
    Math.min((FREE_TIER.rowsRead - fixedR) / perActiveR, (FREE_TIER.rowsWritten - fixedW) / perActiveW),
  );
}

type Rows = { r: number; w: number };

/**
 * @param costOf mean rows read and written per request of a mix line's key
 * @param scheduler rows of an idle run and of an hourly run, and what each new vote and comment adds to a run
 */
export function dailyCost(
  costOf: (key: string) => Rows,
  scheduler: { idle: Rows; hourly: Rows; perVote: Rows; perComment: Rows },
  asn = CITY_ASN,
): DailyCost {
  // every line of the city's day grows with the ASN (a province has more OPDs, committees and leaders too)
  const lines = DAILY_MIX.map((line) => ({ ...line, perDay: (line.perDay * asn) / CITY_ASN, ...costOf(line.key) }));
  const perDay = (key: string) => lines.find((l) => l.key === key)?.perDay ?? 0;
  const rows = (c: Rows) => ({ r: c.r, w: c.w });
  const schedulerLines = [
    { key: "scheduler (idle run)", perDay: SCHEDULER_RUNS.idle, why: "every minute", ...rows(scheduler.idle) },
    {
      key: "scheduler (hourly run)",
      perDay: SCHEDULER_RUNS.hourly,
      why: "unit sizes refreshed",
      ...rows(scheduler.hourly),
    },
    {
      key: "scheduler: a new vote",
      perDay: perDay("vote.cast"),
      why: "notifications, dashboard counters and the point totals folded from each vote's ledger rows",
      ...rows(scheduler.perVote),
    },
    {
      key: "scheduler: a new comment",
      perDay: perDay("comment.post"),
      why: "notifications and counters derived from each comment",
      ...rows(scheduler.perComment),
    },
  ];
  const all = [...lines, ...schedulerLines];
  return {
    asn,
    rowsRead: all.reduce((s, l) => s + l.perDay * l.r, 0),
    rowsWritten: all.reduce((s, l) => s + l.perDay * l.w, 0),
    lines: all,
  };
}
