import { z } from "@hono/zod-openapi";
import { idText } from "../../lib/openapi";
import { NextCursor, PageQuery } from "../../lib/cursor";

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    action: z.string().openapi({ example: "user.update" }),
    subjectType: z.string().openapi({ example: "user" }),
    subjectId: z.number().int().nullable(),
    actor: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    detail: z.record(z.string(), z.unknown()).openapi({ description: "What changed; never a password" }),
    at: z.number().int(),
  })
  .openapi("AuditEntry");

export const AuditPageSchema = z
  .object({ items: z.array(AuditEntrySchema), nextCursor: NextCursor })
  .openapi("AuditPage");

export const AuditQuery = PageQuery.extend({
  action: z
    .string()
    .regex(/^[a-z_]+\.[a-z_]+$/)
    .optional()
    .openapi({ example: "user.deactivate" }),
  subjectType: z.enum(["agency", "unit", "user"]).optional(),
  subjectId: idText().optional().openapi({ description: "With `subjectType`" }),
});
