import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { finishProviderSignIn, type ProviderAnswer } from "../../api/oidc";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Loading } from "../../components/loading";
import { Logo } from "../../components/logo";
import { t } from "../../i18n";
import { problemText } from "../../i18n/problem-text";
import { CHANGE_PASSWORD_PATH, SIGN_IN_PATH, SIGN_IN_RETURN_PATH, safeNext, withNext } from "../../lib/paths";
import { usePageTitle } from "../../lib/use-page-title";
import { session, signOutNotice } from "../../models/session";

type View = { kind: "working" } | { kind: "missing" } | { kind: "problem"; problem: ApiProblem };

/** The provider's answer as it came: only the parameters the server reads. */
function answerOf(query: Record<string, string | undefined>): ProviderAnswer | null {
  if (!query.state) return null;
  const keys = ["code", "iss", "error", "error_description"] as const;
  return {
    state: query.state,
    ...Object.fromEntries(keys.filter((key) => query[key] !== undefined).map((key) => [key, query[key]])),
  };
}

/**
 * `/masuk/oidc`: where the agency's identity provider sends the browser back. Posts the answer to
 * the server once (the state is single-use), then opens the page the sign-in started from; a
 * refusal is told in words, with the way back to the sign-in page.
 */
export default function SignInReturnPage() {
  usePageTitle("oidc.returnTitle");
  const { query, route } = useLocation();
  const [view, setView] = useState<View>({ kind: "working" });

  useEffect(() => {
    const answer = answerOf(query);
    // the code leaves the address bar and the history at once
    history.replaceState(history.state, "", SIGN_IN_RETURN_PATH);
    if (!answer) return setView({ kind: "missing" });
    finishProviderSignIn(answer)
      .then(({ user, next }) => {
        signOutNotice.value = null;
        session.value = { kind: "signed-in", user };
        const target = safeNext(next);
        route(user.mustChangePassword ? withNext(CHANGE_PASSWORD_PATH, target) : target, true);
      })
      .catch((error: unknown) => setView({ kind: "problem", problem: toApiProblem(error) }));
  }, []);

  return (
    <div class="auth-page">
      <section class="card auth-card" aria-labelledby="signin-return-title">
        <div class="auth-card-mark">
          <Logo size={48} />
        </div>
        <h1 id="signin-return-title">{t(view.kind === "working" ? "oidc.returnTitle" : "oidc.failedTitle")}</h1>
        {view.kind === "working" && <Loading label={t("oidc.finishing")} />}
        {view.kind !== "working" && (
          <>
            <p class="notice" role="alert">
              {view.kind === "missing" ? t("oidc.noState") : problemText(view.problem.code)}
            </p>
            <p class="auth-help">
              <a class="link-alone" href={SIGN_IN_PATH}>
                {t("oidc.backToSignIn")}
              </a>
            </p>
          </>
        )}
      </section>
    </div>
  );
}
