import { z } from "@hono/zod-openapi";
import { ADMIN_LIMITS } from "../../domain/limits";
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
  libraryShared: z.boolean().openapi({ description: "Implemented ideas enter the library shared between agencies" }),
  signer: SignerSchema.nullable().openapi({ description: "null: the leader who announces an award signs" }),
  signingPlace: z.string().openapi({ description: "Written before the date on certificates", example: "Binjai" }),
}).openapi("AgencySettings");

export const AgencySettingsBody = z
  .object({
    name: z.string().trim().min(1).max(ADMIN_LIMITS.agencyName).optional(),
    hallOfFamePublic: z.boolean().optional(),
    libraryPublic: z.boolean().optional(),
    libraryShared: z.boolean().optional(),
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
    .max(ADMIN_LIMITS.agencySlug)
    .openapi({ param: { name: "agencySlug", in: "path" }, example: "binjai" }),
});

export const EmblemQuery = z.object({
  v: z.string().max(64).optional().openapi({ description: "The emblem's version (cache busting); any value" }),
});

/** Limits of an agency's synonym list: enough for its abbreviations, small enough to read per query. */
export const SYNONYM_LIMITS = { groups: 200, terms: 10, termLength: 80 } as const;

const SynonymTerm = z
  .string()
  .trim()
  .min(1)
  .max(SYNONYM_LIMITS.termLength)
  .regex(/[\p{L}\p{N}]/u, "A term needs a letter or a digit")
  .openapi({ example: "Disdukcapil" });

export const SynonymGroupSchema = z
  .object({
    id: z.number().int(),
    terms: z.array(z.string()).openapi({ example: ["Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil"] }),
  })
  .openapi("SearchSynonymGroup");

export const SynonymListSchema = z.object({ items: z.array(SynonymGroupSchema) }).openapi("SearchSynonymList");

export const SynonymListBody = z
  .object({
    groups: z
      .array(z.array(SynonymTerm).min(2).max(SYNONYM_LIMITS.terms))
      .max(SYNONYM_LIMITS.groups)
      .openapi({
        description: "Each group: two or more words or phrases a search treats as the same",
        example: [
          ["Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil"],
          ["Puskesmas", "Pusat Kesehatan Masyarakat"],
        ],
      }),
  })
  .strict()
  .openapi("SearchSynonymListUpdate", { description: "The whole list: it replaces the previous one" });
