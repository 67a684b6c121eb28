import { runBatch } from "../../db/client";
import {
  countLiveTokens,
  getApiTokenByHash,
  getRevocableToken,
  insertApiToken,
  listPersonalTokens as listPersonalTokensQuery,
  listServiceTokens as listServiceTokensQuery,
  revokeApiToken,
  type ApiTokenRow,
} from "../../db/queries/api-tokens.queries";
import { recordAudit, recordAuditIfChanged } from "../../db/queries/audit.queries";
import { newestId } from "../../db/alias";
import { apiTokens } from "../../db/schema";
import {
  API_SCOPES,
  grantableScopes,
  MAX_TOKEN_DAYS,
  SERVICE_SCOPES,
  TOKEN_PREFIX,
  type ApiScope,
} from "../../domain/api-scopes";
import type { Actor } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { conflict, notFound, validationError } from "../../lib/problem";
import { iso, isoOrNull } from "../../lib/time";
import { randomToken, sha256Hex } from "../../lib/tokens";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./api-tokens.routes";

/** More live tokens than this is a sign of tokens made and forgotten. */
const MAX_PERSONAL_TOKENS = 20;
const MAX_SERVICE_TOKENS = 50;
/** `ggs_` and four characters: enough to tell tokens apart, far too little to guess one. */
const PREFIX_LENGTH = TOKEN_PREFIX.length + 4;
const DAY_MS = 24 * 60 * 60 * 1000;

const view = (row: ApiTokenRow) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: (JSON.parse(row.scopes) as string[]).filter((s): s is ApiScope =>
    (API_SCOPES as readonly string[]).includes(s),
  ),
  createdAt: iso(row.createdAt),
  createdBy: row.createdByName,
  expiresAt: iso(row.expiresAt),
  lastUsedAt: isoOrNull(row.lastUsedAt),
});

type Owner = { kind: "personal"; userId: number } | { kind: "service"; agencyId: number };

/** A fresh secret and what is stored of it. */
async function newSecret() {
  const secret = `${TOKEN_PREFIX}${randomToken(32)}`;
  return { secret, tokenHash: await sha256Hex(secret), prefix: secret.slice(0, PREFIX_LENGTH) };
}

async function checkRoom(c: { var: { db: Parameters<typeof countLiveTokens>[0] } }, owner: Owner, now: number) {
  const max = owner.kind === "personal" ? MAX_PERSONAL_TOKENS : MAX_SERVICE_TOKENS;
  if ((await countLiveTokens(c.var.db, owner, now)) >= max)
    throw conflict("token.limit_reached", `At most ${max} live tokens; revoke one first`);
}

function auditOf(
  actor: Actor,
  action: "service_token.create" | "service_token.revoke",
  subjectId: number | ReturnType<typeof newestId>,
  detail: Record<string, unknown>,
  at: number,
) {
  return {
    agencyId: actor.agencyId,
    actorId: actor.userId,
    action,
    subjectType: "service_token" as const,
    subjectId,
    detail,
    at,
  };
}

export const listPersonalTokens: AppRouteHandler<typeof routes.listPersonalTokens> = async (c) => {
  const actor = actorOf(c);
  const rows = await listPersonalTokensQuery(c.var.db, actor.userId, Date.now());
  return c.json(
    { items: rows.map(view), grantableScopes: grantableScopes(actor.roles), maxExpiresInDays: MAX_TOKEN_DAYS },
    200,
  );
};

export const createPersonalToken: AppRouteHandler<typeof routes.createPersonalToken> = async (c) => {
  const actor = actorOf(c);
  const body = c.req.valid("json");
  const scopes = [...new Set(body.scopes)];
  const allowed = grantableScopes(actor.roles);
  const refused = scopes.filter((s) => !allowed.includes(s));
  if (refused.length > 0)
    throw validationError([
      {
        path: "scopes",
        message: `Your roles cannot use ${refused.join(", ")}`,
        code: "token.scope_not_permitted",
      },
    ]);
  const db = c.var.db;
  const now = Date.now();
  await checkRoom(c, { kind: "personal", userId: actor.userId }, now);
  const { secret, tokenHash, prefix } = await newSecret();
  await runBatch(db, [
    insertApiToken(db, {
      agencyId: actor.agencyId,
      kind: "personal",
      userId: actor.userId,
      name: body.name,
      tokenHash,
      prefix,
      scopes,
      createdBy: actor.userId,
      createdAt: now,
      expiresAt: now + body.expiresInDays * DAY_MS,
    }),
  ]);
  const created = await getApiTokenByHash(db, tokenHash);
  if (!created) throw notFound("token");
  return c.json({ ...view(created), secret }, 201);
};

export const revokePersonalToken: AppRouteHandler<typeof routes.revokePersonalToken> = async (c) => {
  const actor = actorOf(c);
  const id = Number(c.req.valid("param").id);
  const db = c.var.db;
  const token = await getRevocableToken(db, { kind: "personal", userId: actor.userId }, id);
  if (!token) throw notFound("token");
  await runBatch(db, [revokeApiToken(db, id, actor.userId, Date.now())]);
  return c.body(null, 204);
};

export const listServiceTokens: AppRouteHandler<typeof routes.listServiceTokens> = async (c) => {
  const actor = actorOf(c);
  const rows = await listServiceTokensQuery(c.var.db, actor.agencyId, Date.now());
  return c.json({ items: rows.map(view), grantableScopes: [...SERVICE_SCOPES], maxExpiresInDays: MAX_TOKEN_DAYS }, 200);
};

export const createServiceToken: AppRouteHandler<typeof routes.createServiceToken> = async (c) => {
  const actor = actorOf(c);
  const body = c.req.valid("json");
  const scopes = [...new Set(body.scopes)];
  const db = c.var.db;
  const now = Date.now();
  await checkRoom(c, { kind: "service", agencyId: actor.agencyId }, now);
  const { secret, tokenHash, prefix } = await newSecret();
  const expiresAt = now + body.expiresInDays * DAY_MS;
  await runBatch(db, [
    insertApiToken(db, {
      agencyId: actor.agencyId,
      kind: "service",
      userId: null,
      name: body.name,
      tokenHash,
      prefix,
      scopes,
      createdBy: actor.userId,
      createdAt: now,
      expiresAt,
    }),
    recordAudit(
      db,
      auditOf(
        actor,
        "service_token.create",
        newestId(apiTokens),
        { name: body.name, prefix, scopes, expiresAt: iso(expiresAt) },
        now,
      ),
    ),
  ]);
  const created = await getApiTokenByHash(db, tokenHash);
  if (!created) throw notFound("token");
  return c.json({ ...view(created), secret }, 201);
};

export const revokeServiceToken: AppRouteHandler<typeof routes.revokeServiceToken> = async (c) => {
  const actor = actorOf(c);
  const id = Number(c.req.valid("param").id);
  const db = c.var.db;
  const token = await getRevocableToken(db, { kind: "service", agencyId: actor.agencyId }, id);
  if (!token) throw notFound("token");
  const now = Date.now();
  await runBatch(db, [
    revokeApiToken(db, id, actor.userId, now),
    recordAuditIfChanged(
      db,
      auditOf(actor, "service_token.revoke", id, { name: token.name, prefix: token.prefix }, now),
    ),
  ]);
  return c.body(null, 204);
};
