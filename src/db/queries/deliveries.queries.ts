/**
 * The queue of messages that leave the app (Web Push, webhooks). Rows are written by
 * {@link enqueueDeliveryStatements}, which every batch that inserts notifications ends with: the
 * notifications past the `deliveries` watermark get one row per push subscription of their person
 * and per webhook of their agency that takes their kind, and the watermark moves — in the same
 * transaction, so a notification is never without its deliveries and never queued twice (the
 * dedupe key is unique besides). The scheduler claims due rows, sends them and records the outcome.
 */
import { and, asc, desc, eq, inArray, lt, lte, notInArray, sql } from "drizzle-orm";
import { DRAIN_BATCH, LEASE_MS, MAX_PUSH_SUBSCRIPTIONS } from "../../domain/deliveries";
import { alias } from "drizzle-orm/sqlite-core";
import { as } from "../alias";
import type { Database, Statement } from "../client";
import { bare, columnList, qualified } from "../raw";
import { agencies, deliveries, notifications, pushSubscriptions, users, webhooks } from "../schema";
import { sourceWindow } from "./watermarks";

const NOW = sql`(unixepoch('subsec') * 1000)`;
const [n, s, h, d] = [
  alias(notifications, "n"),
  alias(pushSubscriptions, "s"),
  alias(webhooks, "h"),
  alias(deliveries, "d"),
];

/**
 * Queues the push and webhook deliveries of the notifications inserted before it in the batch,
 * due from the notification's time (so the run that derived it sends it).
 * Put these statements last in any batch that inserts notifications.
 */
export function enqueueDeliveryStatements(db: Database): Statement[] {
  const w = sourceWindow("deliveries", { table: notifications, key: notifications.id, as: n });
  const insert = sql`INSERT INTO ${deliveries} (${columnList(
    deliveries.agencyId,
    deliveries.channel,
    deliveries.notificationId,
    deliveries.subscriptionId,
    deliveries.webhookId,
    deliveries.dedupeKey,
    deliveries.nextAttemptAt,
    deliveries.createdAt,
    deliveries.updatedAt,
  )})`;
  const ignoreDuplicates = sql`ON CONFLICT(${bare(deliveries.dedupeKey)}) DO NOTHING`;
  return [
    db.run(sql`${insert}
      SELECT ${n.agencyId}, 'push', ${n.id}, ${s.id}, NULL, 'push:' || ${n.id} || ':' || ${s.id}, min(${n.createdAt}, ${NOW}), ${NOW}, ${NOW}
      FROM ${notifications} ${n} JOIN ${pushSubscriptions} ${s} ON ${s.userId} = ${n.userId}
      WHERE ${w.where}
      ${ignoreDuplicates}`),
    db.run(sql`${insert}
      SELECT ${n.agencyId}, 'webhook', ${n.id}, NULL, ${h.id}, 'webhook:' || ${n.id} || ':' || ${h.id}, min(${n.createdAt}, ${NOW}), ${NOW}, ${NOW}
      FROM ${notifications} ${n} JOIN ${webhooks} ${h} ON ${h.agencyId} = ${n.agencyId} AND ${h.deletedAt} IS NULL
      WHERE ${w.where} AND EXISTS (SELECT 1 FROM json_each(${h.kinds}) k WHERE k.value = ${n.kind})
      ${ignoreDuplicates}`),
    db.run(w.advance),
  ];
}

/**
 * Takes up to DRAIN_BATCH due deliveries for one try: counts the try and leases the rows (pushes
 * their next try LEASE_MS out) in one statement, so an overlapping run cannot take them too and a
 * run that dies mid-way leaves them to be retried.
 */
export function claimDueDeliveries(db: Database, now: number, limit = DRAIN_BATCH) {
  const due = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.state, "pending"), lte(deliveries.nextAttemptAt, now)))
    .orderBy(asc(deliveries.nextAttemptAt))
    .limit(limit);
  return db
    .update(deliveries)
    .set({ attempts: sql`${deliveries.attempts} + 1`, nextAttemptAt: now + LEASE_MS, updatedAt: now })
    .where(and(inArray(deliveries.id, due), eq(deliveries.state, "pending"), lte(deliveries.nextAttemptAt, now)))
    .returning({ id: deliveries.id });
}

