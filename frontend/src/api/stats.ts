import { api, signalled } from "./client";
import { readJson } from "./read-json";

/**
 * The dashboard of the agency, or of one campaign: participation, funnel, ideas per month,
 * category and unit, time to a decision, top replicated innovations (leaders and admins).
 * @throws ApiProblem 403, 404 (unknown campaign)
 */
export async function getDashboard(campaignId?: number, signal?: AbortSignal) {
  return readJson(
    await api.api.v1.stats.dashboard.$get(
      { query: campaignId ? { campaignId: String(campaignId) } : {} },
      signalled(signal),
    ),
  );
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
export type Funnel = Dashboard["funnel"];
export type UnitParticipation = Dashboard["participation"]["byUnit"][number];
