/**
 * "Trending" without recomputation: hot = log10(max(votes, 1)) + submitted_at seconds / 45000.
 * Ten times the votes is worth 12.5 hours of freshness. Stored and indexed; any write that changes
 * `vote_count` recomputes it in the same statement with {@link HOT_SQL}.
 */
export function hotScore(votes: number, submittedAtMs: number): number {
  return Math.log10(Math.max(votes, 1)) + submittedAtMs / 1000 / 45000;
}

/**
 * The same formula in SQL over the `ideas` row. SQLite's one-argument `log(X)` is base 10; D1
 * refuses its `log10` alias ("not authorized to use function"), so use `log`.
 */
export const HOT_SQL = "(log(max(vote_count, 1)) + coalesce(submitted_at, 0) / 1000.0 / 45000.0)";

/**
 * A campaign may hide vote counts until voting closes, so early numbers do not herd the rest.
 * Kotak Ide never closes, so it never hides.
 */
export function voteCountVisible(
  c: { kind: "open" | "competition"; hideVotesUntilClosed: boolean; votingEnd: number | null },
  now: number,
): boolean {
  if (c.kind === "open" || !c.hideVotesUntilClosed) return true;
  return c.votingEnd !== null && now >= c.votingEnd;
}
