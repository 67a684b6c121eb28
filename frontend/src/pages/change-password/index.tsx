import { useLocation } from "preact-iso";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { safeNext } from "../../lib/paths";
import { usePageTitle } from "../../lib/use-page-title";
import { ChangePasswordForm } from "../profile/change-password-form";

/**
 * `/ganti-kata-sandi?next=…`: where a person whose password an admin reset lands after signing in;
 * once the new password is saved they continue to `next`.
 */
export default function ChangePasswordPage() {
  const { query, route } = useLocation();
  const next = safeNext(query.next);
  return (
    <RequireSignIn>
      {(user) => (
        <div class="auth-page">
          <PageTitle mustChange={user.mustChangePassword} />
          <section class="card auth-card" aria-labelledby="password-title">
            <h1 id="password-title">{user.mustChangePassword ? t("password.mustChangeTitle") : t("password.title")}</h1>
            {user.mustChangePassword && <p class="card-lead">{t("password.mustChangeLead")}</p>}
            <ChangePasswordForm username={user.nip} onChanged={() => route(next, true)} />
          </section>
        </div>
      )}
    </RequireSignIn>
  );
}

function PageTitle({ mustChange }: { mustChange: boolean }) {
  usePageTitle(mustChange ? "password.mustChangeTitle" : "password.title");
  return null;
}
