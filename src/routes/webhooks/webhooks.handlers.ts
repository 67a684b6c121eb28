import { runBatch } from "../../db/client";
import { recordAudit } from "../../db/queries/audit.queries";
import {
  deleteWebhookStatements,
  getWebhook,
  insertWebhook,
  listWebhookDeliveries,
  listWebhooks as listWebhooksQuery,
} from "../../db/queries/deliveries.queries";
import { newestId } from "../../db/alias";
import { webhooks } from "../../db/schema";
import { webhookUrlProblem } from "../../domain/deliveries";
import type { NotificationKind } from "../../domain/notifications";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, pageOf } from "../../lib/cursor";
import { conflict, notFound, validationError } from "../../lib/problem";
import { iso, isoOrNull } from "../../lib/time";
import { randomToken } from "../../lib/tokens";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./webhooks.routes";

/** More would be a misconfiguration, and each costs a request per notification. */
const MAX_WEBHOOKS = 20;

type Row = { id: number; name: string; url: string; kinds: string; createdAt: number };
type Counts = { pending: number; sent: number; failed: number };

const view = (row: Row, deliveries: Counts) => ({
  id: row.id,
  name: row.name,
  url: row.url,
  kinds: JSON.parse(row.kinds) as NotificationKind[],
  createdAt: iso(row.createdAt),
  deliveries,
});

export const listWebhooks: AppRouteHandler<typeof routes.listWebhooks> = async (c) => {
  const actor = actorOf(c);
  const rows = await listWebhooksQuery(c.var.db, actor.agencyId);
  return c.json({ items: rows.map(({ pending, sent, failed, ...row }) => view(row, { pending, sent, failed })) }, 200);
};

export const createWebhook: AppRouteHandler<typeof routes.createWebhook> = async (c) => {
  const actor = actorOf(c);
  const body = c.req.valid("json");
  const problem = webhookUrlProblem(body.url);
  if (problem)
    throw validationError([
      {
        path: "url",
        message: problem === "webhook.url_not_https" ? "Use an HTTPS URL" : "Not a URL",
        code: problem,
      },
    ]);
  const db = c.var.db;
  if ((await listWebhooksQuery(db, actor.agencyId)).length >= MAX_WEBHOOKS)
    throw conflict("webhook.limit_reached", `An agency has at most ${MAX_WEBHOOKS} webhooks`);
  const now = Date.now();
  const secret = `whsec_${randomToken(32)}`;
  const kinds = [...new Set(body.kinds)];
  await runBatch(db, [
    insertWebhook(db, actor.agencyId, actor.userId, { name: body.name, url: body.url, kinds, secret }, now),
    recordAudit(db, {
      agencyId: actor.agencyId,
      actorId: actor.userId,
      action: "webhook.create",
      subjectType: "webhook",
      subjectId: newestId(webhooks),
      detail: { name: body.name, url: body.url, kinds },
      at: now,
    }),
  ]);
  const created = (await listWebhooksQuery(db, actor.agencyId)).at(-1);
  if (!created) throw notFound("webhook");
  return c.json({ ...view(created, { pending: 0, sent: 0, failed: 0 }), secret }, 201);
};

export const deleteWebhook: AppRouteHandler<typeof routes.deleteWebhook> = async (c) => {
  const actor = actorOf(c);
  const id = Number(c.req.valid("param").id);
  const db = c.var.db;
  const hook = await getWebhook(db, actor.agencyId, id);
  if (!hook) throw notFound("webhook");
  const now = Date.now();
  await runBatch(db, [
    ...deleteWebhookStatements(db, actor.agencyId, id, now),
    recordAudit(db, {
      agencyId: actor.agencyId,
      actorId: actor.userId,
      action: "webhook.delete",
      subjectType: "webhook",
      subjectId: id,
      detail: { name: hook.name, url: hook.url },
      at: now,
    }),
  ]);
  return c.body(null, 204);
};

export const listDeliveries: AppRouteHandler<typeof routes.listDeliveries> = async (c) => {
  const actor = actorOf(c);
  const id = Number(c.req.valid("param").id);
  const { cursor, limit } = c.req.valid("query");
  const db = c.var.db;
  if (!(await getWebhook(db, actor.agencyId, id))) throw notFound("webhook");
  const before = cursor ? decodeCursor(cursor, ["number"] as const)[0] : undefined;
  const page = pageOf(await listWebhookDeliveries(db, id, limit, before), limit, (r) => [r.id]);
  return c.json(
    {
      items: page.items.map((d) => ({
        ...d,
        kind: d.kind as NotificationKind,
        nextAttemptAt: d.state === "pending" ? isoOrNull(d.nextAttemptAt) : null,
        createdAt: iso(d.createdAt),
        updatedAt: iso(d.updatedAt),
      })),
      nextCursor: page.nextCursor,
    },
    200,
  );
};
