import { listAuditLog as readAuditLog } from "../../db/queries/audit.queries";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, pageOf } from "../../lib/cursor";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./audit-log.routes";

type AuditRow = Awaited<ReturnType<typeof readAuditLog>>[number];

export function toAuditEntry(row: AuditRow) {
  return {
    id: row.id,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    actor: row.actorId !== null ? { id: row.actorId, name: row.actorName ?? "" } : null,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    at: row.at,
  };
}

export const listAuditLog: AppRouteHandler<typeof routes.listAuditLog> = async (c) => {
  const actor = actorOf(c);
  const { cursor, limit, action, subjectType, subjectId } = c.req.valid("query");
  const rows = await readAuditLog(c.var.db, {
    agencyId: actor.agencyId,
    limit,
    ...(cursor ? { after: decodeCursor(cursor, ["number", "number"] as const) } : {}),
    ...(action ? { action } : {}),
    ...(subjectType ? { subject: { type: subjectType, ...(subjectId !== undefined ? { id: subjectId } : {}) } } : {}),
  });
  const page = pageOf(rows, limit, (r) => [r.at, r.id]);
  return c.json({ items: page.items.map(toAuditEntry), nextCursor: page.nextCursor }, 200);
};
