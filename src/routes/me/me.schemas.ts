import { z } from "@hono/zod-openapi";
import { AuditEntrySchema } from "../audit-log/audit-log.schemas";
import { MeSchema } from "../auth/auth.schemas";

export const ProfileSchema = MeSchema.extend({
  active: z.boolean(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  lastLoginAt: z.number().int().nullable(),
}).openapi("Profile");

export const ProfileResponseSchema = z.object({ profile: ProfileSchema }).openapi("ProfileResponse");

export const ExportSessionSchema = z
  .object({
    id: z.number().int(),
    createdAt: z.number().int(),
    lastSeenAt: z.number().int(),
    expiresAt: z.number().int(),
    revokedAt: z.number().int().nullable(),
    userAgent: z.string(),
    current: z.boolean(),
  })
  .openapi("ExportSession");

export const PersonalDataExportSchema = z
  .object({
    exportedAt: z.number().int(),
    profile: ProfileSchema,
    sessions: z
      .array(ExportSessionSchema)
      .openapi({ description: "Every sign-in session; tokens are never stored in clear and never exported" }),
    auditTrail: z.array(AuditEntrySchema).openapi({
      description: "What admins did to this account, newest first (of an import, only this account's part)",
    }),
  })
  .openapi("PersonalDataExport");
