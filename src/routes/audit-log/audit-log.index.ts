import { createRouter } from "../../lib/create-router";
import * as handlers from "./audit-log.handlers";
import * as routes from "./audit-log.routes";

// `/audit-log/actions` and `/audit-log.csv` are fixed paths; nothing of `/audit-log` takes a parameter
export const auditLogRoutes = createRouter()
  .openapi(routes.listAuditLog, handlers.listAuditLog)
  .openapi(routes.listAuditActions, handlers.listAuditActions)
  .openapi(routes.auditLogCsv, handlers.auditLogCsv);
