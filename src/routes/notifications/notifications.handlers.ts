import { runBatch } from "../../db/client";
import {
  countUnread,
  listMutedKinds,
  listNotifications,
  markRead as markReadQuery,
  replaceMutedKinds,
} from "../../db/queries/notifications.queries";
import { PROPOSING_TEAM, type Blindfold } from "../../domain/blind-review";
import {
  DEFAULT_CHANNEL,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
} from "../../domain/notifications";
import { channelsOf } from "../../domain/outbox";
import { listChannels, setChannels } from "../../db/queries/outbox.queries";
import { validationError } from "../../lib/problem";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, pageOf } from "../../lib/cursor";
import { iso, isoOrNull } from "../../lib/time";
import { actorOf } from "../../middlewares/guard";
import { blindfoldsFor } from "../ideas/ideas.blindfold";
import type * as routes from "./notifications.routes";

type Payload = Record<string, unknown>;

const ideaOf = (payload: Payload) => (typeof payload.ideaId === "number" ? payload.ideaId : null);

/** A notification about an idea the reader reviews blind names no one of its team, as its writer or in a reason. */
function blindPayload(payload: Payload, fold: Blindfold): Payload {
  if (!fold.blind) return payload;
  const actor = typeof payload.actorName === "string" ? payload.actorName : null;
  return {
    ...payload,
    ...(actor !== null && fold.hides({ name: actor }) ? { actorName: PROPOSING_TEAM, proposingTeam: true } : {}),
    ...(typeof payload.reason === "string" ? { reason: fold.text(payload.reason) } : {}),
  };
}

const preferences = (muted: string[], chosen: { kind: string; channel: NotificationChannel }[]) => ({
  kinds: NOTIFICATION_KINDS.map((kind) => {
    const channels = channelsOf(kind);
    const mine = chosen.find((c) => c.kind === kind)?.channel;
    return {
      kind,
      enabled: !muted.includes(kind),
      channel: mine && channels.includes(mine) ? mine : DEFAULT_CHANNEL[kind],
      channels,
    };
  }),
});

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const actor = actorOf(c);
  const { cursor, limit, unread } = c.req.valid("query");
  const db = c.var.db;
  const before = cursor ? decodeCursor(cursor, ["number"] as const)[0] : undefined;
  const [rows, unreadCount] = await Promise.all([
    listNotifications(db, actor.userId, limit, {
      ...(before !== undefined ? { before } : {}),
      unreadOnly: unread === "true",
    }),
    countUnread(db, actor.userId),
  ]);
  const page = pageOf(rows, limit, (r) => [r.id]);
  const payloads = page.items.map((n) => JSON.parse(n.payload) as Payload);
  const folds = await blindfoldsFor(
    db,
    actor,
    payloads.map(ideaOf).filter((id) => id !== null),
  );
  return c.json(
    {
      items: page.items.map((n, i) => ({
        id: n.id,
        kind: n.kind as NotificationKind,
        payload: blindPayload(payloads[i]!, folds(ideaOf(payloads[i]!) ?? 0)),
        createdAt: iso(n.createdAt),
        readAt: isoOrNull(n.readAt),
      })),
      nextCursor: page.nextCursor,
      unreadCount,
    },
    200,
  );
};

export const unreadCount: AppRouteHandler<typeof routes.unreadCount> = async (c) => {
  const actor = actorOf(c);
  return c.json({ count: await countUnread(c.var.db, actor.userId) }, 200);
};

export const markRead: AppRouteHandler<typeof routes.markRead> = async (c) => {
  const actor = actorOf(c);
  const body = c.req.valid("json");
  await markReadQuery(c.var.db, actor.userId, "ids" in body ? body.ids : "all", Date.now());
  return c.json({ count: await countUnread(c.var.db, actor.userId) }, 200);
};

export const getPreferences: AppRouteHandler<typeof routes.getPreferences> = async (c) => {
  const actor = actorOf(c);
  const [muted, chosen] = await Promise.all([
    listMutedKinds(c.var.db, actor.userId),
    listChannels(c.var.db, actor.userId),
  ]);
  return c.json(preferences(muted, chosen), 200);
};

export const putPreferences: AppRouteHandler<typeof routes.putPreferences> = async (c) => {
  const actor = actorOf(c);
  const body = c.req.valid("json");
  const muted = [...new Set(body.muted)];
  const changes = body.channels ?? [];
  const unavailable = changes.flatMap((c, i) =>
    channelsOf(c.kind).includes(c.channel)
      ? []
      : [
          {
            path: `json.channels.${i}.channel`,
            code: "notification.channel_unavailable",
            message: `${c.kind} cannot be delivered by ${c.channel}`,
          },
        ],
  );
  if (unavailable.length > 0) throw validationError(unavailable);
  const db = c.var.db;
  await runBatch(db, [
    ...replaceMutedKinds(db, actor.userId, muted),
    ...(changes.length > 0 ? [setChannels(db, actor.userId, changes)] : []),
  ]);
  return c.json(preferences(muted, await listChannels(db, actor.userId)), 200);
};
