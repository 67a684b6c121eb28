import type { Database } from "../../db/client";
import {
  hasLaterTier,
  searchIdeas,
  type IdeaFilters,
  type IdeaSummaryRow,
  type SearchPosition,
} from "../../db/queries/idea-list.queries";
import { synonymRowsOf, synonymsQuery } from "../../db/queries/search-synonyms.queries";
import { searchQuery, type SynonymGroup } from "../../domain/search";

/**
 * The synonym groups this isolate last read, per agency. Only a guess: the search reads the groups
 * in the same batch as the page it guessed, and runs again if they changed.
 */
const lastRead = new Map<number, readonly SynonymGroup[]>();

/**
 * One page of a search box query, in one D1 round trip when nothing changed: the agency's synonym
 * groups and the page built from the groups this isolate read last travel in one batch (the
 * session check rides along, `middlewares/session.ts`). Groups edited since — or first seen —
 * give another query, which runs again; the answer always follows the groups as stored now.
 * @returns null when the words hold nothing searchable
 */
export async function searchPage(
  db: Database,
  f: IdeaFilters,
  q: string,
  limit: number,
  at: SearchPosition,
): Promise<{ rows: IdeaSummaryRow[]; next: SearchPosition | null } | null> {
  const guess = searchQuery(q, lastRead.get(f.agencyId) ?? []);
  // synonyms only rewrite words a person typed: with none left, no groups bring any back
  if (!guess) return null;
  const [synonymRows, guessed] = await db.batch([synonymsQuery(db, f.agencyId), searchIdeas(db, f, guess, limit, at)]);
  const groups = synonymRowsOf(synonymRows).map((r) => r.terms);
  lastRead.set(f.agencyId, groups);
  const match = searchQuery(q, groups)!;
  const rows = match === guess ? guessed : await searchIdeas(db, f, match, limit, at);
  const [tier, offset] = at;
  // a page that ends its tier goes on with the next tier's best, if there are older matches
  const next: SearchPosition | null =
    rows.length > limit
      ? [tier, offset + limit]
      : (await hasLaterTier(db, f.agencyId, match, tier))
        ? [tier + 1, 0]
        : null;
  return { rows, next };
}
