import { uniqueViolation } from "../../db/constraint";
import { getUnit } from "../../db/queries/units.queries";
import {
  createAccount,
  getAccount,
  getIdentityConflicts,
  listAccounts,
  resetAccountPassword,
  updateAccount,
  type AccountRow,
} from "../../db/queries/users.queries";
import type { Database } from "../../db/client";
import { can } from "../../domain/policy";
import { parseRoles, serializeRoles } from "../../domain/roles";
import { ACCOUNT_ISSUE_MESSAGES, accountChangeIssues, diffFields } from "../../domain/user-rules";
import type { Actor } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, pageOf } from "../../lib/cursor";
import { hashPassword } from "../../lib/password";
import { ApiError, conflict, notFound, validationError, type FieldError } from "../../lib/problem";
import { temporaryPassword } from "../../lib/tokens";
import { actorOf, authorize } from "../../middlewares/guard";
import type * as routes from "./users.routes";

/** An account as the actor may see it: private fields only under `user.read_private`. */
export function toUser(actor: Actor, row: AccountRow) {
  const card = {
    id: row.id,
    name: row.name,
    position: row.position,
    roles: parseRoles(row.roles),
    active: row.active,
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
  };
  if (!can(actor, "user.read_private", { agencyId: row.agencyId, ownerId: row.id })) return card;
  return {
    ...card,
    nip: row.nip,
    email: row.email,
    mustChangePassword: row.mustChangePassword,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
  };
}

/** A unit named in a body must be an active unit of the actor's agency (another agency's is "not found"). */
async function assertUsableUnit(db: Database, agencyId: number, unitId: number) {
  const unit = await getUnit(db, agencyId, unitId);
  if (!unit) {
    throw validationError([{ path: "json.unitId", code: "unit.not_found", message: "No such unit in this agency" }]);
  }
  if (!unit.active) {
    throw validationError([{ path: "json.unitId", code: "unit.inactive", message: "The unit is deactivated" }]);
  }
}

async function assertIdentityFree(db: Database, identity: { nip?: string; email?: string; exceptId?: number }) {
  const { nipTaken, emailTaken } = await getIdentityConflicts(db, identity);
  const errors: FieldError[] = [];
  if (nipTaken) errors.push({ path: "json.nip", code: "user.nip_taken", message: "An account with this NIP exists" });
  if (emailTaken) {
    errors.push({ path: "json.email", code: "user.email_taken", message: "An account with this e-mail exists" });
  }
  if (errors[0]) throw new ApiError(409, errors[0].code, errors[0].message, { errors });
}

/** The unique index is the last word when two admins race for one NIP or e-mail. */
function identityConflict(error: unknown): never {
  const column = uniqueViolation(error);
  if (column === "users.nip") throw conflict("user.nip_taken", "An account with this NIP exists");
  if (column === "users.email") throw conflict("user.email_taken", "An account with this e-mail exists");
  throw error;
}

function assertAccountChange(actor: Actor, issues: ReturnType<typeof accountChangeIssues>) {
  const forbidden = issues.find((i) => i.code === "role.superadmin_forbidden");
  if (forbidden) throw new ApiError(403, forbidden.code, ACCOUNT_ISSUE_MESSAGES[forbidden.code]);
  if (issues.length > 0) {
    throw validationError(
      issues.map((i) => ({ path: `json.${i.field}`, code: i.code, message: ACCOUNT_ISSUE_MESSAGES[i.code] })),
    );
  }
}

async function loadManaged(db: Database, actor: Actor, id: number) {
  const row = await getAccount(db, actor.agencyId, id);
  if (!row) throw notFound("user");
  authorize(actor, "user.manage", { agencyId: row.agencyId, roles: parseRoles(row.roles) });
  return row;
}

