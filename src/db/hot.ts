import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { HOT_FRESHNESS_SECONDS } from "../domain/voting";
import { ideas } from "./schema";

/**
 * `hotScore` of src/domain/voting.ts in SQL over the `ideas` row, for a `SET` that changes
 * `vote_count` in the same statement (the right-hand sides of a `SET` see the row as it was before
 * the update, so pass the new count). SQLite's one-argument `log(X)` is base 10; D1 refuses its
 * `log10` alias ("not authorized to use function").
 * @example db.update(ideas).set({ voteCount: count, hot: sqlHot(count) })
 */
export const sqlHot = (votes: SQLWrapper): SQL<number> =>
  sql<number>`(log(max(${votes}, 1)) + coalesce(${ideas.submittedAt}, 0) / 1000.0 / ${sql.raw(`${HOT_FRESHNESS_SECONDS}.0`)})`;
