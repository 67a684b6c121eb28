import { ROUND_REVIEWS_PATH } from "../../lib/competition-paths";
import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { Loading } from "../../components/loading";
import { Logo } from "../../components/logo";
import { t } from "../../i18n";
import { ACTIVATE_PATH, CHANGE_PASSWORD_PATH, FORGOT_PASSWORD_PATH, safeNext, withNext } from "../../lib/paths";
import { usePageTitle } from "../../lib/use-page-title";
import { session, signOutNotice } from "../../models/session";
import { SignInForm } from "./sign-in-form";

/**
 * Confirms a sign-out once: the notice is taken when this mounts, so coming back later does not
 * repeat it. (Clearing it on unmount instead loses it when a sign-out interrupts the load of the
 * next page: the sign-in page that lingered meanwhile unmounts after the new one rendered.)
 */
function SignOutNotice() {
  const [notice] = useState(() => signOutNotice.peek());
  useEffect(() => {
    signOutNotice.value = null;
  }, []);
  if (!notice) return null;
  return (
    <p class="notice" role="status">
      {notice === "signed-out" ? t("signIn.signedOut") : t("signIn.signedOutEverywhere")}
    </p>
  );
}

/**
 * `/masuk?next=/somewhere`: signs in, then goes to `next` (same-origin pages only) or the profile;
 * a person who must change their password goes to that form first.
 */
export default function SignInPage() {
  usePageTitle("signIn.title");
  const { query, route } = useLocation();
  const state = session.value;
  const next = safeNext(query.next);

  useEffect(() => {
    if (state.kind !== "signed-in") return;
    const home = state.user.roles.includes("guest") ? ROUND_REVIEWS_PATH : next;
    route(state.user.mustChangePassword ? withNext(CHANGE_PASSWORD_PATH, home) : home, true);
  }, [state]);

  return (
    <div class="auth-page">
      <section class="card auth-card" aria-labelledby="signin-title">
        <div class="auth-card-mark">
          <Logo size={48} />
        </div>
        <h1 id="signin-title">{t("signIn.title")}</h1>
        <p class="card-lead">{t("signIn.lead")}</p>
        <SignOutNotice />
        {state.kind === "signed-in" ? <Loading /> : <SignInForm />}
        <p class="auth-help">
          <a class="link-alone" href={FORGOT_PASSWORD_PATH}>
            {t("forgot.link")}
          </a>{" "}
          ·{" "}
          <a class="link-alone" href={ACTIVATE_PATH}>
            {t("forgot.activateLink")}
          </a>
        </p>
        <p class="auth-help">{t("signIn.help")}</p>
      </section>
    </div>
  );
}