export const listUsers: AppRouteHandler<typeof routes.listUsers> = async (c) => {
  const actor = actorOf(c);
  const { cursor, limit, q, unitId, role, active } = c.req.valid("query");
  const isAdmin = can(actor, "user.read_private", { agencyId: actor.agencyId });
  const rows = await listAccounts(c.var.db, {
    agencyId: actor.agencyId,
    limit,
    ...(cursor ? { after: decodeCursor(cursor, ["string", "number"] as const) } : {}),
    ...(q ? { q } : {}),
    searchPrivate: isAdmin,
    ...(unitId !== undefined ? { unitId } : {}),
    ...(role ? { role } : {}),
    ...(isAdmin ? (active !== undefined ? { active } : {}) : { active: true }),
  });
  const page = pageOf(rows, limit, (r) => [r.name, r.id]);
  return c.json({ items: page.items.map((r) => toUser(actor, r)), nextCursor: page.nextCursor }, 200);
};

export const getUser: AppRouteHandler<typeof routes.getUser> = async (c) => {
  const actor = actorOf(c);
  const row = await getAccount(c.var.db, actor.agencyId, c.req.valid("param").id);
  const visible = row && (row.active || can(actor, "user.read_private", { agencyId: row.agencyId, ownerId: row.id }));
  if (!visible) throw notFound("user");
  return c.json(toUser(actor, row), 200);
};

export const createUser: AppRouteHandler<typeof routes.createUser> = async (c) => {
  const actor = actorOf(c);
  const body = c.req.valid("json");
  const db = c.var.db;
  const roles = parseRoles(serializeRoles(body.roles));
  assertAccountChange(actor, accountChangeIssues(actor, null, { roles, active: true }));
  await assertUsableUnit(db, actor.agencyId, body.unitId);
  await assertIdentityFree(db, { nip: body.nip, email: body.email });

  const password = temporaryPassword();
  const account = { ...body, roles: serializeRoles(roles) };
  const id = await createAccount(db, {
    agencyId: actor.agencyId,
    actorId: actor.userId,
    now: Date.now(),
    account,
    passwordHash: await hashPassword(password),
  }).catch(identityConflict);
  const row = await getAccount(db, actor.agencyId, id);
  if (!row) throw notFound("user");
  return c.json({ user: toUser(actor, row), temporaryPassword: password }, 201);
};

export const updateUser: AppRouteHandler<typeof routes.updateUser> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const db = c.var.db;
  const row = await loadManaged(db, actor, id);

  const before = {
    name: row.name,
    email: row.email,
    position: row.position,
    unitId: row.unitId,
    roles: row.roles,
    active: row.active,
  };
  const { roles: roleList, ...fields } = body;
  const after = { ...fields, ...(roleList ? { roles: serializeRoles(roleList) } : {}) };
  const changes = diffFields(before, after);
  assertAccountChange(
    actor,
    accountChangeIssues(
      actor,
      { id: row.id, roles: parseRoles(row.roles), active: row.active },
      { roles: parseRoles(after.roles ?? row.roles), active: after.active ?? row.active },
    ),
  );
  if (changes.unitId) await assertUsableUnit(db, actor.agencyId, body.unitId!);
  if (changes.email) await assertIdentityFree(db, { email: body.email!, exceptId: row.id });

  if (Object.keys(changes).length > 0) {
    const set = Object.fromEntries(Object.keys(changes).map((k) => [k, after[k as keyof typeof after]]));
    await updateAccount(db, {
      agencyId: actor.agencyId,
      actorId: actor.userId,
      now: Date.now(),
      id,
      set,
      changes,
    }).catch(identityConflict);
  }
  const updated = await getAccount(db, actor.agencyId, id);
  if (!updated) throw notFound("user");
  return c.json(toUser(actor, updated), 200);
};

export const resetPassword: AppRouteHandler<typeof routes.resetPassword> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const db = c.var.db;
  await loadManaged(db, actor, id);
  if (id === actor.userId) {
    throw conflict("user.reset_self", "Change your own password with POST /api/v1/auth/password");
  }
  const password = temporaryPassword();
  await resetAccountPassword(db, {
    agencyId: actor.agencyId,
    actorId: actor.userId,
    now: Date.now(),
    id,
    passwordHash: await hashPassword(password),
  });
  return c.json({ temporaryPassword: password }, 200);
};
