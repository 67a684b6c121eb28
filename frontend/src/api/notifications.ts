import { api, signalled } from "./client";
import { readJson } from "./read-json";

const notifications = api.api.v1.notifications;

/** A page of my notifications, newest first, with the unread count. */
export async function listNotifications(cursor?: string, limit = 30) {
  return readJson(await notifications.$get({ query: { ...(cursor ? { cursor } : {}), limit: String(limit) } }));
}

export type NotificationPage = Awaited<ReturnType<typeof listNotifications>>;
export type AppNotification = NotificationPage["items"][number];
export type NotificationKind = AppNotification["kind"];

/** The number on the bell. */
export async function getUnreadCount(): Promise<number> {
  return (await readJson(await notifications["unread-count"].$get())).count;
}

/** Marks some notifications, or all of them, read; answers the unread count afterwards. */
export async function markNotificationsRead(which: { ids: number[] } | { all: true }): Promise<number> {
  return (await readJson(await notifications.read.$post({ json: which }))).count;
}

/** Every kind, on or off. */
export async function getNotificationPreferences(signal?: AbortSignal) {
  return (await readJson(await notifications.preferences.$get(undefined, signalled(signal)))).kinds;
}

export type NotificationPreference = Awaited<ReturnType<typeof getNotificationPreferences>>[number];

export type NotificationChannel = NotificationPreference["channel"];

/**
 * Mutes exactly `muted` (every other kind is on) and sets the channels given. Answers the preferences as stored.
 * @throws ApiProblem 422 `notification.channel_unavailable`
 */
export async function putNotificationPreferences(
  muted: NotificationKind[],
  channels: { kind: NotificationKind; channel: NotificationChannel }[] = [],
) {
  return (await readJson(await notifications.preferences.$put({ json: { muted, channels } }))).kinds;
}

/** The badge catalogue, for the names of badges in "you earned a badge" notifications. */
export async function listBadges() {
  return (await readJson(await api.api.v1.rewards.badges.$get())).items;
}

export type BadgeInfo = Awaited<ReturnType<typeof listBadges>>[number];
