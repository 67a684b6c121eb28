import { listAuditLog as readAuditLog, type AuditFilter } from "../../db/queries/audit.queries";
import { getExportScope } from "../../db/queries/exports.queries";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditActionLabel } from "../../domain/audit-actions";
import { dayStart, localDateTime, type TimeZone } from "../../domain/time-zone";
import type { Actor } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, pageOf } from "../../lib/cursor";
import type { CsvCell } from "../../lib/csv";
import { actorOf } from "../../middlewares/guard";
import { csvDownload, PAGE_ROWS, renderPages } from "../exports/csv-export";
import type * as routes from "./audit-log.routes";

type AuditRow = Awaited<ReturnType<typeof readAuditLog>>[number];

export function toAuditEntry(row: AuditRow) {
  return {
    id: row.id,
    action: row.action,
    label: auditActionLabel(row.action),
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    actor: row.actorId !== null ? { id: row.actorId, name: row.actorName ?? "" } : null,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    at: row.at,
  };
}

const DAY_MS = 86_400_000;

type FilterQuery = {
  action?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: number | undefined;
  actorId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** The query's filters for the actor's agency; its days are read on the agency's clock. */
function filterOf(actor: Actor, query: FilterQuery): AuditFilter {
  const zone: TimeZone = actor.timeZone;
  return {
    agencyId: actor.agencyId,
    action: query.action,
    subject: query.subjectType ? { type: query.subjectType, id: query.subjectId } : undefined,
    actorId: query.actorId,
    fromAt: query.from === undefined ? undefined : dayStart(query.from, zone),
    toAt: query.to === undefined ? undefined : dayStart(query.to, zone) + DAY_MS,
  };
}

export const listAuditLog: AppRouteHandler<typeof routes.listAuditLog> = async (c) => {
  const actor = actorOf(c);
  const { cursor, limit, ...query } = c.req.valid("query");
  const rows = await readAuditLog(c.var.db, {
    ...filterOf(actor, query),
    limit,
    ...(cursor ? { after: decodeCursor(cursor, ["number", "number"] as const) } : {}),
  });
  const page = pageOf(rows, limit, (r) => [r.at, r.id]);
  return c.json({ items: page.items.map(toAuditEntry), nextCursor: page.nextCursor }, 200);
};

export const listAuditActions: AppRouteHandler<typeof routes.listAuditActions> = async (c) => {
  actorOf(c);
  return c.json({ items: AUDIT_ACTIONS.map((key) => ({ key, label: AUDIT_ACTION_LABELS[key] })) }, 200);
};

export const auditLogCsv: AppRouteHandler<typeof routes.auditLogCsv> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { separator, ...query } = c.req.valid("query");
  const now = Date.now();
  const { agency } = await getExportScope(db, actor.agencyId, undefined);
  const filter = filterOf(actor, query);
  const header = ["Waktu", "Tindakan", "Kode Tindakan", "Oleh", "Subjek", "ID Subjek", "Rincian"];
  const chunks = await renderPages<readonly [number, number]>(
    header,
    separator,
    async (after) => {
      const rows = await readAuditLog(db, { ...filter, limit: PAGE_ROWS, ...(after ? { after } : {}) });
      const page = pageOf(rows, PAGE_ROWS, (r) => [r.at, r.id]);
      return {
        rows: page.items.map((r): CsvCell[] => [
          localDateTime(r.at, agency.timeZone),
          auditActionLabel(r.action).id,
          r.action,
          r.actorName,
          r.subjectType,
          r.subjectId,
          r.detail,
        ]),
        next: rows.length > PAGE_ROWS ? [rows[PAGE_ROWS - 1]!.at, rows[PAGE_ROWS - 1]!.id] : null,
      };
    },
    "choose a shorter period (from, to)",
  );
  return csvDownload(chunks, "log-audit", agency, now);
};
