import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { agencies } from "../schema";

/** The caller's agency by primary key: the one indexed point read of the bench's baseline. */
export async function getBaselineAgency(db: Database, agencyId: number) {
  const [row] = await db
    .select({ id: agencies.id, slug: agencies.slug })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  return row;
}
