import { signal } from "@preact/signals";
import {
  listBadges,
  listNotifications,
  markNotificationsRead,
  type AppNotification,
  type BadgeInfo,
} from "../api/notifications";
import { createPagedList } from "./paged-list";
import { setUnreadCount } from "./unread-count";

/** My notifications on `/notifikasi`; every page read also refreshes the bell's count. */
export const notificationList = createPagedList(
  async (_query: "all", cursor?: string) => {
    const page = await listNotifications(cursor);
    setUnreadCount(page.unreadCount);
    return page;
  },
  () => "all",
);

/** The badge catalogue, asked once when a badge notification is shown. */
export const badgeCatalogue = signal<BadgeInfo[]>([]);
let badgesAsked = false;

export function loadBadgeCatalogue(): void {
  if (badgesAsked) return;
  badgesAsked = true;
  listBadges()
    .then((items) => (badgeCatalogue.value = items))
    .catch(() => {
      badgesAsked = false;
    });
}

/** Marks the shown items read once the server did; `ids` null means all of them. */
function showRead(ids: readonly number[] | null, at: string): void {
  const state = notificationList.state.value;
  if (state.kind !== "ready") return;
  const items = state.items.map((n): AppNotification =>
    n.readAt === null && (ids === null || ids.includes(n.id)) ? { ...n, readAt: at } : n,
  );
  notificationList.state.value = { ...state, items };
}

/** Marks one notification read (when it is opened or its button pressed). @throws ApiProblem */
export async function markRead(id: number): Promise<void> {
  const count = await markNotificationsRead({ ids: [id] });
  setUnreadCount(count);
  showRead([id], new Date().toISOString());
}

/** Marks every notification read. @throws ApiProblem */
export async function markAllRead(): Promise<void> {
  const count = await markNotificationsRead({ all: true });
  setUnreadCount(count);
  showRead(null, new Date().toISOString());
}
