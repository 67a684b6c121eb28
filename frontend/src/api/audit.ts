import { api, signalled } from "./client";
import { readJson } from "./read-json";

const v1 = api.api.v1;

export type AuditFilter = { actorId?: string; action?: string; from?: string; to?: string };

/** A page of the agency's audit log, newest first, filtered. @throws ApiProblem 422 `period.inverted` */
export async function listAuditLog(filter: AuditFilter, cursor?: string) {
  return readJson(await v1["audit-log"].$get({ query: { ...filter, ...(cursor ? { cursor } : {}) } as never }));
}
export type AuditEntry = Awaited<ReturnType<typeof listAuditLog>>["items"][number];

/** Every action the log records, in both languages, for the filter. */
export async function listAuditActions(signal?: AbortSignal) {
  return (await readJson(await v1["audit-log"].actions.$get(undefined, signalled(signal)))).items;
}
export type AuditAction = Awaited<ReturnType<typeof listAuditActions>>[number];

/**
 * Where the filtered log downloads as CSV: a plain link, the browser saves the file with the
 * session cookie. `semicolon` (the default here, as before) suits Excel set to Indonesian.
 */
export function auditCsvPath(filter: AuditFilter, separator: "comma" | "semicolon" = "semicolon"): string {
  return v1["audit-log.csv"].$path({ query: { ...filter, separator } as never });
}
