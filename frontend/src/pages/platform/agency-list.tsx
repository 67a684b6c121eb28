import { useState } from "preact/hooks";
import { listAgencies, setAgencyActive, type Agency } from "../../api/agency";
import { agencyBackupPath } from "../../api/exports";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { hallOfFamePath } from "../../lib/award-paths";
import { formatDate, formatNumber } from "../../lib/format";
import { useResource } from "../../lib/use-resource";
import { ConfirmDialog } from "../committee/confirm-dialog";
import { StatusLine } from "../../components/status-line";

type Page = { items: Agency[]; nextCursor: string | null };

function AgencyCard({ agency, own, onToggle }: { agency: Agency; own: boolean; onToggle: (a: Agency) => void }) {
  return (
    <li class={`card agency-card${agency.active ? "" : " is-inactive"}`}>
      <div class="agency-card-head">
        <h3>{agency.name}</h3>
        <span class={agency.active ? "badge badge-approved" : "badge badge-rejected"}>
          {agency.active
            ? t("platform.active")
            : t("platform.inactiveSince", { date: formatDate(new Date(agency.deactivatedAt ?? 0).toISOString()) })}
        </span>
      </div>
      <p class="muted">
        {agency.region} · {t(`timeZone.short.${agency.timeZone}`)} ·{" "}
        {t("platform.people", { count: formatNumber(agency.people) })} ·{" "}
        {t("platform.registered", { date: formatDate(new Date(agency.createdAt).toISOString()) })}
      </p>
      <p class="muted">{t("platform.address", { path: hallOfFamePath(agency.slug) })}</p>
      {own && (
        <p class="muted">
          <strong>{t("platform.own")}.</strong> {t("platform.ownNote")}
        </p>
      )}
      <div class="button-row">
        <a
          class="button button-secondary"
          href={agencyBackupPath(agency.id)}
          download
          aria-label={t("platform.backupLabel", { name: agency.name })}
        >
          {t("platform.backup")}
        </a>
        {!own && (
          <button
            class={agency.active ? "button button-secondary button-danger-outline" : "button button-secondary"}
            type="button"
            aria-label={t(agency.active ? "platform.deactivateLabel" : "platform.reactivateLabel", {
              name: agency.name,
            })}
            onClick={() => onToggle(agency)}
          >
            {agency.active ? t("platform.deactivate") : t("platform.reactivate")}
          </button>
        )}
      </div>
    </li>
  );
}

/** Every agency of the platform, with its state, and the deactivation that asks first. */
export function AgencyList({ ownAgencyId, version }: { ownAgencyId: number; version: number }) {
  const [pages, reload, set] = useResource<Page>(() => listAgencies(), [version]);
  const [asking, setAsking] = useState<Agency | null>(null);
  const [status, setStatus] = useState("");

  const loadMore = async (page: Page) => {
    if (!page.nextCursor) return;
    const next = await listAgencies(page.nextCursor);
    set({ items: [...page.items, ...next.items], nextCursor: next.nextCursor });
  };

  const toggle = async (agency: Agency, page: Page) => {
    const updated = await setAgencyActive(agency.id, !agency.active);
    set({ ...page, items: page.items.map((a) => (a.id === updated.id ? updated : a)) });
    setStatus(t(updated.active ? "platform.reactivated" : "platform.deactivated", { name: updated.name }));
  };

  return (
    <section class="card" aria-labelledby="agency-list-title">
      <h2 id="agency-list-title">{t("platform.listTitle")}</h2>
      <StatusLine text={status} />
      <ResourceView resource={pages} loading={t("platform.loading")} onRetry={reload}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <p class="empty-state">{t("platform.empty")}</p>
            ) : (
              <ul class="agency-list">
                {page.items.map((agency) => (
                  <AgencyCard key={agency.id} agency={agency} own={agency.id === ownAgencyId} onToggle={setAsking} />
                ))}
              </ul>
            )}
            {page.nextCursor && (
              <button class="button button-secondary" type="button" onClick={() => void loadMore(page)}>
                {t("platform.more")}
              </button>
            )}
            {asking && (
              <ConfirmDialog
                id="agency-state"
                title={t(asking.active ? "platform.deactivateTitle" : "platform.reactivateTitle", {
                  name: asking.name,
                })}
                text={t(asking.active ? "platform.deactivateText" : "platform.reactivateText")}
                confirmLabel={asking.active ? t("platform.deactivate") : t("platform.reactivate")}
                danger={asking.active}
                onConfirm={() => toggle(asking, page)}
                onClose={() => setAsking(null)}
              />
            )}
          </>
        )}
      </ResourceView>
    </section>
  );
}
