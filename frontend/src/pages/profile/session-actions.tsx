import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { SIGN_IN_PATH } from "../../lib/paths";
import { signOut, signOutEverywhere } from "../../models/session";

type Scope = "this" | "all";
const ACTIONS = { this: signOut, all: signOutEverywhere } as const;

/** "Keluar" and "Keluar dari semua perangkat"; the page leaves only once the server confirmed. */
export function SessionActions() {
  const { route } = useLocation();
  const [busy, setBusy] = useState<Scope | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function run(scope: Scope) {
    if (busy) return;
    setBusy(scope);
    setProblem(null);
    try {
      await ACTIONS[scope]();
      route(SIGN_IN_PATH, true);
    } catch (error) {
      setProblem(toApiProblem(error));
      setBusy(null);
    }
  }

  return (
    <>
      {problem && <ProblemMessage problem={problem} />}
      <div class="button-row">
        <button type="button" class="button" aria-disabled={busy ? "true" : undefined} onClick={() => void run("this")}>
          {busy === "this" ? t("account.signingOut") : t("account.signOut")}
        </button>
        <button
          type="button"
          class="button button-secondary"
          aria-disabled={busy ? "true" : undefined}
          onClick={() => void run("all")}
        >
          {busy === "all" ? t("account.signingOut") : t("account.signOutEverywhere")}
        </button>
      </div>
    </>
  );
}
