/**
 * What the bench found and what was done about it: written into docs/BENCHMARKS.md under
 * "Findings". Figures "before" were measured by this bench at S before the fix.
 */
export const findings: string[] = [
  "**Fixed — the scheduler's idle run scanned every user and every dashboard counter each minute.** The hourly " +
    "unit-size refresh (`src/db/queries/stats-derive.queries.ts`) checked whether it was due inside each row's " +
    "WHERE clause, so SQLite evaluated it per row: an idle run read 5,966 rows at S (every user, every " +
    "`stats_counters` row), ≈ 8.6 million rows a day from the Cron Trigger alone — more than the free tier. The " +
    "check is now a one-row `CROSS JOIN` that is the outer loop: a run that is not due reads the watermark and stops.",
  "**Fixed — the hourly refresh compared `CAST(u.unit_id AS TEXT) = bucket`**, which no index serves: for each " +
    "unit's counter it scanned the agency's users (76,953 rows per hourly run at S, ~1 million at L). It now walks " +
    "the units and looks each counter and each unit's first active ASN up by index.",
  "**Fixed — the scheduler read every campaign phase ever recorded each minute** (`listSchedules` in " +
    "`notifications.queries.ts`); it now reads the recorded phases of the campaigns still in play only, by primary key.",
  "**Fixed — search scored and sorted every match.** `ORDER BY bm25(ideas_fts, …)` outside the index made SQLite " +
    "rank all matching ideas before taking a page: 20,176 rows read at S for a common word, growing with the number " +
    "of ideas. FTS5 now ranks inside the index (`ideas_fts.rank MATCH 'bm25(5.0, 2.0, 1.0)'`, `ORDER BY rank`), " +
    "the matches arrive best first and the join stops at the page: O(offset + page). Ideas of equal rank now come " +
    "in index order instead of newest first. The similar-ideas lookup uses the same ranking.",
  "**Fixed — the ranking read every idea of the campaign.** `listRankingIdeas` filters `campaign_id = ? AND status " +
    "IN ('in_review', 'shortlisted', 'approved', 'rejected', 'implemented')`; the only index that started with " +
    "`campaign_id` also held `listed`, so SQLite read all the campaign's ideas (1,116 rows at S, 6,743 at L) to find " +
    "the 60 that went to review. Migration 0005 adds `ideas_campaign_status (campaign_id, status)`: the ranking now " +
    "reads the ideas in review with their unit, author and assignments, and the campaign's reviews (556 rows at both scales).",
  "**Index advised for many agencies — the scheduler scans all campaigns each minute** to find those in play " +
    "(`kind = 'competition' AND coalesce(announcement_at, now) > now - 30 days`): 13 rows here, but every campaign " +
    "of every agency on a shared database. With `CREATE INDEX campaigns_in_play ON campaigns (kind, announcement_at);` " +
    "and the predicate written `(announcement_at IS NULL OR announcement_at > ?)` it reads only the campaigns in play.",
  "**Open — paying points for votes and comments costs most of the write budget.** Since issue 7 a vote pays the " +
    "voter (`vote_cast`) and the idea's team (`vote_received`), and a comment its author, in the vote's or the " +
    "comment's own batch, with the running totals of every period that the leaderboards read (the rule of issue 7). " +
    "A paid vote writes 40–48 rows (`test/rewards-cost.test.ts`): the vote and its count (7), two ledger rows with " +
    "their three indexes (8), and 12–16 period totals (person and unit × all, year, quarter, month), each an upsert " +
    "that also moves its `point_totals_board` entry (≈ 2 rows). The standard mix's 4,000 votes then write more than " +
    "the free tier's 100,000 rows on their own; the day below is priced at the dearest sample. Reads stay well inside " +
    "(the engine's state is ≈ 60 rows a vote). Ways out, for a product decision: (1) the Workers Paid plan " +
    "(US$5 a month includes 50 million rows written a month: ≈ 1.6 million a day, about 8× this day); (2) pay `vote_cast` once a day " +
    "(a daily cap of 1): the second vote of the day skips a ledger row and 4–8 totals, about a fifth fewer rows over a voter's two votes; (3) one totals row per person or unit holding all four " +
    "periods, and no board index for units (a unit board reads the agency's few units): ≈ 27 rows per vote (an estimate, not measured), enough for about 25 % of the ASN active a day; (4) fold period totals from the ledger in the " +
    "scheduler each minute — cheapest, but the leaderboards would then lag the ledger, which issue 7 rules out.",
  "**Bench artifact, not a scaling fault — a reused seed inflates the vote's reads.** The load runs cast and take back " +
    "the same 40 votes thousands of times; each cycle adds `again`/`rev` ledger rows to that vote's cause, which the " +
    "engine reads (its history decides what a new vote may earn), and to the author's rows of the day. `--reuse` keeps " +
    "them for the next run, so figures of a reused scale drift upwards; this report comes from fresh seeds. A person " +
    "who votes and retracts the same idea a few times costs a few rows more.",
  "**Fixed in the harness — the thread and idea-page journeys now visit threads of fixed sizes** (0 to 20 comments, " +
    "`COMMENT_COUNTS`) instead of quantiles, whose top idea holds more comments in a bigger agency; and the scheduler " +
    "is drained (two runs) before its idle run is priced, at one fixed scheduled time, so no backlog or hourly refresh " +
    "lands in the idle figure.",
  "Bounded by design, not by the data: the dashboard reads the agency's counters (units × activities, months, " +
    "categories: ≈ 440 rows, the same at S and L); the reviewer's queue reads one page of assignments plus the " +
    "reviewer's own totals; the ledger, leaderboards and lists read a page and its joined names (3–5 rows per item).",
];
