import { createRoute, z } from "@hono/zod-openapi";
import { json, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import { AuditActionsSchema, AuditExportQuery, AuditPageSchema, AuditQuery } from "./audit-log.schemas";

const tags = ["audit"];
const middleware = [guard("audit.read")];

export const listAuditLog = createRoute({
  method: "get",
  path: "/audit-log",
  tags,
  summary: "What admins did in my agency, newest first (admin)",
  description:
    "Filters: `action`, `subjectType` (+ `subjectId`), `actorId` (who acted), `from`/`to` (days on the agency's clock, inclusive; `from` after `to` is 422 `period.inverted`).",
  middleware,
  request: { query: AuditQuery },
  responses: { 200: json(AuditPageSchema, "A page of audit entries"), ...problems(400, 401, 403, 422) },
});

export const listAuditActions = createRoute({
  method: "get",
  path: "/audit-log/actions",
  tags,
  summary: "Every action the audit log records, in both languages (admin)",
  middleware,
  responses: { 200: json(AuditActionsSchema, "The catalogue of actions"), ...problems(401, 403) },
});

export const auditLogCsv = createRoute({
  method: "get",
  path: "/audit-log.csv",
  tags,
  summary: "The audit log as CSV, with the page's filters (admin)",
  description:
    'UTF-8 with a BOM, CRLF, RFC 4180 quoting, headers in Bahasa Indonesia, times as `YYYY-MM-DD HH:mm` on the agency\'s clock; `separator=semicolon` for Excel set to Indonesian. `Content-Disposition: attachment; filename="log-audit-<agency-slug>-<YYYY-MM-DD>.csv"`. More than 50,000 rows answer 413 `export.too_large`: narrow the period.',
  middleware,
  request: { query: AuditExportQuery },
  responses: {
    200: { description: "The audit log", content: { "text/csv": { schema: z.string() } } },
    ...problems(401, 403, 413, 422),
  },
});
