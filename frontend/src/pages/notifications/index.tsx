import { useEffect, useState } from "preact/hooks";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { focusIfLost } from "../../lib/focus-if-lost";
import { NOTIFICATION_SETTINGS_PATH } from "../../lib/notification-paths";
import { usePageTitle } from "../../lib/use-page-title";
import { loadBadgeCatalogue, markAllRead, markRead, notificationList } from "../../models/notifications";
import { unreadCount } from "../../models/unread-count";
import { NotificationItem } from "./notification-item";
import "../../styles/ideas.css";
import "../../styles/notifications.css";

const load = () => void notificationList.load("all", true);

function NotificationList() {
  useEffect(load, []);
  const [busy, setBusy] = useState<number | "all" | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState("");
  const state = notificationList.state.value;
  const hasBadge = state.kind === "ready" && state.items.some((n) => n.kind === "badge_earned");
  useEffect(() => {
    if (hasBadge) loadBadgeCatalogue();
  }, [hasBadge]);

  async function run(which: number | "all") {
    if (busy !== null) return;
    setBusy(which);
    setProblem(null);
    try {
      if (which === "all") {
        await markAllRead();
        setDone(t("notifications.allReadDone"));
      } else await markRead(which);
      focusIfLost(which === "all" ? "notifications-count" : `notification-${which}`);
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(null);
    }
  }

  if (state.kind === "loading") return <Loading label={t("notifications.loading")} />;
  if (state.kind === "problem") return <ProblemMessage problem={state.problem} onRetry={load} />;
  const unread = unreadCount.value ?? state.items.filter((n) => n.readAt === null).length;
  return (
    <>
      <div class="notifications-bar">
        <p class="notifications-count" id="notifications-count" tabIndex={-1}>
          {unread === 0 ? t("notifications.noneUnread") : t("notifications.unreadCount", { count: unread })}
        </p>
        {unread > 0 && (
          <button
            type="button"
            class="button button-secondary"
            aria-disabled={busy !== null ? "true" : undefined}
            onClick={() => void run("all")}
          >
            {busy === "all" ? t("idea.working") : t("notifications.markAllRead")}
          </button>
        )}
      </div>
      <p class="visually-hidden" role="status">
        {done}
      </p>
      {problem && <ProblemMessage problem={problem} />}
      {state.items.length === 0 ? (
        <div class="empty-state">
          <h2>{t("notifications.emptyTitle")}</h2>
          <p>{t("notifications.emptyText")}</p>
        </div>
      ) : (
        <ul class="notification-list">
          {state.items.map((n) => (
            <NotificationItem key={n.id} notification={n} busy={busy !== null} onRead={(id) => void run(id)} />
          ))}
        </ul>
      )}
      {state.nextCursor && (
        <div class="load-more">
          {typeof state.more === "object" && <ProblemMessage problem={state.more} />}
          <button
            type="button"
            class="button button-secondary"
            aria-disabled={state.more === "loading" ? "true" : undefined}
            onClick={() => void notificationList.loadMore()}
          >
            {state.more === "loading" ? t("notifications.loadingMore") : t("notifications.loadMore")}
          </button>
        </div>
      )}
    </>
  );
}

/** `/notifikasi`: my notifications, newest first, each leading to what it is about. */
export default function NotificationsPage() {
  usePageTitle("notifications.title");
  return (
    <div class="notifications-page">
      <header class="page-head">
        <div>
          <h1>{t("notifications.title")}</h1>
          <p class="lead">{t("notifications.lead")}</p>
        </div>
        <a class="button button-secondary" href={NOTIFICATION_SETTINGS_PATH}>
          {t("notifications.settingsLink")}
        </a>
      </header>
      <RequireSignIn>{() => <NotificationList />}</RequireSignIn>
    </div>
  );
}
