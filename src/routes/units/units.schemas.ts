import { z } from "@hono/zod-openapi";
import { ADMIN_LIMITS } from "../../domain/limits";

export const UnitCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    new RegExp(`^[A-Z0-9][A-Z0-9._-]{0,${ADMIN_LIMITS.unitCode - 1}}$`),
    `Letters, digits, dot, dash or underscore; at most ${ADMIN_LIMITS.unitCode}`,
  )
  .openapi({
    description: "Unique in the agency; stored upper-case. The CSV import names units by it.",
    example: "DINKES",
  });

export const UnitNameField = z
  .string()
  .trim()
  .min(1)
  .max(ADMIN_LIMITS.unitName)
  .openapi({ example: "Dinas Kesehatan" });

const ParentField = z
  .number()
  .int()
  .positive()
  .nullable()
  .openapi({ description: "The unit above; null for a top-level unit (an OPD)" });

export const UnitSchema = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    code: z.string(),
    name: z.string(),
    active: z.boolean(),
    depth: z.number().int().openapi({ description: "0 for a top-level unit" }),
  })
  .openapi("Unit");

export const UnitListSchema = z
  .object({
    items: z.array(UnitSchema).openapi({ description: "The whole tree, depth-first, siblings by name" }),
  })
  .openapi("UnitList");

export const CreateUnitBody = z
  .object({ code: UnitCodeField, name: UnitNameField, parentId: ParentField.default(null) })
  .strict()
  .openapi("CreateUnitBody");

export const UpdateUnitBody = z
  .object({
    code: UnitCodeField,
    name: UnitNameField,
    parentId: ParentField,
    active: z.boolean().openapi({ description: "false deactivates; refused while active members or sub-units remain" }),
  })
  .partial()
  .strict()
  .openapi("UpdateUnitBody");
