/**
 * The ids an idea refers to (campaign, unit, co-authors, the original it replicates) must exist,
 * belong where they should and be usable; each bad one is a 422 entry on its own field.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { agencies, campaigns, ideas, units, users } from "../../db/schema";
import { parseAgencySettings } from "../../domain/agency-settings";
import type { Actor } from "../../env";
import { validationError, type FieldError } from "../../lib/problem";

type References = {
  campaignId?: number | undefined;
  category?: string | undefined;
  unitId?: number | undefined;
  coauthorIds?: number[] | undefined;
  replicatesId?: number | null | undefined;
};

/** @returns the campaign the idea belongs to (the agency's Kotak Ide when none is named) */
export async function checkReferences(db: Database, actor: Actor, refs: References, current?: { campaignId: number }) {
  const errors: FieldError[] = [];
  const campaignId = refs.campaignId ?? current?.campaignId;
  const [campaign] = await db
    .select({ id: campaigns.id, categories: campaigns.categories })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.agencyId, actor.agencyId),
        campaignId === undefined ? eq(campaigns.kind, "open") : eq(campaigns.id, campaignId),
      ),
    )
    .limit(1);
  if (!campaign) {
    errors.push({ path: "json.campaignId", code: "idea.campaign_unknown", message: "No such campaign in your agency" });
  } else if (refs.category) {
    const categories = JSON.parse(campaign.categories) as string[];
    if (categories.length > 0 && !categories.includes(refs.category)) {
      errors.push({
        path: "json.category",
        code: "idea.category_unknown",
        message: `Choose one of: ${categories.join(", ")}`,
      });
    }
  }
  if (refs.unitId !== undefined) {
    const [unit] = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, refs.unitId), eq(units.agencyId, actor.agencyId), eq(units.active, true)));
    if (!unit)
      errors.push({ path: "json.unitId", code: "idea.unit_unknown", message: "No such active unit in your agency" });
  }
  const coauthorIds = refs.coauthorIds ?? [];
  if (coauthorIds.length > 0) {
    const found = await db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, coauthorIds), eq(users.agencyId, actor.agencyId), eq(users.active, true)));
    const known = new Set(found.map((u) => u.id));
    coauthorIds.forEach((id, i) => {
      if (id === actor.userId)
        errors.push({
          path: `json.coauthorIds.${i}`,
          code: "idea.coauthor_self",
          message: "You are already the author",
        });
      else if (!known.has(id))
        errors.push({
          path: `json.coauthorIds.${i}`,
          code: "idea.coauthor_unknown",
          message: "No such colleague in your agency",
        });
      else if (coauthorIds.indexOf(id) !== i)
        errors.push({ path: `json.coauthorIds.${i}`, code: "idea.coauthor_duplicate", message: "Listed twice" });
    });
  }
  if (refs.replicatesId) {
    const [original] = await db
      .select({ agencyId: ideas.agencyId, status: ideas.status, settings: agencies.settings })
      .from(ideas)
      .innerJoin(agencies, eq(agencies.id, ideas.agencyId))
      .where(eq(ideas.id, refs.replicatesId));
    // an agency that keeps its innovations out of the shared library cannot be replicated from it
    if (
      !original ||
      original.status !== "implemented" ||
      original.agencyId === actor.agencyId ||
      !parseAgencySettings(original.settings).libraryShared
    ) {
      errors.push({
        path: "json.replicatesId",
        code: "idea.replicates_invalid",
        message: "Only an implemented idea of another agency can be replicated",
      });
    }
  }
  if (errors.length > 0 || !campaign) throw validationError(errors);
  return campaign;
}
