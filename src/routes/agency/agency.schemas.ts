import { z } from "@hono/zod-openapi";
import { SETTINGS_LIMITS } from "../../domain/agency-settings";
import { EMBLEM_MAX_BYTES } from "../../domain/emblem";
import { TIME_ZONE_IDS } from "../../domain/time-zone";
import { NameField, NipField } from "../users/users.schemas";

export const TimeZoneField = z.enum(TIME_ZONE_IDS).openapi({
  description: "Asia/Jakarta (WIB, UTC+7), Asia/Makassar (WITA, UTC+8) or Asia/Jayapura (WIT, UTC+9)",
  example: "Asia/Makassar",
});

const SignerSchema = z
  .object({
    name: z.string(),
    position: z.string(),
    nip: z.string().nullable(),
  })
  .openapi("CertificateSigner");

/** What names an agency and its clock, in the platform's list and in its own settings. */
export const AgencyIdentity = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  region: z.string(),
  timeZone: TimeZoneField,
});

export const AgencySettingsSchema = AgencyIdentity.extend({
  emblemUrl: z
    .string()
    .nullable()
    .openapi({ description: "The emblem (PNG or JPEG) at a public address that changes with it; null: none" }),
  hallOfFamePublic: z.boolean(),
  libraryPublic: z.boolean(),
  signer: SignerSchema.nullable().openapi({ description: "null: the leader who announces an award signs" }),
  signingPlace: z.string().openapi({ description: "Written before the date on certificates", example: "Binjai" }),
}).openapi("AgencySettings");

export const AgencySettingsBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    hallOfFamePublic: z.boolean().optional(),
    libraryPublic: z.boolean().optional(),
    signer: z
      .object({
        name: NameField.max(SETTINGS_LIMITS.signerName),
        position: z.string().trim().min(1).max(SETTINGS_LIMITS.signerPosition),
        nip: NipField.nullable().default(null),
      })
      .strict()
      .nullable()
      .optional()
      .openapi({ description: "null: the announcing leader signs" }),
    signingPlace: z.string().trim().max(SETTINGS_LIMITS.signingPlace).optional(),
  })
  .strict()
  .openapi("AgencySettingsUpdate", { description: "Only the fields given change" });

export const EmblemForm = z
  .object({
    file: z
      .custom<File>((v) => v instanceof File, { message: "Attach the image as the form field `file`" })
      .openapi({
        type: "string",
        format: "binary",
        description: `PNG or JPEG, recognised by content; at most ${EMBLEM_MAX_BYTES / 1024} KB`,
      }),
  })
  .strict()
  .openapi("EmblemUpload");

export const AgencySlugParams = z.object({
  agencySlug: z
    .string()
    .max(40)
    .openapi({ param: { name: "agencySlug", in: "path" }, example: "binjai" }),
});

export const EmblemQuery = z.object({
  v: z.string().max(64).optional().openapi({ description: "The emblem's version (cache busting); any value" }),
});
