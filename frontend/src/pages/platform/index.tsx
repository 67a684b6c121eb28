import { useState } from "preact/hooks";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { usePageTitle } from "../../lib/use-page-title";
import { AgencyForm } from "./agency-form";
import { AgencyList } from "./agency-list";
import "../../styles/ideas.css";
import "../../styles/admin.css";

/** `/platform`: the platform admin registers agencies with their first admin, and deactivates them. */
export default function PlatformPage() {
  usePageTitle("platform.title");
  const [version, setVersion] = useState(0);
  return (
    <RequireSignIn>
      {(user) =>
        user.can.manageAgencies ? (
          <div class="admin-page">
            <h1>{t("platform.title")}</h1>
            <p class="lead">{t("platform.lead")}</p>
            <div class="admin-grid">
              <AgencyList ownAgencyId={user.agency.id} version={version} />
              <AgencyForm onCreated={() => setVersion((v) => v + 1)} />
            </div>
          </div>
        ) : (
          <p class="notice" role="alert">
            {t("platform.onlySuperadmins")}
          </p>
        )
      }
    </RequireSignIn>
  );
}
