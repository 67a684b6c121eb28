import { createRoute, z } from "@hono/zod-openapi";
import { IdParams, json, problems } from "../../lib/openapi";

export const BackupSchema = z
  .object({
    format: z.literal("gagas-agency-backup"),
    version: z.number().int(),
    exportedAt: z.string(),
    agency: z.object({ id: z.number().int(), slug: z.string(), name: z.string() }),
    tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
    nullified: z.record(z.string(), z.number().int()),
  })
  .openapi("AgencyBackup");

export const backup = createRoute({
  method: "get",
  path: "/agencies/{id}/backup",
  tags: ["agencies"],
  summary: "An agency's complete data as one JSON file (platform admin)",
  description:
    "Every table's rows of the agency, ids included. Restore it into an empty database with `scripts/restore.ts` (see docs/OPERATIONS.md). Attachments live in R2 and are copied separately.",
  request: { params: IdParams },
  responses: { 200: json(BackupSchema, "The backup document"), ...problems(401, 403, 404) },
});
