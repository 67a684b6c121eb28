import { z } from "@hono/zod-openapi";
import { idParam } from "../../lib/openapi";

export const UnitActivationSchema = z
  .object({
    unitId: z.number().int(),
    code: z.string(),
    name: z.string(),
    people: z.number().int().openapi({ description: "Active accounts in the unit" }),
    activated: z.number().int().openapi({ description: "Of them, those who have signed in at least once" }),
  })
  .openapi("UnitActivation");

export const ActivationOverviewSchema = z
  .object({ units: z.array(UnitActivationSchema) })
  .openapi("ActivationOverview");

export const PersonActivationSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    nip: z.string(),
    email: z.string(),
    activatedAt: z.number().int().nullable().openapi({ description: "First sign-in (epoch ms); null: not yet" }),
    lastIssuedAt: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Last activation link or slip issued (epoch ms)" }),
  })
  .openapi("PersonActivation");

export const UnitPeopleSchema = z.object({ people: z.array(PersonActivationSchema) }).openapi("UnitActivationPeople");

export const UnitParams = z.object({ id: idParam("id", 3) });

export const SendActivationBody = z
  .object({
    unitId: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: "Only this unit; omitted: the whole agency" }),
  })
  .strict()
  .openapi("SendActivationBody");

export const SendActivationSchema = z
  .object({ queued: z.number().int().openapi({ description: "Activation e-mails put in the outbox" }) })
  .openapi("SendActivationResult");

export const SheetBody = z.object({ unitId: z.number().int().positive() }).strict().openapi("ActivationSheetBody");
