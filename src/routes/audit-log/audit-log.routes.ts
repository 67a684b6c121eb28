import { createRoute } from "@hono/zod-openapi";
import { json, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import { AuditPageSchema, AuditQuery } from "./audit-log.schemas";

export const listAuditLog = createRoute({
  method: "get",
  path: "/audit-log",
  tags: ["audit"],
  summary: "What admins did in my agency, newest first (admin)",
  middleware: [guard("audit.read")],
  request: { query: AuditQuery },
  responses: { 200: json(AuditPageSchema, "A page of audit entries"), ...problems(400, 401, 403, 422) },
});
