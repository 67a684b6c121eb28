/**
 * "Trending" without recomputation: hot = log10(max(votes, 1)) + submitted_at seconds / 45000.
 * Ten times the votes is worth 12.5 hours of freshness. Stored and indexed; any write that changes
 * `vote_count` recomputes it in the same statement with {@link HOT_SQL}.
 */
export function hotScore(votes: number, submittedAtMs: number): number {
  return Math.log10(Math.max(votes, 1)) + submittedAtMs / 1000 / 45000;
}

/** The same formula in SQL over the `ideas` row (SQLite math functions). */
export const HOT_SQL = "(log10(max(vote_count, 1)) + coalesce(submitted_at, 0) / 1000.0 / 45000.0)";
