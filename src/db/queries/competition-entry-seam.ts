/**
 * The one seam between entering an innovation into a competition and its innovation profile
 * (issue 20.1): the statement returned here goes into the entry's own batch, so an entry and the
 * profile it freezes commit together — and only together: the lock holds only if the entry was
 * written (the entry's insert is guarded by the quota and once-a-year rules).
 */
import { sql, type SQL } from "drizzle-orm";
import type { Database, Statement } from "../client";
import { competitionEntries } from "../schema";
import { lockProfile } from "./innovation-profile.queries";

export function lockOnEntryStatements(
  db: Database,
  input: { agencyId: number; ideaId: number; entryId: SQL<number>; now: number },
): Statement[] {
  const entered = sql`EXISTS (SELECT 1 FROM ${competitionEntries} WHERE ${competitionEntries.id} = ${input.entryId} AND ${competitionEntries.ideaId} = ${input.ideaId})`;
  return [lockProfile(db, { agencyId: input.agencyId, ideaId: input.ideaId, at: input.now, when: entered })];
}
