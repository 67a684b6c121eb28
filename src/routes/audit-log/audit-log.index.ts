import { createRouter } from "../../lib/create-router";
import * as handlers from "./audit-log.handlers";
import * as routes from "./audit-log.routes";

export const auditLogRoutes = createRouter().openapi(routes.listAuditLog, handlers.listAuditLog);
