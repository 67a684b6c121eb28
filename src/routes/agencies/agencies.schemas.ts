import { z } from "@hono/zod-openapi";
import { ADMIN_LIMITS } from "../../domain/limits";
import { NextCursor, PageQuery } from "../../lib/cursor";
import { EmailField, NameField, NipField, PositionField, TemporaryPassword } from "../users/users.schemas";
import { UnitCodeField, UnitNameField } from "../units/units.schemas";
import { AgencyIdentity, TimeZoneField } from "../agency/agency.schemas";
import { DEFAULT_TIME_ZONE } from "../../domain/time-zone";

export const AgencySchema = AgencyIdentity.extend({
  active: z.boolean(),
  deactivatedAt: z.number().int().nullable(),
  people: z.number().int().openapi({ description: "Active accounts" }),
  createdAt: z.number().int(),
}).openapi("Agency");

export const AgencyPageSchema = z
  .object({ items: z.array(AgencySchema), nextCursor: NextCursor })
  .openapi("AgencyPage");

export const AgencyListQuery = PageQuery;

export const CreateAgencyBody = z
  .object({
    name: z.string().trim().min(1).max(ADMIN_LIMITS.agencyName).openapi({ example: "Pemerintah Kota Binjai" }),
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "Lower-case letters, digits and dashes, at most 40")
      .openapi({ example: "binjai" }),
    region: z.string().trim().min(1).max(100).openapi({ description: "Province", example: "Sumatera Utara" }),
    timeZone: TimeZoneField.default(DEFAULT_TIME_ZONE).openapi({
      description: "Every date, deadline, period and 'today' of the agency follows it; chosen once, here",
    }),
    rootUnit: z
      .object({ code: UnitCodeField, name: UnitNameField })
      .optional()
      .openapi({ description: "The first unit, where the first admin sits; default `INDUK` named after the agency" }),
    admin: z
      .object({ nip: NipField, name: NameField, email: EmailField, position: PositionField.default("") })
      .openapi({ description: "The agency's first admin" }),
  })
  .strict()
  .openapi("CreateAgencyBody");

export const AgencyStateBody = z
  .object({
    active: z.boolean().openapi({
      description:
        "false: its people can no longer sign in (their sessions end) and its public pages are gone; true: it is back",
    }),
  })
  .strict()
  .openapi("AgencyStateUpdate");

export const CreatedAgencySchema = z
  .object({
    agency: AgencySchema,
    rootUnit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    admin: z.object({ id: z.number().int(), nip: z.string(), name: z.string(), email: z.string() }),
    temporaryPassword: TemporaryPassword,
  })
  .openapi("CreatedAgency");
