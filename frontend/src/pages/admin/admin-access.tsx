import type { ComponentChildren } from "preact";
import type { FieldError } from "../../api/problem";
import type { Ability, Me } from "../../api/auth";
import { RequireSignIn } from "../../components/require-sign-in";
import { hasMessage, t, type PlainKey } from "../../i18n";
import { ADMIN_PATH } from "../../lib/admin-paths";
import { usePageTitle } from "../../lib/use-page-title";

type Gate = {
  /** what the page does, as `/auth/me` answers it; by default the agency's settings (the admin) */
  ability?: Ability;
};

/** The agency admin's pages: people the server lets do what the page does (the API refuses others anyway). */
export function RequireAdmin({ ability = "configureAgency", children }: Gate & { children: (user: Me) => ComponentChildren }) {
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

/**
 * A field problem of the admin API in the person's language, by its code (`nip.birth_date`,
 * `user.email_taken`, `email.duplicate_in_file`, `csv.missing_column`, …); never the English detail.
 */
export function fieldText(error: Pick<FieldError, "code">): string {
  const key = `field.${error.code}`;
  if (hasMessage(key)) return t(key as never);
  if (error.code.endsWith(".duplicate_in_file")) return t("field.duplicate_in_file");
  if (error.code.startsWith("csv.")) return t("field.csv");
  return t("field.generic");
}

/** `json.email` → `email`: which form field a problem names. */
export const fieldOf = (error: FieldError) => error.path.replace(/^json\./, "").split(".")[0] ?? "";

/** A refused form's problems by field, each in the person's language: what an admin form shows under its fields. */
export const errorsByField = (errors: readonly FieldError[]): Record<string, string> =>
  Object.fromEntries(errors.map((e) => [fieldOf(e), fieldText(e)]));

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
