import { listUnits } from "../../db/queries/units.queries";
import { ACCOUNTS_PER_BATCH, importAccountsBatch, type ImportRowWrite } from "../../db/queries/user-import.queries";
import { listAccountsByNip, listEmailOwners } from "../../db/queries/users.queries";
import { parseRoles } from "../../domain/roles";
import { byRow, planImport, readImportRows, type ImportPlan, type RowError } from "../../domain/user-import";
import { chunk } from "../../lib/chunk";
import type { AppRouteHandler } from "../../lib/create-router";
import { parseCsv } from "../../lib/csv";
import { hashPassword } from "../../lib/password";
import { ApiError } from "../../lib/problem";
import { randomToken } from "../../lib/tokens";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./users.routes";

/** A report longer than this helps nobody; the count says how many there are. */
const REPORT_MAX = 500;

function rejectFile(errors: RowError[]): never {
  const detail = `${errors.length} problem(s) in the file; nothing was stored${errors.length > REPORT_MAX ? ` (first ${REPORT_MAX} listed)` : ""}`;
  throw new ApiError(422, "user_import.invalid", detail, { errors: errors.slice(0, REPORT_MAX) });
}

/** The plan's writes in file order, cut into transactions, each with the audit of what it does. */
function batchesOf(plan: ImportPlan) {
  const changesByNip = new Map(plan.update.map((u) => [u.nip, u.changes]));
  const writes: ImportRowWrite[] = [...plan.create, ...plan.update.map((u) => ({ nip: u.nip, ...u.fields }))];
  const slices = chunk(writes, ACCOUNTS_PER_BATCH);
  return slices.map((rows, i) => ({
    rows,
    audit: {
      batch: i + 1,
      of: slices.length,
      created: rows.filter((r) => !changesByNip.has(r.nip)).map((r) => r.nip),
      updated: rows.flatMap((r) => {
        const changes = changesByNip.get(r.nip);
        return changes ? [{ nip: r.nip, changes }] : [];
      }),
    },
  }));
}

export const importUsers: AppRouteHandler<typeof routes.importUsers> = async (c) => {
  const actor = actorOf(c);
  const { file } = c.req.valid("form");
  const db = c.var.db;

  const csv = parseCsv(await file.text());
  if (!csv.ok) rejectFile([{ path: `row ${csv.row}`, code: "csv.unclosed_quote", message: csv.message }]);
  const read = readImportRows(csv.records);
  if (read.rows.length === 0) rejectFile(read.errors);

  const [units, accounts, owners] = await Promise.all([
    listUnits(db, actor.agencyId),
    listAccountsByNip(
      db,
      read.rows.map((r) => r.nip),
    ),
    listEmailOwners(
      db,
      read.rows.map((r) => r.email),
    ),
  ]);
  const planned = planImport(read.rows, {
    actor,
    units: new Map(units.map((u) => [u.code.toUpperCase(), u])),
    byNip: new Map(accounts.map((a) => [a.nip, { ...a, roles: parseRoles(a.roles) }])),
    emailOwners: new Map(owners.map((o) => [o.email, o.nip])),
    ...(read.labels ? { labels: read.labels } : {}),
  });
  // one report with every problem: those of the file alone and those against the agency
  if (read.errors.length > 0 || !planned.ok) rejectFile(byRow([...read.errors, ...(planned.ok ? [] : planned.errors)]));

  const { plan } = planned;
  // New accounts get the hash of a secret nobody keeps: they cannot sign in until they are activated
  // (routes/activation) or given a temporary password, yet a sign-in attempt costs the same as for any account.
  const passwordHash = plan.create.length > 0 ? await hashPassword(randomToken()) : "";
  const now = Date.now();
  for (const batch of batchesOf(plan)) {
    await importAccountsBatch(db, { agencyId: actor.agencyId, actorId: actor.userId, now, passwordHash, ...batch });
  }
  return c.json({ created: plan.create.length, updated: plan.update.length, unchanged: plan.unchanged }, 200);
};
