import { z } from "@hono/zod-openapi";
import { AuditEntrySchema } from "../audit-log/audit-log.schemas";
import { MeSchema } from "../auth/auth.schemas";

export const ProfileSchema = MeSchema.extend({
  active: z.boolean(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  lastLoginAt: z.number().int().nullable(),
}).openapi("Profile");

/** The profile as the personal-data export holds it: what is stored about the person, not what they may do. */
export const ExportProfileSchema = ProfileSchema.omit({ can: true }).openapi("ExportProfile");

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
    profile: ExportProfileSchema,
    sessions: z
      .array(ExportSessionSchema)
      .openapi({ description: "Every sign-in session; tokens are never stored in clear and never exported" }),
    auditTrail: z.array(AuditEntrySchema).openapi({
      description: "What admins did to this account, newest first (of an import, only this account's part)",
    }),
    ideas: z
      .array(
        z.object({
          ideaId: z.number().int(),
          title: z.string(),
          status: z.string(),
          role: z.string(),
          invitedAt: z.number().int().nullable(),
          acceptedAt: z.number().int().nullable(),
          createdAt: z.number().int(),
        }),
      )
      .openapi({ description: "The ideas this person wrote, co-wrote or was invited to, with their role" }),
    votes: z.array(z.object({ ideaId: z.number().int(), createdAt: z.number().int() })),
    comments: z.array(
      z.object({
        id: z.number().int(),
        ideaId: z.number().int(),
        parentId: z.number().int().nullable(),
        body: z.string(),
        createdAt: z.number().int(),
        editedAt: z.number().int().nullable(),
        deletedAt: z.number().int().nullable(),
        hiddenAt: z.number().int().nullable(),
        hiddenReason: z.string().nullable(),
      }),
    ),
    reviews: z
      .array(
        z.object({
          id: z.number().int(),
          ideaId: z.number().int(),
          scores: z.record(z.string(), z.number()),
          score: z.number().nullable(),
          note: z.string().nullable(),
          recommendation: z.string().nullable(),
          state: z.string(),
          submittedAt: z.number().int().nullable(),
        }),
      )
      .openapi({ description: "Reviews this person wrote as a committee member, with their own scores and notes" }),
    points: z
      .array(
        z.object({
          points: z.number().int(),
          eventType: z.string(),
          ruleKey: z.string(),
          subjectType: z.string(),
          subjectId: z.number().int(),
          day: z.string(),
          at: z.number().int(),
        }),
      )
      .openapi({ description: "Every row of this person's point ledger, oldest first" }),
    badges: z.array(z.object({ badgeKey: z.string(), at: z.number().int() })),
    mutedNotifications: z.array(z.string()),
  })
  .openapi("PersonalDataExport");
