import { z } from "@hono/zod-openapi";
import { IDEA_STATUSES } from "../../domain/idea-status";
import { idParam } from "../../lib/openapi";
import { TimeZoneField } from "../agency/agency.schemas";

const Day = z.string().openapi({ example: "2026-11-23", description: "A day in the agency's time zone" });

const CareerIdea = z.object({
  id: z.number().int(),
  title: z.string(),
  role: z.enum(["author", "coauthor"]),
  roleLabel: z.string(),
  status: z.enum(IDEA_STATUSES),
  outcome: z.string(),
  campaign: z.string(),
  submittedOn: Day.nullable(),
  replicates: z.object({ title: z.string(), agency: z.string() }).nullable(),
  replicatedBy: z.number().int(),
});

const CareerYear = z.object({
  year: z.number().int(),
  ideas: z.array(CareerIdea),
  implementations: z.array(
    z.object({
      ideaId: z.number().int(),
      title: z.string(),
      role: z.enum(["author", "coauthor"]),
      implementedOn: Day,
      summary: z.string(),
      results: z.string().nullable(),
      updates: z.number().int(),
    }),
  ),
  reviews: z.array(z.object({ campaign: z.string(), count: z.number().int() })).openapi({
    description: "Reviews submitted, counted per campaign; never a score",
  }),
  awards: z.array(z.object({ title: z.string(), periodLabel: z.string(), announcedOn: Day, code: z.string() })),
  badges: z.array(z.object({ key: z.string(), name: z.string(), earnedOn: Day })),
});

const Totals = z.object({
  ideas: z.number().int(),
  authored: z.number().int(),
  coauthored: z.number().int(),
  implemented: z.number().int(),
  reviews: z.number().int(),
  awards: z.number().int(),
  badges: z.number().int(),
});

export const CareerRecordSchema = z
  .object({
    person: z.object({ name: z.string(), nip: z.string(), position: z.string(), unit: z.string(), agency: z.string() }),
    asOf: Day,
    timeZone: TimeZoneField,
    level: z.object({ key: z.string(), name: z.string(), points: z.number().int() }),
    totals: Totals,
    years: z.array(CareerYear),
  })
  .openapi("CareerRecord");

/** The public share page's record: the same without the NIP. */
export const SharedRecordSchema = CareerRecordSchema.extend({
  person: z.object({ name: z.string(), position: z.string(), unit: z.string(), agency: z.string() }),
}).openapi("SharedCareerRecord");

export const IssuedRecordSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    issuedAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi("IssuedCareerRecord");

export const MyCareerSchema = z
  .object({
    record: CareerRecordSchema,
    share: z.object({
      enabled: z.boolean(),
      code: z.string().nullable().openapi({ description: "The share page's code while sharing is on" }),
    }),
    issued: z.array(IssuedRecordSchema).openapi({ description: "The records issued, newest first (at most 50)" }),
  })
  .openapi("MyCareer");

export const ShareBody = z.object({ enabled: z.boolean() }).strict().openapi("CareerShareUpdate");

export const ShareSchema = z.object({ enabled: z.boolean(), code: z.string().nullable() }).openapi("CareerShare");

export const RecordParams = z.object({ id: idParam("id") });

export const CodeParams = z.object({
  code: z
    .string()
    .max(120)
    .openapi({ param: { name: "code", in: "path" }, example: "GGR-7K3M-Q9TX-4HNP-2WRZ-8CVD-5FJB-6YAE" }),
});

export const RecordVerificationSchema = z
  .object({
    valid: z.boolean().openapi({ description: "false when its person revoked it" }),
    revokedAt: z.string().nullable(),
    code: z.string(),
    issuedAt: z.string(),
    asOf: Day,
    timeZone: TimeZoneField,
    person: z.object({ name: z.string(), position: z.string(), unit: z.string(), agency: z.string() }),
    level: z.object({ name: z.string(), points: z.number().int() }),
    totals: Totals,
    years: z.array(z.number().int()).openapi({ description: "The years the record covers, newest first" }),
  })
  .openapi("CareerRecordVerification");
