import type { AppNotification } from "../../api/notifications";
import { t } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { formatRelative } from "../../lib/relative-time";
import { badgeCatalogue } from "../../models/notifications";
import { viewOf } from "./notification-text";

type Props = { notification: AppNotification; busy: boolean; onRead: (id: number) => void };

/** One notification: its sentence (a link where it leads somewhere), when, and "mark read" while unread. */
export function NotificationItem({ notification: n, busy, onRead }: Props) {
  const view = viewOf(n, badgeCatalogue.value);
  const unread = n.readAt === null;
  return (
    <li class={`notification${unread ? " notification-unread" : ""}`}>
      <span class="notification-dot" aria-hidden="true" />
      <div class="notification-body">
        <p class="notification-text" id={`notification-${n.id}`} tabIndex={-1}>
          {unread && <span class="visually-hidden">{t("notifications.unread")}: </span>}
          {view.href ? (
            <a href={view.href} onClick={() => unread && onRead(n.id)}>
              {view.text}
            </a>
          ) : (
            view.text
          )}
        </p>
        {view.detail && <p class="notification-detail">{view.detail}</p>}
        <p class="notification-time">
          <time dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
            {formatRelative(n.createdAt)}
          </time>
        </p>
      </div>
      {unread && (
        <button
          type="button"
          class="link-button notification-mark"
          aria-label={t("notifications.markReadLabel", { text: view.text })}
          aria-disabled={busy ? "true" : undefined}
          onClick={() => onRead(n.id)}
        >
          {t("notifications.markRead")}
        </button>
      )}
    </li>
  );
}
