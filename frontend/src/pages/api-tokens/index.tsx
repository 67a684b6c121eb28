import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { PROFILE_PATH } from "../../lib/paths";
import { usePageTitle } from "../../lib/use-page-title";
import { TokensView } from "./tokens-view";

/** `/profil/token-api`: my personal API tokens — make one (secret shown once), see and revoke them. */
export default function ApiTokensPage() {
  usePageTitle("tokens.title");
  return (
    <RequireSignIn>
      {() => (
        <div class="admin-page">
          <p class="eyebrow">
            <a href={PROFILE_PATH}>{t("profile.title")}</a>
          </p>
          <h1>{t("tokens.title")}</h1>
          <p class="lead">{t("tokens.lead")}</p>
          <TokensView kind="personal" />
        </div>
      )}
    </RequireSignIn>
  );
}
