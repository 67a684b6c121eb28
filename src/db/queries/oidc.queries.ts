import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "../client";
import { agencies, agencyOidc, oidcStates, users } from "../schema";
import { recordAudit } from "./audit.queries";

export type AgencyOidcRow = typeof agencyOidc.$inferSelect;

/** The provider an agency's admin configured, or undefined. */
export async function getAgencyOidc(db: Database, agencyId: number): Promise<AgencyOidcRow | undefined> {
  const [row] = await db.select().from(agencyOidc).where(eq(agencyOidc.agencyId, agencyId));
  return row;
}

export type AgencySignIn = {
  agencyId: number;
  slug: string;
  name: string;
  provider: AgencyOidcRow | null;
};

/** An active agency by its slug, with its provider (if any): what its sign-in page offers. */
export async function getAgencySignIn(db: Database, slug: string): Promise<AgencySignIn | undefined> {
  const [row] = await db
    .select({ agencyId: agencies.id, slug: agencies.slug, name: agencies.name, provider: agencyOidc })
    .from(agencies)
    .leftJoin(agencyOidc, eq(agencyOidc.agencyId, agencies.id))
    .where(and(eq(agencies.slug, slug), eq(agencies.active, true)));
  return row;
}

/** An agency's slug and provider, when its people may not sign in with a password. */
export async function getPasswordSignInRefusal(db: Database, agencyId: number) {
  const [row] = await db
    .select({ agencySlug: agencies.slug, providerName: agencyOidc.displayName })
    .from(agencyOidc)
    .innerJoin(agencies, eq(agencies.id, agencyOidc.agencyId))
    .where(and(eq(agencyOidc.agencyId, agencyId), eq(agencyOidc.passwordSignIn, false)));
  return row;
}

export type OidcSettingsInput = Omit<AgencyOidcRow, "updatedAt" | "updatedBy"> & {
  actorId: number;
  now: number;
  /** what changed, for the audit row (never the secret itself) */
  detail: Record<string, unknown>;
};

/** Writes the provider and its audit row in one batch. */
export async function saveAgencyOidc(db: Database, input: OidcSettingsInput) {
  const { actorId, now, detail, ...row } = input;
  const values = { ...row, updatedAt: now, updatedBy: actorId };
  const { agencyId: _, ...changes } = values;
  await db.batch([
    db.insert(agencyOidc).values(values).onConflictDoUpdate({ target: agencyOidc.agencyId, set: changes }),
    recordAudit(db, {
      agencyId: row.agencyId,
      actorId,
      action: "agency.oidc_update",
      subjectType: "agency",
      subjectId: row.agencyId,
      detail,
      at: now,
    }),
  ]);
}

export type OidcStateInput = typeof oidcStates.$inferInsert;

/** A started sign-in; expired ones of any agency are swept in the same batch. */
export async function startOidcSignIn(db: Database, state: OidcStateInput) {
  await db.batch([
    db.delete(oidcStates).where(lt(oidcStates.expiresAt, state.createdAt)),
    db.insert(oidcStates).values(state),
  ]);
}

/**
 * Takes a started sign-in by its state: read and deleted in one transaction, so a state answers
 * once; an expired one is deleted too but not returned.
 */
export async function takeOidcState(db: Database, stateHash: string, now: number) {
  const byHash = eq(oidcStates.stateHash, stateHash);
  const [[row], deleted] = await db.batch([
    db.select().from(oidcStates).where(byHash),
    db.delete(oidcStates).where(byHash),
  ]);
  return row && deleted.meta.changes === 1 && row.expiresAt > now ? row : undefined;
}

/** The active account with this NIP in this agency (an agency's provider speaks for its own people only). */
export async function getOidcAccount(db: Database, agencyId: number, nip: string) {
  const [row] = await db
    .select({ id: users.id, active: sql<boolean>`(${users.active} AND ${agencies.active})`.mapWith(Boolean) })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(users.agencyId, agencyId), eq(users.nip, nip)));
  return row;
}
