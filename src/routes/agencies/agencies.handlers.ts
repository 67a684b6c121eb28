import { uniqueViolation } from "../../db/constraint";
import { runBatch } from "../../db/client";
import {
  createAgency as insertAgency,
  getAgencyIdBySlug,
  getAgencyState,
  listAgencies as readAgencies,
  setAgencyActiveStatements,
} from "../../db/queries/agencies.queries";
import { getIdentityConflicts } from "../../db/queries/users.queries";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, pageOf } from "../../lib/cursor";
import { hashPassword } from "../../lib/password";
import { ApiError, conflict, notFound, type FieldError } from "../../lib/problem";
import { temporaryPassword } from "../../lib/tokens";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./agencies.routes";

const ROOT_UNIT_CODE = "INDUK";

const CONFLICTS: Record<string, FieldError> = {
  "agencies.slug": { path: "json.slug", code: "agency.slug_taken", message: "An agency with this slug exists" },
  "users.nip": { path: "json.admin.nip", code: "user.nip_taken", message: "An account with this NIP exists" },
  "users.email": { path: "json.admin.email", code: "user.email_taken", message: "An account with this e-mail exists" },
};

function conflictOf(errors: FieldError[]): ApiError {
  return new ApiError(409, errors[0]!.code, errors[0]!.message, { errors });
}

export const listAgencies: AppRouteHandler<typeof routes.listAgencies> = async (c) => {
  const { cursor, limit } = c.req.valid("query");
  const rows = await readAgencies(c.var.db, {
    limit,
    ...(cursor ? { after: decodeCursor(cursor, ["string", "number"] as const) } : {}),
  });
  return c.json(
    pageOf(rows, limit, (a) => [a.name, a.id]),
    200,
  );
};

export const setAgencyState: AppRouteHandler<typeof routes.setAgencyState> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const { active } = c.req.valid("json");
  const db = c.var.db;
  if (!(await getAgencyState(db, id))) throw notFound("agency");
  // the platform admin would end their own session and could not sign in again to undo it
  if (!active && id === actor.agencyId) throw conflict("agency.own", "You cannot deactivate your own agency");
  await runBatch(db, setAgencyActiveStatements(db, { id, active, actorId: actor.userId, now: Date.now() }));
  const [row] = await readAgencies(db, { limit: 1, only: id });
  return c.json(row!, 200);
};

export const createAgency: AppRouteHandler<typeof routes.createAgency> = async (c) => {
  const actor = actorOf(c);
  const { admin, rootUnit: unit, ...agency } = c.req.valid("json");
  const rootUnit = unit ?? { code: ROOT_UNIT_CODE, name: agency.name };
  const db = c.var.db;

  const [slugTaken, identity] = await Promise.all([
    getAgencyIdBySlug(db, agency.slug),
    getIdentityConflicts(db, { nip: admin.nip, email: admin.email }),
  ]);
  const taken = [
    ...(slugTaken !== undefined ? [CONFLICTS["agencies.slug"]!] : []),
    ...(identity.nipTaken ? [CONFLICTS["users.nip"]!] : []),
    ...(identity.emailTaken ? [CONFLICTS["users.email"]!] : []),
  ];
  if (taken.length > 0) throw conflictOf(taken);

  const password = temporaryPassword();
  const now = Date.now();
  const ids = await insertAgency(db, {
    agency,
    rootUnit,
    admin: { ...admin, passwordHash: await hashPassword(password) },
    actorId: actor.userId,
    now,
  }).catch((error: unknown) => {
    const known = CONFLICTS[uniqueViolation(error) ?? ""];
    throw known ? conflictOf([known]) : error;
  });
  return c.json(
    {
      agency: { id: ids.agencyId, ...agency, active: true, deactivatedAt: null, people: 1, createdAt: now },
      rootUnit: { id: ids.unitId, ...rootUnit },
      admin: { id: ids.adminId, nip: admin.nip, name: admin.name, email: admin.email },
      temporaryPassword: password,
    },
    201,
  );
};
