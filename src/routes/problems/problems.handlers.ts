import type { Database } from "../../db/client";
import { getIdeaAccess } from "../../db/queries/idea-access.queries";
import {
  createChallenge,
  getProblem as getProblemRow,
  getProblemSummary,
  listComplaintsOf,
  listIdeaProblems as listIdeaProblemRows,
  listProblemCampaignIds,
  listProblemCategories,
  listProblemComplaints,
  listProblemIdeas,
  listProblems as listProblemRows,
  mergeProblems,
  openProblemCampaign,
  setIdeaProblems as setIdeaProblemRows,
  listAgencyProblemIds,
  splitProblem as splitProblemRows,
  updateProblem as updateProblemRow,
} from "../../db/queries/problems.queries";
import { getCampaign } from "../../db/queries/campaigns.queries";
import { getUnit } from "../../db/queries/units.queries";
import { signatureOf } from "../../domain/complaint-grouping";
import { can } from "../../domain/policy";
import { DEFAULT_RUBRIC } from "../../domain/rubric";
import type { Actor } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, pageOf } from "../../lib/cursor";
import { notFound, validationError } from "../../lib/problem";
import { iso } from "../../lib/time";
import { actorOf, authorize } from "../../middlewares/guard";
import { assertValid, loadCampaign, omitDates, scheduleOf } from "../campaigns/campaigns.handlers";
import type * as routes from "./problems.routes";

export { importComplaints } from "./problems.import";

type SummaryRow = Awaited<ReturnType<typeof listProblemRows>>[number];
const summaryOf = (row: SummaryRow) => ({ ...row, createdAt: iso(row.createdAt) });

/** A problem of the actor's agency as its page shows it; 404 for any other id. */
async function loadProblem(db: Database, agencyId: number, id: number) {
  const row = await getProblemRow(db, agencyId, id);
  if (!row) throw notFound("problem");
  const [complaints, ideas, links] = await Promise.all([
    listProblemComplaints(db, id),
    listProblemIdeas(db, id),
    listProblemCampaignIds(db, id),
  ]);
  const campaigns = (await Promise.all(links.map((l) => getCampaign(db, agencyId, l.campaignId)))).flatMap((c) =>
    c ? [{ id: c.id, title: c.title }] : [],
  );
  return {
    ...summaryOf(row),
    description: row.description,
    updatedAt: iso(row.updatedAt),
    complaints: complaints.map((c) => ({ ...c, receivedAt: iso(c.receivedAt) })),
    ideas,
    campaigns,
  };
}

/** A unit named in a body must be one of the agency's. */
async function assertUnit(db: Database, agencyId: number, unitId: number | null | undefined) {
  if (unitId === null || unitId === undefined) return;
  const unit = await getUnit(db, agencyId, unitId);
  if (!unit) throw validationError([{ path: "json.unitId", code: "unit.not_found", message: "No such unit" }]);
}

export const listProblems: AppRouteHandler<typeof routes.listProblems> = async (c) => {
  const actor = actorOf(c);
  const { cursor, limit, answered, ...filter } = c.req.valid("query");
  const after = cursor ? decodeCursor(cursor, ["number", "number"] as const) : undefined;
  const [rows, categories] = await Promise.all([
    listProblemRows(c.var.db, actor.agencyId, {
      ...filter,
      answered: answered === undefined ? undefined : answered === "true",
      after,
      limit,
    }),
    cursor ? Promise.resolve([]) : listProblemCategories(c.var.db, actor.agencyId),
  ]);
  const page = pageOf(rows, limit, (r) => [r.complaintCount, r.id]);
  return c.json({ items: page.items.map(summaryOf), nextCursor: page.nextCursor, categories }, 200);
};

export const createProblem: AppRouteHandler<typeof routes.createProblem> = async (c) => {
  const actor = actorOf(c);
  const fields = c.req.valid("json");
  const db = c.var.db;
  await assertUnit(db, actor.agencyId, fields.unitId);
  const id = await createChallenge(db, {
    agencyId: actor.agencyId,
    actorId: actor.userId,
    now: Date.now(),
    fields,
    signature: signatureOf(`${fields.title} ${fields.description}`).join(" "),
  });
  return c.json(await loadProblem(db, actor.agencyId, id), 201);
};

export const problemSummary: AppRouteHandler<typeof routes.problemSummary> = async (c) => {
  const actor = actorOf(c);
  return c.json(await getProblemSummary(c.var.db, actor.agencyId), 200);
};

export const getProblem: AppRouteHandler<typeof routes.getProblem> = async (c) => {
  const actor = actorOf(c);
  return c.json(await loadProblem(c.var.db, actor.agencyId, c.req.valid("param").id), 200);
};

export const updateProblem: AppRouteHandler<typeof routes.updateProblem> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const fields = c.req.valid("json");
  const db = c.var.db;
  if (!(await getProblemRow(db, actor.agencyId, id))) throw notFound("problem");
  await assertUnit(db, actor.agencyId, fields.unitId);
  await updateProblemRow(db, { agencyId: actor.agencyId, actorId: actor.userId, now: Date.now(), id, fields });
  return c.json(await loadProblem(db, actor.agencyId, id), 200);
};

