import { api } from "./client";

/**
 * Where the agency's ideas download as CSV (leaders and admins): a plain link, since the browser
 * saves the file itself (`Content-Disposition: attachment`) with the session cookie.
 * @param campaignId only this campaign's ideas
 * @example ideasCsvPath(3) // "/api/v1/exports/ideas.csv?campaignId=3"
 */
export function ideasCsvPath(campaignId?: number | null): string {
  const csv = api.api.v1.exports["ideas.csv"];
  return campaignId ? csv.$path({ query: { campaignId: String(campaignId) } }) : csv.$path();
}
