import { useState } from "preact/hooks";
import { auditCsvPath, listAuditActions, type AuditFilter } from "../../api/audit";
import { CsvLinks } from "../../components/csv-links";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { timeZoneName } from "../../lib/format";
import { useResource } from "../../lib/use-resource";
import { AdminPage } from "../admin/admin-access";
import { AuditEntries } from "./audit-entries";
import { AuditFilters } from "./audit-filters";
import "../../styles/ideas.css";
import "../../styles/awards.css";
import "../../styles/admin.css";

function AuditView() {
  const [actions, reload] = useResource(listAuditActions, []);
  const [filter, setFilter] = useState<AuditFilter>({});
  return (
    <ResourceView resource={actions} loading={t("audit.loading")} onRetry={reload}>
      {(list) => (
        <div class="admin-grid audit-grid">
          <AuditFilters actions={list} onApply={setFilter} />
          <section class="card" aria-labelledby="audit-list-title">
            <h2 id="audit-list-title" class="visually-hidden">
              {t("audit.title")}
            </h2>
            <p class="button-row">
              <CsvLinks
                href={(separator) => auditCsvPath(filter, separator)}
                label={t("audit.download")}
                linkClass="button button-secondary"
              />
            </p>
            <AuditEntries filter={filter} />
          </section>
        </div>
      )}
    </ResourceView>
  );
}

/** `/admin/audit`: every admin and moderation action of the agency, filtered, and its CSV. */
export default function AdminAuditPage() {
  return (
    <AdminPage ability="readAudit" title="audit.title" lead={t("audit.lead", { zone: timeZoneName() })}>
      <AuditView />
    </AdminPage>
  );
}
