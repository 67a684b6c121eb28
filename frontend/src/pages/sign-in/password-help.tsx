import { t } from "../../i18n";
import { ACTIVATE_PATH, FORGOT_PASSWORD_PATH } from "../../lib/paths";

/** The ways to a password: forgotten, or never set (shown only where passwords sign in). */
export function PasswordHelp() {
  return (
    <p class="auth-help">
      <a class="link-alone" href={FORGOT_PASSWORD_PATH}>
        {t("forgot.link")}
      </a>{" "}
      ·{" "}
      <a class="link-alone" href={ACTIVATE_PATH}>
        {t("forgot.activateLink")}
      </a>
    </p>
  );
}
