import type { Database } from "./db/client";
import type { D1Stats } from "./lib/d1-stats";

/** The signed-in person, as every guard and handler sees them. */
export type Actor = {
  userId: number;
  agencyId: number;
  unitId: number;
  roles: readonly Role[];
  sessionId: number;
  mustChangePassword: boolean;
};

export const ROLES = ["asn", "reviewer", "leader", "admin", "superadmin"] as const;
export type Role = (typeof ROLES)[number];

export type Bindings = Env & {
  /** Set to "1" in tests: cross-check D1 result widths (see lib/d1-stats). */
  D1_STRICT_COLUMNS?: string;
};

export type AppVariables = {
  requestId: string;
  db: Database;
  d1Stats: D1Stats;
  actor: Actor | null;
};

export type AppEnv = { Bindings: Bindings; Variables: AppVariables };
