/**
 * The one seam between entering an innovation into a competition and the innovation profile
 * (issue 20.1, engineer `profile`): the statements returned here go into the entry's own batch,
 * so an entry and whatever it freezes commit together. The profile feature locks the profile on
 * entry (`innovation_profiles.locked_at`, their `lockProfile`); until that table is on main an
 * entry records the idea and locks nothing, so this returns no statement. When it lands, return
 * `[lockProfile(db, input.ideaId, input.now)]` here — nothing else in the rounds code changes.
 */
import type { SQL } from "drizzle-orm";
import type { Database, Statement } from "../client";

export function lockOnEntryStatements(
  _db: Database,
  _input: { ideaId: number; entryId: SQL<number>; now: number },
): Statement[] {
  return [];
}
