import type { ComponentChildren } from "preact";
import type { Ability, Me } from "../../api/auth";
import { RequireSignIn } from "../../components/require-sign-in";
import { t, type PlainKey } from "../../i18n";
import { ADMIN_PATH } from "../../lib/admin-paths";
import { usePageTitle } from "../../lib/use-page-title";

type Gate = {
  /** what the page does, as `/auth/me` answers it; by default the agency's settings (the admin) */
  ability?: Ability;
};

/** The agency admin's pages: people the server lets do what the page does (the API refuses others anyway). */
export function RequireAdmin({
  ability = "configureAgency",
  children,
}: Gate & { children: (user: Me) => ComponentChildren }) {
  return (
    <RequireSignIn>
      {(user) =>
        user.can[ability] ? (
          children(user)
        ) : (
          <p class="notice" role="alert">
            {t("admin.onlyAdmins")}
          </p>
        )
      }
    </RequireSignIn>
  );
}

export { errorsByField, fieldOf, fieldText } from "../../lib/field-errors";

/**
 * An agency admin's page: signed-in admins only, under the way back to the admin's start page,
 * with its title (also the document's) and an optional lead.
 * @example <AdminPage title="audit.title" lead={t("audit.lead", { zone })}><AuditView /></AdminPage>
 */
export function AdminPage({
  title,
  lead,
  ability,
  children,
}: Gate & { title: PlainKey; lead?: string; children: ComponentChildren }) {
  usePageTitle(title);
  return (
    <RequireAdmin {...(ability ? { ability } : {})}>
      {() => (
        <div class="admin-page">
          <p class="eyebrow">
            <a href={ADMIN_PATH}>{t("admin.title")}</a>
          </p>
          <h1>{t(title)}</h1>
          {lead && <p class="lead">{lead}</p>}
          {children}
        </div>
      )}
    </RequireAdmin>
  );
}
