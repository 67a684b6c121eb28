import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { t } from "../i18n";
import { NOTIFICATIONS_PATH } from "../lib/notification-paths";
import { session } from "../models/session";
import { pollUnreadCount, unreadCount } from "../models/unread-count";

function BellIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false" class="bell-icon">
      <path d="M6 10a6 6 0 0 1 12 0c0 4.5 1.5 6.5 2.5 7.5h-17C4.5 16.5 6 14.5 6 10Z" />
      <path d="M10 20.5a2.2 2.2 0 0 0 4 0" />
    </svg>
  );
}

/**
 * The bell in the header: a link to `/notifikasi` with the unread count, polled every minute while
 * the tab is visible. When the count grows, a polite live region says so once.
 */
export function NotificationBell() {
  const { path } = useLocation();
  const signedIn = session.value.kind === "signed-in";
  const userId = session.value.kind === "signed-in" ? session.value.user.id : null;
  const count = unreadCount.value;
  const previous = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => (userId === null ? undefined : pollUnreadCount()), [userId]);

  useEffect(() => {
    const before = previous.current;
    previous.current = count;
    if (count !== null && before !== null && count > before) {
      const added = count - before;
      setAnnouncement(
        added === 1
          ? t("notifications.announceOne", { total: count })
          : t("notifications.announceNew", { count: added, total: count }),
      );
    }
  }, [count]);

  if (!signedIn) return null;
  const shown = count === null ? null : count > 99 ? "99+" : String(count);
  return (
    <div class="bell">
      <a class="bell-link" href={NOTIFICATIONS_PATH} aria-current={path === NOTIFICATIONS_PATH ? "page" : undefined}>
        <BellIcon />
        <span class="visually-hidden">{t("notifications.bell")}</span>
        {shown !== null && count !== 0 && (
          <span class="bell-count">
            {shown}
            <span class="visually-hidden"> {t("notifications.unreadSuffix")}</span>
          </span>
        )}
      </a>
      <span class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
