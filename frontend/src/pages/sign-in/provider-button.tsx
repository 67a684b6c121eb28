import { useState } from "preact/hooks";
import { startProviderSignIn } from "../../api/oidc";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";

/**
 * "Masuk dengan <provider>": asks the server to start the sign-in (it keeps state, nonce and PKCE
 * verifier) and sends the browser to the provider; a failure to start stays on this page.
 */
export function ProviderButton({ agencySlug, provider, next }: { agencySlug: string; provider: string; next: string }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function start() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      location.assign(await startProviderSignIn(agencySlug, next));
    } catch (error) {
      setProblem(toApiProblem(error));
      setBusy(false);
    }
  }

  return (
    <div class="form">
      {problem && <ProblemMessage problem={problem} />}
      <button type="button" class="button button-block" onClick={start} aria-disabled={busy ? "true" : undefined}>
        {busy ? t("oidc.starting", { provider }) : t("oidc.signInWith", { provider })}
      </button>
    </div>
  );
}
