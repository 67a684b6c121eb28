import { changesOf, runBatch, type Database } from "../../db/client";
import { listProposers } from "../../db/queries/blind-review.queries";
import {
  declareConflictStatement,
  getSheet,
  listMySheets,
  saveSheetStatement,
} from "../../db/queries/competitions.queries";
import { listSheetPhotos } from "../../db/queries/round-photos.queries";
import { blindfold, OPEN_EYES, proposersOf } from "../../domain/blind-review";
import { missingItems, sheetProblems, sheetScore } from "../../domain/competition";
import type { Actor } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { conflict, notFound, validationError } from "../../lib/problem";
import { iso, isoOrNull } from "../../lib/time";
import { actorOf, authorize } from "../../middlewares/guard";
import { itemsOf } from "./competition-view";
import type * as routes from "./competitions.routes";

export const mySheets: AppRouteHandler<typeof routes.mySheets> = async (c) => {
  const actor = actorOf(c);
  const rows = await listMySheets(c.var.db, actor.agencyId, actor.userId);
  return c.json({ items: rows.map((r) => ({ ...r, scheduledAt: isoOrNull(r.scheduledAt) })) }, 200);
};

/** The caller's own sheet, or 404 (another agency's, none) / 403 (a colleague's). */
async function loadSheet(db: Database, actor: Actor, id: number) {
  const row = await getSheet(db, actor.agencyId, id);
  if (!row) throw notFound("assignment");
  authorize(actor, "round.score", { ownerId: row.reviewerId });
  return row;
}

/** The sheet as its reviewer sees it: in a blind round, no team, no unit, and neither named in the text. */
async function present(db: Database, row: NonNullable<Awaited<ReturnType<typeof getSheet>>>) {
  const [[members, ideaUnits], photos] = await Promise.all([
    listProposers(db, [row.ideaId]),
    listSheetPhotos(db, [row.id]),
  ]);
  const proposers = proposersOf(members, ideaUnits[0]?.unitName ?? row.unitName);
  const eyes = row.blind ? blindfold(proposers) : OPEN_EYES;
  return {
    id: row.id,
    round: {
      id: row.roundId,
      name: row.roundName,
      kind: row.kind,
      state: row.roundState,
      blind: row.blind,
      items: itemsOf(row),
    },
    idea: {
      title: eyes.text(row.title),
      problem: eyes.text(row.problem),
      solution: eyes.text(row.solution),
      benefit: eyes.text(row.benefit),
      targetService: eyes.text(row.targetService),
      category: row.category,
      group: row.group,
      operatingSince: row.operatingSince,
      unitName: row.blind ? null : row.unitName,
      team: row.blind ? null : members.map((m) => m.name),
    },
    scheduledAt: isoOrNull(row.scheduledAt),
    conflict: row.conflict,
    conflictReason: row.conflictReason,
    scores: JSON.parse(row.scores) as Record<string, number>,
    score: row.score,
    note: row.note,
    state: row.state,
    photos: photos.map(({ assignmentId: _sheet, createdAt, ...p }) => ({ ...p, createdAt: iso(createdAt) })),
  };
}

export const getSheetDetail: AppRouteHandler<typeof routes.getSheet> = async (c) => {
  const actor = actorOf(c);
  const row = await loadSheet(c.var.db, actor, c.req.valid("param").id);
  return c.json(await present(c.var.db, row), 200);
};

function assertWritable(row: NonNullable<Awaited<ReturnType<typeof getSheet>>>) {
  if (row.roundState !== "open") throw conflict("round.not_open", "This round is not open for scoring");
  if (row.state === "submitted") throw conflict("round.submitted", "These scores are already submitted");
}

export const declareConflict: AppRouteHandler<typeof routes.declareConflict> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const row = await loadSheet(db, actor, id);
  assertWritable(row);
  if (row.conflict !== "undeclared") throw conflict("round.conflict_declared", "The declaration is made once");
  if (body.conflict && body.reason.length === 0)
    throw validationError([
      { path: "json.reason", code: "round.conflict_reason", message: "Say what the conflict is" },
    ]);
  const [changed] = await runBatch(db, [
    declareConflictStatement(db, {
      id,
      conflict: body.conflict ? "conflict" : "none",
      reason: body.reason,
      now: Date.now(),
    }),
  ]);
  if (changesOf(changed) === 0) throw conflict("round.conflict_declared", "The declaration is made once");
  return c.json(await present(db, (await getSheet(db, actor.agencyId, id))!), 200);
};

export const saveSheet: AppRouteHandler<typeof routes.saveSheet> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const row = await loadSheet(db, actor, id);
  assertWritable(row);
  if (row.conflict === "undeclared")
    throw conflict("round.conflict_undeclared", "Declare whether you have a conflict of interest first");
  if (row.conflict === "conflict") throw conflict("round.stepped_aside", "You declared a conflict on this entry");
  const items = itemsOf(row);
  const problems = sheetProblems(row.kind, items, body.scores).map((p) => ({ ...p, path: `json.${p.path}` }));
  if (body.submit)
    problems.push(
      ...missingItems(items, body.scores).map((key) => ({
        path: `json.scores.${key}`,
        code: "round.score_missing",
        message: "Score this item",
      })),
    );
  if (problems.length > 0) throw validationError(problems);
  const [changed] = await runBatch(db, [
    saveSheetStatement(db, {
      id,
      scores: body.scores,
      score: sheetScore(row.kind, items, body.scores),
      note: body.note,
      submit: body.submit,
      now: Date.now(),
    }),
  ]);
  if (changesOf(changed) === 0) throw conflict("round.not_open", "This round is not open for scoring");
  return c.json(await present(db, (await getSheet(db, actor.agencyId, id))!), 200);
};