/** What a claimed delivery needs to be sent: the notification, its person and agency, the target. */
export function listClaimedDeliveries(db: Database, ids: number[]) {
  return db
    .select({
      id: deliveries.id,
      channel: deliveries.channel,
      attempts: deliveries.attempts,
      dedupeKey: deliveries.dedupeKey,
      notificationId: as(notifications.id, "notification_id"),
      kind: notifications.kind,
      payload: notifications.payload,
      createdAt: as(notifications.createdAt, "notification_created_at"),
      userId: as(users.id, "user_id"),
      userName: as(users.name, "user_name"),
      userEmail: users.email,
      agencyId: as(agencies.id, "agency_id"),
      agencySlug: agencies.slug,
      subscriptionId: as(pushSubscriptions.id, "subscription_id"),
      endpoint: pushSubscriptions.endpoint,
      p256dh: pushSubscriptions.p256dh,
      auth: pushSubscriptions.auth,
      webhookId: as(webhooks.id, "webhook_id"),
      webhookUrl: webhooks.url,
      webhookSecret: webhooks.secret,
      webhookDeletedAt: webhooks.deletedAt,
    })
    .from(deliveries)
    .innerJoin(notifications, eq(notifications.id, deliveries.notificationId))
    .innerJoin(users, eq(users.id, notifications.userId))
    .innerJoin(agencies, eq(agencies.id, deliveries.agencyId))
    .leftJoin(pushSubscriptions, eq(pushSubscriptions.id, deliveries.subscriptionId))
    .leftJoin(webhooks, eq(webhooks.id, deliveries.webhookId))
    .where(inArray(deliveries.id, ids));
}

export type DeliveryResult = {
  id: number;
  state: "sent" | "pending" | "failed";
  nextAttemptAt: number;
  status: number | null;
  error: string | null;
};

/** Records one try's outcome. */
export function recordDeliveryResult(db: Database, r: DeliveryResult, now: number) {
  return db
    .update(deliveries)
    .set({ state: r.state, nextAttemptAt: r.nextAttemptAt, lastStatus: r.status, lastError: r.error, updatedAt: now })
    .where(eq(deliveries.id, r.id));
}

/** A browser the push service no longer knows: the subscription goes, and its queued messages with it. */
export function forgetPushSubscriptionStatements(db: Database, subscriptionId: number): Statement[] {
  return [
    db.delete(deliveries).where(eq(deliveries.subscriptionId, subscriptionId)),
    db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, subscriptionId)),
  ];
}

// ── Push subscriptions ──────────────────────────────────────────────────────────────────────

export type NewPushSubscription = { endpoint: string; p256dh: string; auth: string };

/**
 * Saves this browser's subscription for this person. A browser another person used before moves to
 * this one, and what was still queued for the other person is dropped (never shown to the wrong one).
 */
export function savePushSubscriptionStatements(
  db: Database,
  actor: { userId: number; agencyId: number },
  sub: NewPushSubscription,
  now: number,
): Statement[] {
  const other = and(eq(pushSubscriptions.endpoint, sub.endpoint), sql`${pushSubscriptions.userId} <> ${actor.userId}`);
  return [
    db
      .delete(deliveries)
      .where(
        inArray(
          deliveries.subscriptionId,
          db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(other),
        ),
      ),
    db.delete(pushSubscriptions).where(other),
    db
      .insert(pushSubscriptions)
      .values({ agencyId: actor.agencyId, userId: actor.userId, ...sub, createdAt: now })
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { p256dh: sub.p256dh, auth: sub.auth } }),
    // past MAX_PUSH_SUBSCRIPTIONS browsers, the oldest stop receiving
    db.delete(deliveries).where(inArray(deliveries.subscriptionId, beyondNewest(db, actor.userId))),
    db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, beyondNewest(db, actor.userId))),
  ];
}

