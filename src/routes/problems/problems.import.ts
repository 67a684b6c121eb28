import { uniqueViolation } from "../../db/constraint";
import {
  importComplaints as storeComplaints,
  listGroupCandidates,
  listKnownComplaintIds,
} from "../../db/queries/problems.queries";
import { listUnits } from "../../db/queries/units.queries";
import { planComplaintImport, type ComplaintPlan } from "../../domain/complaint-grouping";
import { readComplaintRows } from "../../domain/complaint-import";
import { byRow, type RowError } from "../../domain/user-import";
import type { AppRouteHandler } from "../../lib/create-router";
import { parseCsv } from "../../lib/csv";
import { ApiError, conflict } from "../../lib/problem";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./problems.routes";

/** A report longer than this helps nobody; the count says how many there are. */
const REPORT_MAX = 500;
const GROUPS_SHOWN = 50;

function rejectFile(errors: RowError[]): never {
  const detail = `${errors.length} problem(s) in the file; nothing was stored${errors.length > REPORT_MAX ? ` (first ${REPORT_MAX} listed)` : ""}`;
  throw new ApiError(422, "complaint_import.invalid", detail, { errors: errors.slice(0, REPORT_MAX) });
}

/** Where the new complaints go, largest groups first, for the report. */
function groupsOf(plan: ComplaintPlan, titles: ReadonlyMap<number, string>) {
  const groups = [
    ...plan.newProblems.map((p) => ({ problemId: null, title: p.title, list: p.complaints })),
    ...plan.joined.map((j) => ({ problemId: j.problemId, title: titles.get(j.problemId) ?? "", list: j.complaints })),
  ];
  return groups
    .sort((a, b) => b.list.length - a.list.length)
    .slice(0, GROUPS_SHOWN)
    .map(({ problemId, title, list }) => ({ problemId, title, complaints: list.length, sample: list[0]!.text }));
}

/**
 * Read the whole file, check it against the agency, plan the groups; then report (preview) or store
 * it in one batch (nothing half-written).
 */
export const importComplaints: AppRouteHandler<typeof routes.importComplaints> = async (c) => {
  const actor = actorOf(c);
  const { file } = c.req.valid("form");
  const preview = c.req.valid("query").preview === "true";
  const db = c.var.db;

  const csv = parseCsv(await file.text());
  if (!csv.ok) rejectFile([{ path: `row ${csv.row}`, code: "csv.unclosed_quote", message: csv.message }]);
  const read = readComplaintRows(csv.records, actor.timeZone);
  if (read.rows.length === 0 && read.errors.length > 0) rejectFile(read.errors);

  const [units, candidates, known] = await Promise.all([
    listUnits(db, actor.agencyId),
    listGroupCandidates(db, actor.agencyId),
    listKnownComplaintIds(
      db,
      actor.agencyId,
      read.rows.map((r) => r.externalId),
    ),
  ]);
  const unitMap = new Map<string, { id: number; active: boolean }>();
  for (const u of units) {
    unitMap.set(u.name.toLowerCase(), u);
    unitMap.set(u.code.toUpperCase(), u);
  }
  const planned = planComplaintImport(read.rows, { units: unitMap, problems: candidates, known, labels: read.labels });
  if (read.errors.length > 0 || !planned.ok) rejectFile(byRow([...read.errors, ...(planned.ok ? [] : planned.errors)]));

  const { plan } = planned;
  const created =
    plan.newProblems.reduce((n, p) => n + p.complaints.length, 0) +
    plan.joined.reduce((n, j) => n + j.complaints.length, 0);
  const result = {
    stored: !preview,
    rows: read.rows.length,
    created,
    unchanged: plan.unchanged,
    skipped: read.skipped,
    newProblems: plan.newProblems.length,
    joinedProblems: plan.joined.length,
    droppedColumns: read.droppedColumns,
    ignoredColumns: read.ignoredColumns,
    redactions: read.redactions,
  };
  const titles = new Map(candidates.map((p) => [p.id, p.title]));
  if (!preview && created > 0) {
    try {
      await storeComplaints(db, {
        agencyId: actor.agencyId,
        actorId: actor.userId,
        now: Date.now(),
        plan,
        detail: { file: file.name, ...result, stored: undefined },
      });
    } catch (error) {
      if (!uniqueViolation(error)) throw error;
      throw conflict(
        "complaint_import.concurrent",
        "Some of these complaints were imported meanwhile; import the file again",
      );
    }
  }
  return c.json({ ...result, groups: groupsOf(plan, titles) }, 200);
};
