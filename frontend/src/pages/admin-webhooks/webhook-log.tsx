import { useState } from "preact/hooks";
import { listWebhookDeliveries, type WebhookDelivery } from "../../api/webhooks";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { useResource } from "../../lib/use-resource";

type Page = { items: WebhookDelivery[]; nextCursor: string | null };

const STATE_BADGE = { sent: "badge-approved", pending: "badge-in_review", failed: "badge-rejected" } as const;

function Entry({ d }: { d: WebhookDelivery }) {
  return (
    <li class="audit-entry webhook-delivery">
      <p class="audit-head">
        <span class={`badge ${STATE_BADGE[d.state]}`}>
          <span class="badge-dot" aria-hidden="true" />
          {t(`webhooks.state.${d.state}`)}
        </span>
        <time dateTime={d.updatedAt} class="muted">
          {formatDateTime(d.updatedAt)}
        </time>
      </p>
      <p>{t(`notificationKind.${d.kind}`)}</p>
      <p class="muted">
        {t("webhooks.attempts", { count: d.attempts })}
        {d.lastStatus !== null && <> · {t("webhooks.status", { status: d.lastStatus })}</>}
        {d.nextAttemptAt && <> · {t("webhooks.nextAttempt", { time: formatDateTime(d.nextAttemptAt) })}</>}
      </p>
      {d.lastError && <p class="muted">{t("webhooks.lastError", { error: d.lastError })}</p>}
    </li>
  );
}

/** A webhook's delivery log, newest first, a page at a time. */
export function WebhookLog({ id, name }: { id: number; name: string }) {
  const [more, setMore] = useState<Page[]>([]);
  const [first, reload] = useResource((signal) => listWebhookDeliveries(id, undefined, signal), [id]);
  const loadMore = async (cursor: string) => setMore([...more, await listWebhookDeliveries(id, cursor)]);
  return (
    <section class="webhook-log" aria-label={t("webhooks.logTitle", { name })}>
      <ResourceView resource={first} loading={t("webhooks.logLoading")} onRetry={reload}>
        {(page) => {
          const pages = [page, ...more];
          const items = pages.flatMap((p) => p.items);
          const next = pages.at(-1)?.nextCursor ?? null;
          if (items.length === 0) return <p class="empty-state">{t("webhooks.logEmpty")}</p>;
          return (
            <>
              <ul class="audit-list">
                {items.map((d) => (
                  <Entry key={d.id} d={d} />
                ))}
              </ul>
              {next && (
                <button type="button" class="button button-secondary" onClick={() => void loadMore(next)}>
                  {t("webhooks.logMore")}
                </button>
              )}
            </>
          );
        }}
      </ResourceView>
    </section>
  );
}
