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
  "**Index needed (the lead owns migrations) — the ranking reads every idea of the campaign.** " +
    "`listRankingIdeas` filters `campaign_id = ? AND status IN ('in_review', 'shortlisted', 'approved', " +
    "'rejected', 'implemented')`; the only index that starts with `campaign_id` also holds `listed`, so SQLite " +
    "reads all the campaign's ideas (≈ 1,000 at S, ≈ 8,300 at L) to find the 60 that went to review. No rewrite " +
    "over the existing indexes is bounded (the agency-wide status index reads every decided idea of every campaign), " +
    "and dropping ideas without an assignment would hide them from the chair. Needed: " +
    "`CREATE INDEX ideas_campaign_status ON ideas (campaign_id, status);` — the query then reads the ideas in review " +
    "only (5 index ranges), and this bench's growth budget holds for the ranking.",
  "**Index advised for many agencies — the scheduler scans all campaigns each minute** to find those in play " +
    "(`kind = 'competition' AND coalesce(announcement_at, now) > now - 30 days`): 13 rows here, but every campaign " +
    "of every agency on a shared database. With `CREATE INDEX campaigns_in_play ON campaigns (kind, announcement_at);` " +
    "and the predicate written `(announcement_at IS NULL OR announcement_at > ?)` it reads only the campaigns in play.",
  "**Warning for the next step — paying points for votes would break the write budget.** Votes and comments do " +
    "not pay rewards yet (no `rewardStatements` in their handlers). Measured in workerd with the reward engine's own " +
    "statements: paying one vote (the voter's `vote_cast`, the author's `vote_received`) reads the reward state " +
    "(7 statements, ≈ 56 rows) and writes ≈ 60 rows — two ledger rows with their three indexes, and 16 upserted " +
    "totals (person and unit × all / year / quarter / month), each also moving its `point_totals_board` entry. " +
    "A vote would then write ≈ 67 rows instead of 7, and the standard mix's 4,000 votes ≈ 270,000 rows a day, " +
    "2.7× the free tier. Options: fold the totals in the scheduler from the new ledger rows (one upsert per person " +
    "and period per minute, not per vote), keep fewer running periods (derive quarter and year from months), or pay " +
    "only `vote_received`.",
  "Bounded by design, not by the data: the dashboard reads the agency's counters (units × activities, months, " +
    "categories: ≈ 440 rows, the same at S and L); the reviewer's queue reads one page of assignments plus the " +
    "reviewer's own totals; the ledger, leaderboards and lists read a page and its joined names (3–5 rows per item).",
];
