import { changesOf, runBatch, runNamedBatch } from "../../db/client";
import {
  addImplementationUpdateStatement,
  checkImplementationRefs,
  getImplementationReport,
  listImplementationUpdates,
  reportImplementationStatement,
  type ImplementationUpdateRow,
} from "../../db/queries/implementation.queries";
import { transitionStatements } from "../../db/queries/idea-workflow.queries";
import { ideaMovedTo, rewardStatements } from "../../db/queries/rewards.queries";
import { planTransition } from "../../domain/idea-status";
import { parseFigures, planImplementationUpdate } from "../../domain/implementation";
import { localDay } from "../../domain/time-zone";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, pageOf } from "../../lib/cursor";
import { ApiError, notFound, validationError, type FieldError } from "../../lib/problem";
import { iso } from "../../lib/time";
import { actorOf } from "../../middlewares/guard";
import { loadIdea } from "../ideas/ideas.view";
import type * as routes from "./reviews.routes";

type Report = NonNullable<Awaited<ReturnType<typeof getImplementationReport>>>;

const toReport = (r: Report) => ({
  ideaId: r.ideaId,
  implementedOn: r.implementedOn,
  unit: { id: r.unitId, name: r.unitName },
  summary: r.summary,
  results: r.results,
  form: r.form,
  evidenceAttachmentId: r.evidenceAttachmentId,
  evidence: r.evidence,
  reportedBy: { id: r.reportedById, name: r.reportedByName },
  createdAt: iso(r.createdAt),
});

export const reportImplementation: AppRouteHandler<typeof routes.reportImplementation> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const now = Date.now();
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const loaded = await loadIdea(db, actor, id);
  const plan = planTransition(loaded.idea.status, "implement", { capacities: loaded.capacities });
  if (!plan.ok && plan.code === "transition.not_permitted")
    throw new ApiError(403, "transition.not_permitted", "Only the chair or an admin marks an idea implemented");
  if (!plan.ok)
    throw new ApiError(409, "transition.invalid_from_status", "Only an approved idea can be marked implemented");

  const refs = await checkImplementationRefs(db, {
    agencyId: actor.agencyId,
    unitId: body.unitId,
    ideaId: id,
    attachmentId: body.evidenceAttachmentId,
  });
  const errors: FieldError[] = [];
  if (body.implementedOn > localDay(now, actor.timeZone))
    errors.push({
      path: "json.implementedOn",
      code: "implementation.date_in_future",
      message: "Report what has happened",
    });
  if (!refs.unitOk)
    errors.push({ path: "json.unitId", code: "implementation.unit_unknown", message: "No active unit of your agency" });
  if (!refs.attachmentOk)
    errors.push({
      path: "json.evidenceAttachmentId",
      code: "implementation.attachment_unknown",
      message: "Not an attachment of this idea",
    });
  if (errors.length > 0) throw validationError(errors);

  const earned = await rewardStatements(
    db,
    { type: "idea_implemented", agencyId: actor.agencyId, actorId: actor.userId, at: now, ideaId: id },
    { when: ideaMovedTo(id, "implemented", now) },
  );
  const { moved } = await runNamedBatch(db, {
    ...transitionStatements(db, {
      idea: loaded.idea,
      action: "implement",
      from: plan.from,
      to: plan.to,
      actorId: actor.userId,
      reason: null,
      now,
    }),
    report: reportImplementationStatement(db, {
      ideaId: id,
      agencyId: actor.agencyId,
      implementedOn: body.implementedOn,
      unitId: body.unitId,
      summary: body.summary,
      evidenceAttachmentId: body.evidenceAttachmentId,
      results: body.results,
      form: body.form,
      reportedBy: actor.userId,
      now,
    }),
    earned,
  });
  if (changesOf(moved) === 0)
    throw new ApiError(409, "transition.conflict", "Someone changed this idea at the same time; reload and try again");
  return c.json(toReport((await getImplementationReport(db, id))!), 201);
};

export const getImplementation: AppRouteHandler<typeof routes.getImplementation> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  await loadIdea(c.var.db, actor, id);
  const report = await getImplementationReport(c.var.db, id);
  if (!report) throw notFound("implementation report");
  return c.json(toReport(report), 200);
};

const toUpdate = (u: ImplementationUpdateRow) => ({
  id: u.id,
  body: u.body,
  figures: parseFigures(u.figures),
  author: { id: u.authorId, name: u.authorName },
  createdAt: iso(u.createdAt),
});

export const listUpdates: AppRouteHandler<typeof routes.listImplementationUpdates> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const { cursor, limit } = c.req.valid("query");
  await loadIdea(c.var.db, actor, id);
  const before = cursor ? decodeCursor(cursor, ["number"] as const)[0] : undefined;
  const page = pageOf(await listImplementationUpdates(c.var.db, id, limit, before), limit, (u) => [u.id]);
  return c.json({ items: page.items.map(toUpdate), nextCursor: page.nextCursor }, 200);
};

export const addUpdate: AppRouteHandler<typeof routes.addImplementationUpdate> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const loaded = await loadIdea(db, actor, id);
  const plan = planImplementationUpdate({ status: loaded.idea.status, capacities: loaded.capacities });
  if (!plan.ok && plan.code === "implementation.update_not_permitted")
    throw new ApiError(403, plan.code, "Only the idea's team, its chair and admins post updates");
  if (!plan.ok) throw new ApiError(409, plan.code, "The idea has no implementation report yet");
  const now = Date.now();
  const [inserted] = await runBatch(db, [
    addImplementationUpdateStatement(db, {
      agencyId: actor.agencyId,
      ideaId: id,
      authorId: actor.userId,
      body: body.body,
      figures: JSON.stringify(body.figures),
      now,
    }),
  ]);
  if (changesOf(inserted) === 0)
    throw new ApiError(409, "implementation.not_implemented", "The idea has no implementation report yet");
  const [row] = await listImplementationUpdates(db, id, 0, inserted!.meta.last_row_id + 1);
  return c.json(toUpdate(row!), 201);
};
