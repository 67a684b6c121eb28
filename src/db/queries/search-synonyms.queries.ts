import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { SynonymGroup } from "../../domain/search";
import type { SearchText } from "../../domain/search-normalise";
import { chunk } from "../../lib/chunk";
import type { Database, Statement } from "../client";
import { ideas, searchSynonyms } from "../schema";
import { recordAudit } from "./audit.queries";

export type SynonymRow = { id: number; terms: string[] };

/** An agency's synonym groups, oldest first (the order the admin wrote them), as a query a batch can carry. */
export function synonymsQuery(db: Database, agencyId: number) {
  return db
    .select({ id: searchSynonyms.id, terms: searchSynonyms.terms })
    .from(searchSynonyms)
    .where(eq(searchSynonyms.agencyId, agencyId))
    .orderBy(asc(searchSynonyms.id));
}

/** The rows of `synonymsQuery` with their terms read. */
export const synonymRowsOf = (rows: { id: number; terms: string }[]): SynonymRow[] =>
  rows.map((r) => ({ id: r.id, terms: JSON.parse(r.terms) as string[] }));

/** An agency's synonym groups, oldest first (the order the admin wrote them). */
export async function listSynonyms(db: Database, agencyId: number): Promise<SynonymRow[]> {
  return synonymRowsOf(await synonymsQuery(db, agencyId));
}

/** Just the groups, for building a query. */
export async function listSynonymGroups(db: Database, agencyId: number): Promise<SynonymGroup[]> {
  return (await listSynonyms(db, agencyId)).map((r) => r.terms);
}

/** The agency's groups become `groups` (all replaced at once), with one audit row. */
export function replaceSynonymsStatements(
  db: Database,
  input: { agencyId: number; groups: readonly SynonymGroup[]; actorId: number; now: number; before: number },
): Statement[] {
  const { agencyId, groups, actorId, now, before } = input;
  const rows = groups.map((g) => ({ agencyId, terms: JSON.stringify(g), updatedAt: now, updatedBy: actorId }));
  return [
    db.delete(searchSynonyms).where(eq(searchSynonyms.agencyId, agencyId)),
    // four bound parameters a row: 20 rows stay under D1's 100
    ...chunk(rows, 20).map((slice) => db.insert(searchSynonyms).values(slice)),
    recordAudit(db, {
      agencyId,
      actorId,
      action: "search_synonyms.update",
      subjectType: "agency",
      subjectId: agencyId,
      detail: { groups: { from: before, to: groups.length } },
      at: now,
    }),
  ];
}

const pending = or(isNull(ideas.searchTitle), isNull(ideas.searchProblem), isNull(ideas.searchSolution));

/** Ideas whose search text is still to be normalised (through the partial index `ideas_search_pending`). */
export function listIdeasPendingSearchText(db: Database, limit: number) {
  return db
    .select({ id: ideas.id, title: ideas.title, problem: ideas.problem, solution: ideas.solution })
    .from(ideas)
    .where(pending)
    .orderBy(asc(ideas.id))
    .limit(limit);
}

/**
 * An idea's normalised search text, written only if its text is still what was normalised (an
 * author's edit in between wins; its own search text was computed then).
 */
export function setSearchTextStatement(
  db: Database,
  idea: { id: number; title: string; problem: string; solution: string },
  text: SearchText,
) {
  return db
    .update(ideas)
    .set(text)
    .where(
      and(
        eq(ideas.id, idea.id),
        sql`${ideas.title} = ${idea.title} AND ${ideas.problem} = ${idea.problem} AND ${ideas.solution} = ${idea.solution}`,
      ),
    );
}
