import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { newestId } from "../alias";
import type { Criterion } from "../../domain/rubric";
import { runNamedBatch, type Database } from "../client";
import { auditLog, campaignMembers, campaigns, criteria } from "../schema";

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignValues = Omit<
  typeof campaigns.$inferInsert,
  "id" | "agencyId" | "createdAt" | "updatedAt" | "createdBy"
>;

/** The agency's campaigns, open ones (Kotak Ide) first, then newest. */
export function listCampaigns(db: Database, agencyId: number) {
  return db
    .select()
    .from(campaigns)
    .where(eq(campaigns.agencyId, agencyId))
    .orderBy(desc(sql`${campaigns.kind} = 'open'`), desc(campaigns.submissionStart), desc(campaigns.id))
    .limit(100);
}

export async function getCampaign(db: Database, agencyId: number, id: number): Promise<CampaignRow | undefined> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.agencyId, agencyId)));
  return row;
}

export function listCriteria(db: Database, campaignId: number) {
  return db.select().from(criteria).where(eq(criteria.campaignId, campaignId)).orderBy(asc(criteria.position));
}

/** The actor's seat on a campaign's committee, if any. */
export async function getCommitteeRole(db: Database, campaignId: number, userId: number) {
  const [row] = await db
    .select({ role: campaignMembers.role })
    .from(campaignMembers)
    .where(and(eq(campaignMembers.campaignId, campaignId), eq(campaignMembers.userId, userId)));
  return row?.role ?? null;
}

const criteriaRows = (campaignId: number | SQL<number>, rubric: readonly Criterion[]) =>
  rubric.map((c, position) => ({ ...c, campaignId, position }));

/** A campaign and its rubric, with the audit row, in one batch. @returns the new campaign's id */
export async function createCampaign(
  db: Database,
  input: { agencyId: number; actorId: number; values: CampaignValues; rubric: readonly Criterion[]; now: number },
): Promise<number> {
  const { agencyId, actorId, values, rubric, now } = input;
  const id = newestId(campaigns);
  const { created } = await runNamedBatch(db, {
    campaign: db.insert(campaigns).values({ ...values, agencyId, createdBy: actorId, createdAt: now, updatedAt: now }),
    rubric: db.insert(criteria).values(criteriaRows(id, rubric)),
    audit: db.insert(auditLog).values({
      agencyId,
      actorId,
      action: "campaign.create",
      subjectType: "campaign",
      subjectId: id,
      detail: JSON.stringify({ title: values.title }),
      at: now,
    }),
    created: db.select({ id }).from(campaigns).limit(1),
  });
  return created[0]!.id;
}

export async function updateCampaign(
  db: Database,
  input: {
    agencyId: number;
    actorId: number;
    id: number;
    values: Partial<CampaignValues>;
    rubric?: readonly Criterion[];
    now: number;
  },
) {
  const { agencyId, actorId, id, values, rubric, now } = input;
  await db.batch([
    db
      .update(campaigns)
      .set({ ...values, updatedAt: now })
      .where(and(eq(campaigns.id, id), eq(campaigns.agencyId, agencyId))),
    ...(rubric
      ? [db.delete(criteria).where(eq(criteria.campaignId, id)), db.insert(criteria).values(criteriaRows(id, rubric))]
      : []),
    db.insert(auditLog).values({
      agencyId,
      actorId,
      action: "campaign.update",
      subjectType: "campaign",
      subjectId: id,
      detail: JSON.stringify({
        fields: Object.keys(values),
        rubric: rubric ? rubric.map((c) => `${c.key}:${c.weight}`) : undefined,
      }),
      at: now,
    }),
  ]);
}
