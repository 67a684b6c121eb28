import { t, type PlainKey } from "../../i18n";
import { NEW_CAMPAIGN_PATH } from "../../lib/idea-paths";
import { usePageTitle } from "../../lib/use-page-title";
import { RequireAdmin } from "./admin-access";

const SECTIONS: { href: string; title: PlainKey; lead: PlainKey }[] = [
  { href: "/admin/pengguna", title: "admin.users", lead: "admin.usersLead" },
  { href: "/admin/unit", title: "admin.units", lead: "admin.unitsLead" },
  { href: "/admin/impor", title: "admin.import", lead: "admin.importLead" },
  { href: NEW_CAMPAIGN_PATH, title: "admin.newCampaign", lead: "admin.newCampaignLead" },
];

/** `/admin`: where an agency admin's work starts. */
export default function AdminPage() {
  usePageTitle("admin.title");
  return (
    <RequireAdmin>
      {() => (
        <div class="admin-page">
          <h1>{t("admin.title")}</h1>
          <p class="lead">{t("admin.lead")}</p>
          <ul class="admin-sections">
            {SECTIONS.map((s) => (
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
