import { z } from "@hono/zod-openapi";
import { TimeZoneField } from "../agency/agency.schemas";
import { idParam, idText } from "../../lib/openapi";
import { AWARD_LIMITS } from "../../domain/awards";
import { NextCursor, PageQuery } from "../../lib/cursor";
import { AWARD_TEXT_LIMITS } from "../../domain/limits";

const id = z.number().int().positive();

export const AwardCreateBody = z
  .object({
    title: z
      .string()
      .trim()
      .min(AWARD_TEXT_LIMITS.title[0])
      .max(AWARD_TEXT_LIMITS.title[1])
      .openapi({ example: "Inovator Terbaik KIPP 2026" }),
    citation: z
      .string()
      .trim()
      .min(AWARD_TEXT_LIMITS.citation[0])
      .max(AWARD_TEXT_LIMITS.citation[1])
      .openapi({ description: "Why: printed on the certificate, wrapped to at most five lines" }),
    periodLabel: z
      .string()
      .trim()
      .min(AWARD_TEXT_LIMITS.periodLabel[0])
      .max(AWARD_TEXT_LIMITS.periodLabel[1])
      .openapi({ example: "2026" }),
    recipients: z
      .object({
        userIds: z.array(id).max(AWARD_LIMITS.people).default([]),
        unitIds: z.array(id).max(AWARD_LIMITS.units).default([]),
        ideaTeamOf: id.optional().openapi({ description: "Name the accepted authors of this idea (and link it)" }),
      })
      .strict()
      .openapi({ description: "At least one person, a team or a unit; people and units of your agency" }),
    ideaIds: z.array(id).max(AWARD_LIMITS.ideas).default([]),
    bonusPoints: z
      .number()
      .int()
      .min(0)
      .max(AWARD_LIMITS.bonusPoints)
      .openapi({ description: "Paid once to each person recipient (units earn no points)" }),
  })
  .strict()
  .openapi("AwardCreate");

export const AwardParams = z.object({ id: idParam("id") });

export const CertificateParams = AwardParams.extend({
  recipientId: z
    .string()
    // the route's pattern hands over `<id>.pdf`; the id itself follows the one rule of every id
    .transform((value) => value.replace(/\.pdf$/, ""))
    .pipe(idText())
    .openapi({
      param: { name: "recipientId", in: "path" },
      type: "integer",
      example: 1,
      description: "The recipient's id (`recipients[].id`)",
    }),
});

export const AwardListQuery = PageQuery;

export const SlugParams = z.object({
  agencySlug: z
    .string()
    .max(80)
    .openapi({ param: { name: "agencySlug", in: "path" }, example: "binjai" }),
});

export const CodeParams = z.object({
  // any text: what cannot be a code is simply not found (404), like an unknown one
  code: z.string().openapi({ param: { name: "code", in: "path" }, example: "GGS-7K3M-Q9TX-4HNP-2WRZ-8CVD-5FJB-6YAE" }),
});

const Recipient = z
  .object({
    id: z.number().int().openapi({ description: "The recipient's id, for the certificate's address" }),
    kind: z.enum(["person", "unit"]),
    user: z.object({ id: z.number().int(), name: z.string(), position: z.string() }).nullable(),
    unit: z.object({ id: z.number().int(), name: z.string() }).openapi({
      description: "The unit named, or the person's unit",
    }),
    certificateCode: z.string().nullable().openapi({
      description: "Only for whoever may download the certificate: the recipient, leaders and admins",
    }),
    canDownloadCertificate: z.boolean(),
  })
  .openapi("AwardRecipient");

export const AwardSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    citation: z.string(),
    periodLabel: z.string(),
    bonusPoints: z.number().int(),
    announcedAt: z.string(),
    announcedBy: z.object({ id: z.number().int(), name: z.string(), position: z.string() }),
    recipients: z.array(Recipient),
    ideas: z.array(z.object({ id: z.number().int(), title: z.string() })),
    revoked: z
      .object({
        at: z.string(),
        by: z.object({ id: z.number().int(), name: z.string() }),
        reason: z.string(),
      })
      .nullable()
      .openapi({ description: "null while the award is in force" }),
  })
  .openapi("Award");

export const AwardRevokeBody = z
  .object({
    reason: z
      .string()
      .trim()
      .min(AWARD_TEXT_LIMITS.revokeReason[0])
      .max(AWARD_TEXT_LIMITS.revokeReason[1])
      .openapi({ description: "Why: told to the recipients and kept in the audit log" }),
  })
  .strict()
  .openapi("AwardRevoke");

export const AwardListSchema = z.object({ items: z.array(AwardSchema), nextCursor: NextCursor }).openapi("AwardList");

export const HallOfFameSchema = z
  .object({
    agency: z.object({ name: z.string(), region: z.string(), timeZone: TimeZoneField }),
    items: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        citation: z.string(),
        periodLabel: z.string(),
        announcedAt: z.string(),
        announcedBy: z.object({ name: z.string(), position: z.string() }),
        recipients: z.array(
          z.object({
            kind: z.enum(["person", "unit"]),
            name: z.string(),
            position: z.string().nullable().openapi({ description: "A person's position (jabatan); null for a unit" }),
            unitName: z.string(),
          }),
        ),
        ideas: z.array(z.object({ title: z.string() })),
      }),
    ),
    nextCursor: NextCursor,
  })
  .openapi("HallOfFame");

export const VerificationSchema = z
  .object({
    valid: z.boolean().openapi({ description: "false when the award was revoked" }),
    revokedAt: z.string().nullable().openapi({ description: "When the award was revoked; null while it is in force" }),
    code: z.string(),
    award: z.object({ title: z.string(), periodLabel: z.string(), announcedAt: z.string() }),
    recipient: z.object({ name: z.string().openapi({ description: "The person's name, or the unit's" }) }),
    agency: z.object({ name: z.string(), timeZone: TimeZoneField }),
  })
  .openapi("CertificateVerification");
