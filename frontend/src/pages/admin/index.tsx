import { t, type PlainKey } from "../../i18n";
import {
  AUDIT_PATH,
  MODERATION_PATH,
  OIDC_PATH,
  PLATFORM_PATH,
  RULES_PATH,
  SETTINGS_PATH,
  SERVICE_TOKENS_PATH,
  WEBHOOKS_PATH,
} from "../../lib/admin-paths";
import { NEW_CAMPAIGN_PATH } from "../../lib/idea-paths";
import { ACTIVATION_PATH } from "../../lib/paths";
import { usePageTitle } from "../../lib/use-page-title";
import { RequireAdmin } from "./admin-access";

const SECTIONS: { href: string; title: PlainKey; lead: PlainKey }[] = [
  { href: "/admin/pengguna", title: "admin.users", lead: "admin.usersLead" },
  { href: "/admin/unit", title: "admin.units", lead: "admin.unitsLead" },
  { href: "/admin/impor", title: "admin.import", lead: "admin.importLead" },
  { href: ACTIVATION_PATH, title: "admin.activation", lead: "admin.activationLead" },
  { href: NEW_CAMPAIGN_PATH, title: "admin.newCampaign", lead: "admin.newCampaignLead" },
  { href: SETTINGS_PATH, title: "admin.settings", lead: "admin.settingsLead" },
  { href: OIDC_PATH, title: "admin.oidc", lead: "admin.oidcLead" },
  { href: RULES_PATH, title: "admin.rules", lead: "admin.rulesLead" },
  { href: MODERATION_PATH, title: "admin.moderation", lead: "admin.moderationLead" },
  { href: AUDIT_PATH, title: "admin.audit", lead: "admin.auditLead" },
  { href: WEBHOOKS_PATH, title: "admin.webhooks", lead: "admin.webhooksLead" },
  { href: SERVICE_TOKENS_PATH, title: "admin.serviceTokens", lead: "admin.serviceTokensLead" },
];

/** Shown to an admin who is also the platform's admin. */
const PLATFORM_SECTION = { href: PLATFORM_PATH, title: "admin.platform", lead: "admin.platformLead" } as const;

/** `/admin`: where an agency admin's work starts. */
export default function AdminPage() {
  usePageTitle("admin.title");
  return (
    <RequireAdmin>
      {(user) => (
        <div class="admin-page">
          <h1>{t("admin.title")}</h1>
          <p class="lead">{t("admin.lead")}</p>
          <ul class="admin-sections">
            {[...SECTIONS, ...(user.can.manageAgencies ? [PLATFORM_SECTION] : [])].map((s) => (
              <li key={s.href} class="card">
                <h2>
                  <a href={s.href}>{t(s.title)}</a>
                </h2>
                <p>{t(s.lead)}</p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </RequireAdmin>
  );
}
