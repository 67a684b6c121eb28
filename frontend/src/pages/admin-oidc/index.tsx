import { getOidcSettings } from "../../api/oidc";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { useResource } from "../../lib/use-resource";
import { AdminPage } from "../admin/admin-access";
import { OidcForm } from "./oidc-form";
import "../../styles/ideas.css";
import "../../styles/notifications.css";
import "../../styles/admin.css";

/** What to register at the provider, and the agency's own sign-in page to hand out. */
function Registration({ redirectUri, signInUrl }: { redirectUri: string; signInUrl: string }) {
  return (
    <section class="card" aria-labelledby="oidc-register-title">
      <h2 id="oidc-register-title">{t("oidcAdmin.registerTitle")}</h2>
      <dl class="details">
        <div>
          <dt>{t("oidcAdmin.redirectUri")}</dt>
          <dd>
            <code class="break">{redirectUri}</code>
          </dd>
        </div>
        <div>
          <dt>{t("oidcAdmin.signInUrl")}</dt>
          <dd>
            <a class="break" href={signInUrl}>
              {signInUrl}
            </a>
            <br />
            <span class="muted">{t("oidcAdmin.signInUrlHint")}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}

function OidcView() {
  const [settings, reload, set] = useResource(getOidcSettings, []);
  return (
    <ResourceView resource={settings} loading={t("oidcAdmin.loading")} onRetry={reload}>
      {(value) => (
        <div class="admin-grid">
          <section class="card" aria-labelledby="oidc-provider-title">
            <h2 id="oidc-provider-title">{t("admin.oidc")}</h2>
            {!value.configured && (
              <p class="notice" role="status">
                {t("oidcAdmin.notConfigured")}
              </p>
            )}
            <OidcForm settings={value} onSaved={set} />
          </section>
          <div class="admin-stack">
            <Registration redirectUri={value.redirectUri} signInUrl={value.signInUrl} />
          </div>
        </div>
      )}
    </ResourceView>
  );
}

/** `/admin/sso`: the agency's identity provider (OpenID Connect) and whether passwords still sign in. */
export default function AdminOidcPage() {
  return (
    <AdminPage title="oidcAdmin.title" lead={t("oidcAdmin.lead")}>
      <OidcView />
    </AdminPage>
  );
}
