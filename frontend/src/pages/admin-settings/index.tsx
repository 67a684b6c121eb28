import { getAgencySettings, type AgencySettings } from "../../api/agency";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { useResource } from "../../lib/use-resource";
import { AdminPage } from "../admin/admin-access";
import { EmblemEditor } from "./emblem-editor";
import { SettingsForm } from "./settings-form";
import { SynonymsSection } from "./synonyms-section";
import { UnitsSection } from "./units-section";
import "../../styles/ideas.css";
import "../../styles/notifications.css";
import "../../styles/admin.css";

function Identity({ settings }: { settings: AgencySettings }) {
  return (
    <dl class="details">
      <div>
        <dt>{t("agencySettings.slug")}</dt>
        <dd>
          <code>{settings.slug}</code>
        </dd>
      </div>
      <div>
        <dt>{t("agencySettings.region")}</dt>
        <dd>{settings.region}</dd>
      </div>
      <div>
        <dt>{t("agencySettings.timeZone")}</dt>
        <dd>
          {t(`timeZone.${settings.timeZone}`)}
          <br />
          <span class="muted">{t("agencySettings.timeZoneNote")}</span>
        </dd>
      </div>
    </dl>
  );
}

function SettingsView() {
  const [settings, reload, set] = useResource(getAgencySettings, []);
  return (
    <ResourceView resource={settings} loading={t("agencySettings.loading")} onRetry={reload}>
      {(value) => (
        <div class="admin-grid">
          <section class="card" aria-labelledby="settings-identity-title">
            <h2 id="settings-identity-title">{t("agencySettings.general")}</h2>
            <Identity settings={value} />
            <SettingsForm settings={value} onSaved={set} />
          </section>
          <div class="admin-stack">
            <section class="card" aria-label={t("agencySettings.emblem")}>
              <EmblemEditor settings={value} onChange={set} />
            </section>
            <UnitsSection />
            <SynonymsSection />
          </div>
        </div>
      )}
    </ResourceView>
  );
}

/** `/admin/pengaturan`: the agency's name, emblem, public pages, certificate signer, units and search synonyms. */
export default function AdminSettingsPage() {
  return (
    <AdminPage title="agencySettings.title">
      <SettingsView />
    </AdminPage>
  );
}
