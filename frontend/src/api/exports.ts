import { api } from "./client";

/**
 * Where the agency's ideas download as CSV (leaders and admins): a plain link, since the browser
 * saves the file itself (`Content-Disposition: attachment`) with the session cookie.
 * @param campaignId only this campaign's ideas
 * @param separator `semicolon` for Excel set to Indonesian
 * @example ideasCsvPath(3, "semicolon") // "/api/v1/exports/ideas.csv?campaignId=3&separator=semicolon"
 */
export function ideasCsvPath(campaignId?: number | null, separator: "comma" | "semicolon" = "comma"): string {
  const csv = api.api.v1.exports["ideas.csv"];
  return csv.$path({
    query: {
      ...(campaignId ? { campaignId: String(campaignId) } : {}),
      ...(separator === "semicolon" ? { separator } : {}),
    },
  });
}
