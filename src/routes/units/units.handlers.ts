import type { Database } from "../../db/client";
import { uniqueViolation } from "../../db/constraint";
import {
  createUnit as insertUnit,
  getUnit,
  getUnitIdByCode,
  getUnitUsage,
  listUnits as readUnits,
  updateUnit as writeUnit,
} from "../../db/queries/units.queries";
import { can } from "../../domain/policy";
import { orderUnitTree, wouldCreateCycle } from "../../domain/unit-tree";
import { diffFields } from "../../domain/user-rules";
import type { AppRouteHandler } from "../../lib/create-router";
import { conflict, notFound, validationError } from "../../lib/problem";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./units.routes";

const codeTaken = () => conflict("unit.code_taken", "Another unit of this agency has this code");

const parentProblem = (code: string, message: string) => validationError([{ path: "json.parentId", code, message }]);

/** A parent named in a body: an active unit of the actor's agency (another agency's is "not found"). */
async function assertUsableParent(db: Database, agencyId: number, parentId: number) {
  const parent = await getUnit(db, agencyId, parentId);
  if (!parent) throw parentProblem("unit.not_found", "No such unit in this agency");
  if (!parent.active) throw parentProblem("unit.inactive", "The parent unit is deactivated");
}

/** The unit as the tree shows it (with its depth). */
async function treeUnit(db: Database, agencyId: number, id: number) {
  const unit = orderUnitTree(await readUnits(db, agencyId)).find((u) => u.id === id);
  if (!unit) throw notFound("unit");
  return unit;
}

export const listUnits: AppRouteHandler<typeof routes.listUnits> = async (c) => {
  const actor = actorOf(c);
  const rows = await readUnits(c.var.db, actor.agencyId, { activeOnly: !can(actor, "unit.manage") });
  return c.json({ items: orderUnitTree(rows) }, 200);
};

export const createUnit: AppRouteHandler<typeof routes.createUnit> = async (c) => {
  const actor = actorOf(c);
  const { code, name, parentId } = c.req.valid("json");
  const db = c.var.db;
  if (parentId !== null) await assertUsableParent(db, actor.agencyId, parentId);
  if ((await getUnitIdByCode(db, actor.agencyId, code)) !== undefined) throw codeTaken();

  const id = await insertUnit(db, {
    agencyId: actor.agencyId,
    actorId: actor.userId,
    now: Date.now(),
    code,
    name,
    parentId,
  }).catch((error: unknown) => {
    throw uniqueViolation(error)?.includes("units.code") ? codeTaken() : error;
  });
  return c.json(await treeUnit(db, actor.agencyId, id), 201);
};

export const updateUnit: AppRouteHandler<typeof routes.updateUnit> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const db = c.var.db;
  const unit = await getUnit(db, actor.agencyId, id);
  if (!unit) throw notFound("unit");

  const changes = diffFields(unit, body);
  if (changes.parentId && body.parentId != null) {
    await assertUsableParent(db, actor.agencyId, body.parentId);
    if (wouldCreateCycle(await readUnits(db, actor.agencyId), id, body.parentId)) {
      throw parentProblem("unit.cycle", "A unit cannot sit under itself or one of its sub-units");
    }
  }
  if (changes.active && body.active === true && unit.parentId !== null) {
    const parent = await getUnit(db, actor.agencyId, unit.parentId);
    if (parent && !parent.active) {
      throw validationError([
        { path: "json.active", code: "unit.parent_inactive", message: "Reactivate the parent unit first" },
      ]);
    }
  }
  if (changes.code && (await getUnitIdByCode(db, actor.agencyId, body.code!)) !== undefined) throw codeTaken();
  if (changes.active && body.active === false) {
    const usage = await getUnitUsage(db, id);
    if (usage.activeUsers > 0 || usage.activeChildren > 0) {
      throw conflict(
        "unit.in_use",
        `Move or deactivate its ${usage.activeUsers} active member(s) and ${usage.activeChildren} active sub-unit(s) first`,
      );
    }
  }

  if (Object.keys(changes).length > 0) {
    const set = Object.fromEntries(Object.keys(changes).map((k) => [k, body[k as keyof typeof body]]));
    const written = await writeUnit(db, {
      agencyId: actor.agencyId,
      actorId: actor.userId,
      now: Date.now(),
      id,
      set,
      changes,
    }).catch((error: unknown) => {
      throw uniqueViolation(error)?.includes("units.code") ? codeTaken() : error;
    });
    if (!written) throw conflict("unit.changed_meanwhile", "The unit tree changed meanwhile; reload and try again");
  }
  return c.json(await treeUnit(db, actor.agencyId, id), 200);
};
