import { runBatch } from "../../db/client";
import {
  forgetPushSubscriptionStatements,
  getPushSubscriptionOwner,
  listPushSubscriptions,
  savePushSubscriptionStatements,
} from "../../db/queries/deliveries.queries";
import { pushEndpointAllowed } from "../../domain/deliveries";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError, notFound, validationError } from "../../lib/problem";
import { iso } from "../../lib/time";
import { vapidPublicKey } from "../../lib/web-push";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./push.routes";

export const getConfig: AppRouteHandler<typeof routes.getConfig> = async (c) => {
  actorOf(c);
  return c.json({ publicKey: vapidPublicKey(c.env) }, 200);
};

export const listSubscriptions: AppRouteHandler<typeof routes.listSubscriptions> = async (c) => {
  const actor = actorOf(c);
  const rows = await listPushSubscriptions(c.var.db, actor.userId);
  return c.json({ items: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) })) }, 200);
};

export const saveSubscription: AppRouteHandler<typeof routes.saveSubscription> = async (c) => {
  const actor = actorOf(c);
  const body = c.req.valid("json");
  if (!vapidPublicKey(c.env)) throw new ApiError(409, "push.not_configured", "This deployment sends no push");
  if (!pushEndpointAllowed(body.endpoint))
    throw validationError([
      { path: "endpoint", message: "Not the HTTPS address of a known push service", code: "push.endpoint_invalid" },
    ]);
  const db = c.var.db;
  await runBatch(
    db,
    savePushSubscriptionStatements(
      db,
      actor,
      { endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth },
      Date.now(),
    ),
  );
  const saved = (await listPushSubscriptions(db, actor.userId)).find((s) => s.endpoint === body.endpoint);
  if (!saved) throw notFound("push subscription");
  return c.json({ ...saved, createdAt: iso(saved.createdAt) }, 200);
};

export const deleteSubscription: AppRouteHandler<typeof routes.deleteSubscription> = async (c) => {
  const actor = actorOf(c);
  const id = Number(c.req.valid("param").id);
  const owner = await getPushSubscriptionOwner(c.var.db, id);
  // another person's browser is as unknown as a missing one
  if (!owner || owner.userId !== actor.userId) throw notFound("push subscription");
  await runBatch(c.var.db, forgetPushSubscriptionStatements(c.var.db, id));
  return c.body(null, 204);
};
