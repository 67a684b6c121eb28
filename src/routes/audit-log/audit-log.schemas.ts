import { z } from "@hono/zod-openapi";
import { AUDIT_ACTIONS, AUDIT_SUBJECTS } from "../../domain/audit-actions";
import { idText } from "../../lib/openapi";
import { NextCursor, PageQuery } from "../../lib/cursor";

const Bilingual = z.object({ id: z.string(), en: z.string() });

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    action: z.string().openapi({ example: "user.update" }),
    label: Bilingual.openapi({ description: "What the action was, in words" }),
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

export const AuditActionsSchema = z
  .object({ items: z.array(z.object({ key: z.enum(AUDIT_ACTIONS), label: Bilingual })) })
  .openapi("AuditActions");

const day = z.iso.date().openapi({ description: "A day on the agency's clock, inclusive", example: "2026-03-01" });

/** What the audit page and its CSV filter by. */
export const AuditFilterQuery = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().openapi({ example: "user.deactivate" }),
  subjectType: z.enum(AUDIT_SUBJECTS).optional(),
  subjectId: idText().optional().openapi({ description: "With `subjectType`" }),
  actorId: idText().optional().openapi({ description: "Who acted (a person of the agency)" }),
  from: day.optional(),
  to: day.optional(),
});

const notInverted = (q: { from?: string | undefined; to?: string | undefined }) =>
  q.from === undefined || q.to === undefined || q.from <= q.to;
const inverted = { message: "`from` must not come after `to`", path: ["to"], params: { code: "period.inverted" } };

export const AuditQuery = PageQuery.extend(AuditFilterQuery.shape).refine(notInverted, inverted);

export const AuditExportQuery = AuditFilterQuery.extend({
  separator: z
    .enum(["comma", "semicolon"])
    .default("comma")
    .openapi({ description: "`semicolon` opens in Excel set to Indonesian" }),
}).refine(notInverted, inverted);
