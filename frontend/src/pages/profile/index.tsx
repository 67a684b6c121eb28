import type { Me } from "../../api/auth";
import { myDataPath } from "../../api/exports";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { usePageTitle } from "../../lib/use-page-title";
import { ChangePasswordForm } from "./change-password-form";
import { ProfileDetails, ProfileHead } from "./profile-details";
import { SessionActions } from "./session-actions";

function ProfileView({ user }: { user: Me }) {
  return (
    <div class="profile">
      <ProfileHead user={user} />
      <div class="profile-grid">
        <ProfileDetails user={user} />
        <section class="card" aria-labelledby="password-title">
          <h2 id="password-title">{t("password.title")}</h2>
          <ChangePasswordForm username={user.nip} />
        </section>
      </div>
      <section class="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("profile.sessionsTitle")}</h2>
        <p>{t("profile.sessionsText")}</p>
        <SessionActions />
      </section>
      <section class="card" aria-labelledby="my-data-title">
        <h2 id="my-data-title">{t("profile.myDataTitle")}</h2>
        <p>{t("profile.myDataText")}</p>
        <a class="button button-secondary" href={myDataPath()} download>
          {t("profile.myDataDownload")}
        </a>
      </section>
    </div>
  );
}

/** `/profil`: who I am in Gagas, my password, my sessions. Signed-in only. */
export default function ProfilePage() {
  usePageTitle("profile.title");
  return <RequireSignIn>{(user) => <ProfileView user={user} />}</RequireSignIn>;
}
