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

/** Votes per idea and voter's unit as CSV (leaders and admins), of one campaign or all; never who voted. */
export function votesCsvPath(campaignId?: number | null): string {
  const csv = api.api.v1.exports["votes.csv"];
  return campaignId ? csv.$path({ query: { campaignId: String(campaignId) } }) : csv.$path();
}

/** The agency's awards and recipients with their certificate codes as CSV (leaders and admins). */
export const awardsCsvPath = (): string => api.api.v1.exports["awards.csv"].$path();

/** The agency's point ledger as CSV (agency admins). */
export const ledgerCsvPath = (): string => api.api.v1.exports["ledger.csv"].$path();

/** An idea's innovation dossier: an HTML page laid out along the KIPP proposal, to print or save as PDF. */
export const dossierPath = (ideaId: number): string =>
  api.api.v1.ideas[":id"].dossier.$path({ param: { id: String(ideaId) } });

/** An agency's complete backup as one JSON file (platform admins; docs/OPERATIONS.md). */
export const agencyBackupPath = (agencyId: number): string =>
  api.api.v1.agencies[":id"].backup.$path({ param: { id: String(agencyId) } });
