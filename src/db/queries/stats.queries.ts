import { and, desc, eq, gt, ne } from "drizzle-orm";
import type { Database } from "../client";
import { campaigns, ideas, statsCounters, units } from "../schema";

/**
 * What one dashboard shows, in one round trip; every read is bounded by the number of units,
 * months and categories, never by the number of ideas or votes.
 */
export async function getDashboardInputs(db: Database, agencyId: number, campaignId: number) {
  const [counters, unitSizes, unitRows, topReplicated, campaign] = await db.batch([
    db
      .select({ metric: statsCounters.metric, bucket: statsCounters.bucket, value: statsCounters.value })
      .from(statsCounters)
      .where(
        and(
          eq(statsCounters.agencyId, agencyId),
          eq(statsCounters.campaignId, campaignId),
          ne(statsCounters.metric, "asn_unit"),
        ),
      ),
    db
      .select({ metric: statsCounters.metric, bucket: statsCounters.bucket, value: statsCounters.value })
      .from(statsCounters)
      .where(
        and(
          eq(statsCounters.agencyId, agencyId),
          eq(statsCounters.campaignId, 0),
          eq(statsCounters.metric, "asn_unit"),
        ),
      ),
    db.select({ id: units.id, name: units.name }).from(units).where(eq(units.agencyId, agencyId)),
    db
      .select({ id: ideas.id, title: ideas.title, replicationCount: ideas.replicationCount })
      .from(ideas)
      .where(and(eq(ideas.agencyId, agencyId), gt(ideas.replicationCount, 0)))
      .orderBy(desc(ideas.replicationCount), desc(ideas.id))
      .limit(5),
    db
      .select({ id: campaigns.id, title: campaigns.title })
      .from(campaigns)
      .where(and(eq(campaigns.agencyId, agencyId), eq(campaigns.id, campaignId))),
  ]);
  return { counters, unitSizes, units: unitRows, topReplicated, campaign: campaign[0] ?? null };
}
