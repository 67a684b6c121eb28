import type { Me } from "../../api/auth";
import { personalDataPath } from "../../api/implementation";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { API_TOKENS_PATH } from "../../lib/paths";
import { usePageTitle } from "../../lib/use-page-title";
import { CAREER_PATH } from "../career-shared/paths";
import "../../styles/implementation.css";
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
      <section class="card profile-export" aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t("tokens.title")}</h2>
        <p>{t("tokens.profileText")}</p>
        <a class="button button-secondary" href={API_TOKENS_PATH}>
          {t("tokens.profileLink")}
        </a>
      </section>
      <section class="card" aria-labelledby="career-link-title">
        <h2 id="career-link-title">{t("career.title")}</h2>
        <p>{t("career.profileText")}</p>
        <a class="button button-secondary" href={CAREER_PATH}>
          {t("career.open")}
        </a>
      </section>
      <section class="card profile-export" aria-labelledby="export-title">
        <h2 id="export-title">{t("profile.exportTitle")}</h2>
        <p>{t("profile.exportText")}</p>
        <a class="button button-secondary" href={personalDataPath} download>
          {t("profile.exportButton")}
        </a>
      </section>
    </div>
  );
}

/** `/profil`: who I am in Gagas, my password, my sessions, my data to take away. Signed-in only. */
export default function ProfilePage() {
  usePageTitle("profile.title");
  return <RequireSignIn>{(user) => <ProfileView user={user} />}</RequireSignIn>;
}
