import { changesOf, runBatch } from "../../db/client";
import {
  checkImplementationRefs,
  getImplementationReport,
  reportImplementationStatement,
} from "../../db/queries/implementation.queries";
import { transitionStatements } from "../../db/queries/idea-workflow.queries";
import { ideaMovedTo, rewardStatements } from "../../db/queries/rewards.queries";
import { planTransition } from "../../domain/idea-status";
import { localDay } from "../../domain/time-zone";
import type { AppRouteHandler } from "../../lib/create-router";
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
  evidenceAttachmentId: r.evidenceAttachmentId,
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
  const [update] = await runBatch(db, [
    ...transitionStatements(db, {
      idea: loaded.idea,
      action: "implement",
      from: plan.from,
      to: plan.to,
      actorId: actor.userId,
      reason: null,
      now,
    }),
    reportImplementationStatement(db, {
      ideaId: id,
      agencyId: actor.agencyId,
      implementedOn: body.implementedOn,
      unitId: body.unitId,
      summary: body.summary,
      evidenceAttachmentId: body.evidenceAttachmentId,
      reportedBy: actor.userId,
      now,
    }),
    ...earned,
  ]);
  if (changesOf(update) === 0)
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