/** A person's subscriptions older than their MAX_PUSH_SUBSCRIPTIONS newest. */
const beyondNewest = (db: Database, userId: number) =>
  db
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.userId, userId),
        notInArray(
          pushSubscriptions.id,
          db
            .select({ id: pushSubscriptions.id })
            .from(pushSubscriptions)
            .where(eq(pushSubscriptions.userId, userId))
            .orderBy(desc(pushSubscriptions.id))
            .limit(MAX_PUSH_SUBSCRIPTIONS),
        ),
      ),
    );

export function listPushSubscriptions(db: Database, userId: number) {
  return db
    .select({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint, createdAt: pushSubscriptions.createdAt })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(asc(pushSubscriptions.id));
}

export async function getPushSubscriptionOwner(db: Database, id: number) {
  const [row] = await db
    .select({ userId: pushSubscriptions.userId, agencyId: pushSubscriptions.agencyId })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.id, id));
  return row ?? null;
}

// ── Webhooks ────────────────────────────────────────────────────────────────────────────────

export type NewWebhook = { name: string; url: string; kinds: string[]; secret: string };

export function insertWebhook(db: Database, agencyId: number, actorId: number, hook: NewWebhook, now: number) {
  return db.insert(webhooks).values({
    agencyId,
    name: hook.name,
    url: hook.url,
    kinds: JSON.stringify(hook.kinds),
    secret: hook.secret,
    createdBy: actorId,
    createdAt: now,
  });
}

const webhookColumns = {
  id: webhooks.id,
  name: webhooks.name,
  url: webhooks.url,
  kinds: webhooks.kinds,
  createdAt: webhooks.createdAt,
};

/** The agency's live webhooks, with how their deliveries stand. */
export function listWebhooks(db: Database, agencyId: number) {
  const count = (state: "pending" | "sent" | "failed") =>
    sql<number>`(SELECT count(*) FROM ${deliveries} ${d} WHERE ${qualified(d.webhookId)} = ${qualified(webhooks.id)} AND ${qualified(d.state)} = ${state})`.as(
      `${state}_count`,
    );
  return db
    .select({ ...webhookColumns, pending: count("pending"), sent: count("sent"), failed: count("failed") })
    .from(webhooks)
    .where(and(eq(webhooks.agencyId, agencyId), sql`${webhooks.deletedAt} IS NULL`))
    .orderBy(asc(webhooks.id));
}

/** A live webhook of the agency, or null (another agency's answers null too). */
export async function getWebhook(db: Database, agencyId: number, id: number) {
  const [row] = await db
    .select(webhookColumns)
    .from(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.agencyId, agencyId), sql`${webhooks.deletedAt} IS NULL`));
  return row ?? null;
}

/** Stops a webhook: nothing more is queued for it and what is queued is not sent; its log stays. */
export function deleteWebhookStatements(db: Database, agencyId: number, id: number, now: number): Statement[] {
  return [
    db
      .update(webhooks)
      .set({ deletedAt: now })
      .where(and(eq(webhooks.id, id), eq(webhooks.agencyId, agencyId), sql`${webhooks.deletedAt} IS NULL`)),
    db
      .update(deliveries)
      .set({ state: "failed", lastError: "webhook deleted", updatedAt: now })
      .where(and(eq(deliveries.webhookId, id), eq(deliveries.state, "pending"))),
  ];
}

/** A webhook's delivery log, newest first, by keyset on id. */
export function listWebhookDeliveries(db: Database, webhookId: number, limit: number, before?: number) {
  return db
    .select({
      id: deliveries.id,
      kind: notifications.kind,
      state: deliveries.state,
      attempts: deliveries.attempts,
      lastStatus: deliveries.lastStatus,
      lastError: deliveries.lastError,
      nextAttemptAt: deliveries.nextAttemptAt,
      createdAt: deliveries.createdAt,
      updatedAt: deliveries.updatedAt,
    })
    .from(deliveries)
    .innerJoin(notifications, eq(notifications.id, deliveries.notificationId))
    .where(and(eq(deliveries.webhookId, webhookId), before === undefined ? undefined : lt(deliveries.id, before)))
    .orderBy(desc(deliveries.id))
    .limit(limit + 1);
}
