import { and, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  campaignMembers,
  campaignPhaseEvents,
  campaigns,
  NOT_ANNOUNCED_LAST,
  notificationMutes,
  notifications,
} from "../schema";
import { IGNORE_DUPLICATE_NOTIFICATIONS, INSERT_NOTIFICATION, notMuted } from "./notification-insert";

/** A person's notifications, newest first, by keyset on id. */
export function listNotifications(
  db: Database,
  userId: number,
  limit: number,
  options: { before?: number; unreadOnly?: boolean } = {},
) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      payload: notifications.payload,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        options.before === undefined ? undefined : lt(notifications.id, options.before),
        options.unreadOnly ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(limit + 1);
}

/** The bell's number: reads O(unread) through the (user, read_at) index. */
export async function countUnread(db: Database, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the given notifications (or all) of this person as read; another person's ids change nothing. */
export function markRead(db: Database, userId: number, ids: number[] | "all", now: number) {
  return db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === "all" ? undefined : inArray(notifications.id, ids),
      ),
    );
}

export async function listMutedKinds(db: Database, userId: number): Promise<string[]> {
  const rows = await db
    .select({ kind: notificationMutes.kind })
    .from(notificationMutes)
    .where(eq(notificationMutes.userId, userId));
  return rows.map((r) => r.kind);
}

export function replaceMutedKinds(db: Database, userId: number, kinds: string[]) {
  return [
    db.delete(notificationMutes).where(eq(notificationMutes.userId, userId)),
    ...(kinds.length > 0 ? [db.insert(notificationMutes).values(kinds.map((kind) => ({ userId, kind })))] : []),
  ];
}

/**
 * Competitions still in play (announced less than 30 days ago), with the phases already recorded:
 * the recorded phases of those campaigns only (by primary key), not every phase ever recorded.
 */
export async function listSchedules(db: Database, now: number) {
  const inPlay = and(
    eq(campaigns.kind, "competition"),
    // one range of `campaigns_in_play`: not announced yet, or announced in the last 30 days
    sql`${sql.raw(NOT_ANNOUNCED_LAST)} > ${now - 30 * 86_400_000}`,
  );
  const [rows, recorded] = await db.batch([
    db.select().from(campaigns).where(inPlay),
    db
      .select({ campaignId: campaignPhaseEvents.campaignId, phase: campaignPhaseEvents.phase })
      .from(campaignPhaseEvents)
      .where(inArray(campaignPhaseEvents.campaignId, db.select({ id: campaigns.id }).from(campaigns).where(inPlay))),
  ]);
  return { campaigns: rows, recorded: new Set(recorded.map((r) => `${r.campaignId}:${r.phase}`)) };
}

/**
 * Records that a campaign entered `phase` and tells its chairs, once: the phase row's primary key
 * makes a second run a no-op, and the notifications are only written while the row is missing.
 */
export function recordPhaseStatements(
  db: Database,
  c: { id: number; agencyId: number; title: string },
  phase: string,
  now: number,
) {
  return [
    db.run(sql`${INSERT_NOTIFICATION}
      SELECT ${c.agencyId}, ${campaignMembers.userId}, 'campaign_phase', json_object('campaignId', ${c.id}, 'title', ${c.title}, 'phase', ${phase}),
        'phase:' || ${c.id} || ':' || ${phase} || ':' || ${campaignMembers.userId}, ${now}
      FROM ${campaignMembers}
      WHERE ${campaignMembers.campaignId} = ${c.id} AND ${campaignMembers.role} = 'chair'
        AND NOT EXISTS (SELECT 1 FROM ${campaignPhaseEvents} WHERE ${campaignPhaseEvents.campaignId} = ${c.id} AND ${campaignPhaseEvents.phase} = ${phase})
        AND ${notMuted(campaignMembers.userId, "campaign_phase")}
      ${IGNORE_DUPLICATE_NOTIFICATIONS}`),
    db.insert(campaignPhaseEvents).values({ campaignId: c.id, phase, at: now }).onConflictDoNothing(),
  ];
}
