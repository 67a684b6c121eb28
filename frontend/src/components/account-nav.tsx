import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { toApiProblem, type ApiProblem } from "../api/problem";
import { t } from "../i18n";
import { problemText } from "../i18n/problem-text";
import { PROFILE_PATH, SIGN_IN_PATH, withNext } from "../lib/paths";
import { firstName } from "../lib/person-name";
import { session, signOut } from "../models/session";

function PersonIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false" class="account-icon">
      <circle cx="10" cy="6.5" r="3.5" />
      <path d="M3 17.5c.8-3.6 3.6-5.5 7-5.5s6.2 1.9 7 5.5" />
    </svg>
  );
}

/** The header's account corner: "Masuk" for guests; the person's name and "Keluar" once signed in. */
export function AccountNav() {
  const { url, path, route } = useLocation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const state = session.value;

  // Nothing until the server answered, so the header does not flash "Masuk" for a signed-in person.
  if (state.kind === "loading") return <div class="account" />;

  if (state.kind !== "signed-in") {
    return (
      <div class="account">
        <a
          class="account-sign-in"
          href={path === SIGN_IN_PATH ? url : withNext(SIGN_IN_PATH, url)}
          aria-current={path === SIGN_IN_PATH ? "page" : undefined}
        >
          {t("nav.signIn")}
        </a>
      </div>
    );
  }

  async function onSignOut() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await signOut();
      route(SIGN_IN_PATH);
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="account">
      <a
        class="account-name"
        href={PROFILE_PATH}
        aria-current={path === PROFILE_PATH ? "page" : undefined}
        aria-label={t("account.profileLink", { name: state.user.name })}
      >
        <PersonIcon />
        <span class="account-name-text account-name-short">{firstName(state.user.name)}</span>
        <span class="account-name-text account-name-full">{state.user.name}</span>
      </a>
      <button
        type="button"
        class="account-sign-out"
        aria-disabled={busy ? "true" : undefined}
        onClick={() => void onSignOut()}
      >
        {busy ? t("account.signingOut") : t("account.signOut")}
      </button>
      {problem && (
        <p class="account-problem" role="alert">
          {problemText(problem.code)}
        </p>
      )}
    </div>
  );
}
