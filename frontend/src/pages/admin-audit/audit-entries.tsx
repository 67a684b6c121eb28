import { listAuditLog, type AuditEntry, type AuditFilter } from "../../api/audit";
import { ResourceView } from "../../components/resource-view";
import { hasMessage, t } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { useResource } from "../../lib/use-resource";
import { labelOf } from "../admin-rules/rule-label";

type Page = { items: AuditEntry[]; nextCursor: string | null };

/** "akun", "ide": what a row is about, in words; a kind the SPA does not know yet reads as its code. */
const subjectName = (type: string) => {
  const key = `auditSubject.${type}`;
  return hasMessage(key) ? t(key as "auditSubject.user") : type;
};

function Entry({ entry }: { entry: AuditEntry }) {
  const at = new Date(entry.at).toISOString();
  const detail = Object.keys(entry.detail).length > 0 ? JSON.stringify(entry.detail, null, 2) : null;
  return (
    <li class="audit-entry">
      <p class="audit-head">
        <strong>{labelOf(entry.label)}</strong>
        <time dateTime={at} class="muted">
          {formatDateTime(at)}
        </time>
      </p>
      <p class="muted">
        {t("audit.who")}: {entry.actor?.name ?? t("audit.system")}
        {entry.subjectId !== null && (
          <>
            {" · "}
            {t("audit.subject")}: {t("audit.subjectRef", { type: subjectName(entry.subjectType), id: entry.subjectId })}
          </>
        )}
      </p>
      {detail && (
        <details>
          <summary>{t("audit.showDetail")}</summary>
          <pre class="audit-detail">{detail}</pre>
        </details>
      )}
    </li>
  );
}

/** The log under the applied filter, newest first, a page at a time. */
export function AuditEntries({ filter }: { filter: AuditFilter }) {
  const key = JSON.stringify(filter);
  const [pages, reload, set] = useResource<Page>(() => listAuditLog(filter), [key]);
  const more = async (page: Page) => {
    if (!page.nextCursor) return;
    const next = await listAuditLog(filter, page.nextCursor);
    set({ items: [...page.items, ...next.items], nextCursor: next.nextCursor });
  };
  return (
    <ResourceView resource={pages} loading={t("audit.loading")} onRetry={reload}>
      {(page) =>
        page.items.length === 0 ? (
          <p class="empty-state">{t("audit.empty")}</p>
        ) : (
          <>
            <ol class="audit-list">
              {page.items.map((entry) => (
                <Entry key={entry.id} entry={entry} />
              ))}
            </ol>
            {page.nextCursor && (
              <button class="button button-secondary" type="button" onClick={() => void more(page)}>
                {t("audit.more")}
              </button>
            )}
          </>
        )
      }
    </ResourceView>
  );
}