export const mergeProblem: AppRouteHandler<typeof routes.mergeProblem> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const { intoId } = c.req.valid("json");
  const db = c.var.db;
  if (!(await getProblemRow(db, actor.agencyId, id))) throw notFound("problem");
  if (intoId === id || !(await getProblemRow(db, actor.agencyId, intoId))) {
    const message = intoId === id ? "A problem cannot merge into itself" : "No such problem in this agency";
    throw validationError([{ path: "json.intoId", code: "problem.merge_target", message }]);
  }
  await mergeProblems(db, {
    agencyId: actor.agencyId,
    actorId: actor.userId,
    now: Date.now(),
    sourceId: id,
    targetId: intoId,
  });
  return c.json(await loadProblem(db, actor.agencyId, intoId), 200);
};

export const splitProblem: AppRouteHandler<typeof routes.splitProblem> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const { complaintIds, title } = c.req.valid("json");
  const db = c.var.db;
  const source = await getProblemRow(db, actor.agencyId, id);
  if (!source) throw notFound("problem");
  const ids = [...new Set(complaintIds)];
  const moving = await listComplaintsOf(db, id, ids);
  const found = new Set(moving.map((m) => m.id));
  const strangers = ids.filter((x) => !found.has(x));
  if (strangers.length > 0) {
    throw validationError(
      strangers.map((x) => ({
        path: `json.complaintIds.${complaintIds.indexOf(x)}`,
        code: "problem.complaint_not_here",
        message: `Complaint ${x} is not one of this problem's`,
      })),
    );
  }
  if (moving.length >= source.complaintCount) {
    const message = "Every complaint would leave; rename the problem instead";
    throw validationError([{ path: "json.complaintIds", code: "problem.split_all", message }]);
  }
  const newId = await splitProblemRows(db, {
    agencyId: actor.agencyId,
    actorId: actor.userId,
    now: Date.now(),
    source: { id, unitId: source.unitId, category: source.category },
    complaintIds: ids,
    title,
    signature: signatureOf(moving.map((m) => `${m.title} ${m.text}`).join(" ")).join(" "),
  });
  return c.json(await loadProblem(db, actor.agencyId, newId), 201);
};

export const openCampaign: AppRouteHandler<typeof routes.openCampaign> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const db = c.var.db;
  if (!(await getProblemRow(db, actor.agencyId, id))) throw notFound("problem");
  const { criteria, ...body } = c.req.valid("json");
  const schedule = scheduleOf(body);
  const rubric = criteria ?? DEFAULT_RUBRIC;
  assertValid(schedule, rubric);
  const campaignId = await openProblemCampaign(db, {
    agencyId: actor.agencyId,
    actorId: actor.userId,
    now: Date.now(),
    problemId: id,
    values: { ...omitDates(body), ...schedule, categories: JSON.stringify(body.categories) },
    rubric,
  });
  return c.json(await loadCampaign(db, actor.agencyId, actor.userId, campaignId), 201);
};

/** The idea as the viewer may see it (404 otherwise), and whether they may change its problems. */
async function ideaFor(db: Database, actor: Actor, ideaId: number) {
  const admin = can(actor, "problem.manage");
  const idea = await getIdeaAccess(db, actor.agencyId, ideaId, { userId: actor.userId, isModerator: admin });
  if (!idea) throw notFound("idea");
  return { idea, canEdit: admin || Boolean(idea.member) };
}

const ideaProblemsOf = async (db: Database, agencyId: number, ideaId: number, canEdit: boolean) => ({
  items: await listIdeaProblemRows(db, agencyId, ideaId),
  canEdit,
});

export const listIdeaProblems: AppRouteHandler<typeof routes.listIdeaProblems> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const { canEdit } = await ideaFor(c.var.db, actor, id);
  return c.json(await ideaProblemsOf(c.var.db, actor.agencyId, id, canEdit), 200);
};

export const setIdeaProblems: AppRouteHandler<typeof routes.setIdeaProblems> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const db = c.var.db;
  const { canEdit } = await ideaFor(db, actor, id);
  if (!canEdit) authorize(actor, "problem.manage");
  const problemIds = [...new Set(c.req.valid("json").problemIds)];
  const known = await listAgencyProblemIds(db, actor.agencyId, problemIds);
  const unknown = problemIds.filter((p) => !known.has(p));
  if (unknown.length > 0) {
    throw validationError(
      unknown.map((p) => ({
        path: `json.problemIds.${problemIds.indexOf(p)}`,
        code: "problem.not_found",
        message: `No problem ${p} in this agency`,
      })),
    );
  }
  await setIdeaProblemRows(db, {
    agencyId: actor.agencyId,
    actorId: actor.userId,
    now: Date.now(),
    ideaId: id,
    problemIds,
  });
  return c.json(await ideaProblemsOf(db, actor.agencyId, id, true), 200);
};
