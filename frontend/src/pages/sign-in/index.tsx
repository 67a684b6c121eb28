import { ROUND_REVIEWS_PATH } from "../../lib/competition-paths";
import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { Loading } from "../../components/loading";
import { Logo } from "../../components/logo";
import { t } from "../../i18n";
import { CHANGE_PASSWORD_PATH, safeNext, withNext } from "../../lib/paths";
import { usePageTitle } from "../../lib/use-page-title";
import { session, signOutNotice } from "../../models/session";
import { AgencySignIn } from "./agency-sign-in";
import { PasswordHelp } from "./password-help";
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
 * a person who must change their password goes to that form first. `?instansi=<slug>` is the
 * agency's own page: its identity provider's button first (docs/sign-in-oidc.md).
 */
export default function SignInPage() {
  usePageTitle("signIn.title");
  const { query, route } = useLocation();
  const state = session.value;
  const next = safeNext(query.next);
  const agencySlug = query.instansi;

  useEffect(() => {
    if (state.kind !== "signed-in") return;
    const home = state.user.can.participate ? next : ROUND_REVIEWS_PATH;
    route(state.user.mustChangePassword ? withNext(CHANGE_PASSWORD_PATH, home) : home, true);
  }, [state]);

  return (
    <div class="auth-page">
      <section class="card auth-card" aria-labelledby="signin-title">
        <div class="auth-card-mark">
          <Logo size={48} />
        </div>
        <h1 id="signin-title">{t("signIn.title")}</h1>
        {!agencySlug && <p class="card-lead">{t("signIn.lead")}</p>}
        <SignOutNotice />
        {state.kind === "signed-in" ? (
          <Loading />
        ) : agencySlug ? (
          <AgencySignIn agencySlug={agencySlug} next={next} />
        ) : (
          <SignInForm />
        )}
        {!agencySlug && <PasswordHelp />}
        <p class="auth-help">{t("signIn.help")}</p>
      </section>
    </div>
  );
}
