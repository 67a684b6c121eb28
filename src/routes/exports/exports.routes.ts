import { createRoute, z } from "@hono/zod-openapi";
import { IdParams, problems } from "../../lib/openapi";
import { AwardsExportQuery, CampaignExportQuery, LedgerExportQuery } from "./exports.schemas";

const tags = ["exports"];

const csv = (description: string) => ({
  description: `${description}. UTF-8 with a BOM, CRLF, RFC 4180 quoting, headers in Bahasa Indonesia, times as \`YYYY-MM-DD HH:mm\` on the agency's clock (WIB, WITA or WIT); \`Content-Disposition: attachment; filename="<name>-<agency-slug>-<YYYY-MM-DD>.csv"\`.`,
  content: { "text/csv": { schema: z.string() } },
});

const TOO_LARGE = "More than 50,000 rows answer 413 `export.too_large`: narrow the export";

export const ideasCsv = createRoute({
  method: "get",
  path: "/exports/ideas.csv",
  tags,
  summary: "The agency's ideas as CSV, optionally of one campaign (leaders and admins)",
  description: `Listed ideas (not drafts, withdrawn or merged ones) in submission order. A vote count a campaign still hides is left empty, and so are the team, unit and votes of an idea the caller reviews blind. ${TOO_LARGE} with \`campaignId\`.`,
  request: { query: CampaignExportQuery },
  responses: { 200: csv("The ideas"), ...problems(401, 403, 404, 413, 422) },
});

export const votesCsv = createRoute({
  method: "get",
  path: "/exports/votes.csv",
  tags,
  summary: "Votes per idea and voter's unit as CSV (leaders and admins); never who voted",
  description: `One row per idea and unit the votes came from, with the idea's total. Ideas whose votes their campaign still hides, and ideas the caller reviews blind, are left out. ${TOO_LARGE} with \`campaignId\`.`,
  request: { query: CampaignExportQuery },
  responses: { 200: csv("Votes per idea and unit"), ...problems(401, 403, 404, 413, 422) },
});

export const ledgerCsv = createRoute({
  method: "get",
  path: "/exports/ledger.csv",
  tags,
  summary: "The agency's point ledger as CSV, optionally for a period (agency admins)",
  description: `Every ledger row (corrections are negative rows) with the person, the unit credited, points, cause, rule and time; the NIP column only for those who may read it (\`user.read_private\`). Votes are secret: the vote rows (rule \`vote_cast\`) follow the others folded per person, unit, day and rules version — the day for the time, \`<n> dukungan\` for the subject, never the idea. \`from\`/\`to\` are days on the agency's clock, inclusive; \`from\` after \`to\` is 422 \`period.inverted\`. ${TOO_LARGE} with a shorter period.`,
  request: { query: LedgerExportQuery },
  responses: { 200: csv("The ledger"), ...problems(401, 403, 413, 422) },
});

export const awardsCsv = createRoute({
  method: "get",
  path: "/exports/awards.csv",
  tags,
  summary: "The agency's awards and their recipients with certificate codes as CSV (leaders and admins)",
  description: `One row per recipient (a person or a unit), awards in announcement order. ${TOO_LARGE}.`,
  request: { query: AwardsExportQuery },
  responses: { 200: csv("Awards and recipients"), ...problems(401, 403, 413, 422) },
});

export const dossier = createRoute({
  method: "get",
  path: "/ideas/{id}/dossier",
  tags,
  summary: "An idea's innovation dossier: a printable page laid out along the KIPP proposal",
  description:
    "HTML for whoever may see the idea (drafts: their team only; a blind reviewer sees no team, unit or votes). Sections: ringkasan, permasalahan dan urgensi, kebaruan, langkah implementasi, hasil dan manfaat, dapat direplikasi, keberlanjutan, lampiran. Its stylesheet is `/dossier.css` (A4 print); print or save as PDF with the browser.",
  request: { params: IdParams },
  responses: {
    200: { description: "The dossier page", content: { "text/html": { schema: z.string() } } },
    ...problems(401, 404),
  },
});
