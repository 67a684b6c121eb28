import { useEffect, useState } from "preact/hooks";
import {
  deletePushSubscription,
  getPushConfig,
  listPushSubscriptions,
  savePushSubscription,
  type SavedPushSubscription,
} from "../../api/push";
import { toApiProblem } from "../../api/problem";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { StatusLine } from "../../components/status-line";
import { t } from "../../i18n";
import { problemText } from "../../i18n/problem-text";

type Ready = { publicKey: string; saved: SavedPushSubscription[]; endpoint: string | null };
type State =
  | { kind: "checking" }
  | { kind: "unsupported" }
  | { kind: "notConfigured" }
  | { kind: "problem"; problem: ReturnType<typeof toApiProblem> }
  | ({ kind: "ready" } & Ready);

const supported = () =>
  "serviceWorker" in navigator && typeof window.PushManager === "function" && typeof window.Notification === "function";

/** The service worker's registration, if one is active within a few seconds (none in development). */
async function registration(): Promise<ServiceWorkerRegistration> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("no service worker is active on this page")), 5_000),
  );
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

const keyBytes = (base64url: string) => {
  const base64 = base64url.replaceAll("-", "+").replaceAll("_", "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

/** Why something failed, in words a person can pass on (the browser's own message for its errors). */
const reasonOf = (error: unknown) => {
  const problem = toApiProblem(error);
  if (problem.code !== "client.unexpected") return problemText(problem.code);
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
};

async function load(): Promise<State> {
  if (!supported()) return { kind: "unsupported" };
  const publicKey = await getPushConfig();
  if (!publicKey) return { kind: "notConfigured" };
  const saved = await listPushSubscriptions();
  const current = await navigator.serviceWorker.getRegistration().then((r) => r?.pushManager.getSubscription());
  return { kind: "ready", publicKey, saved, endpoint: current?.endpoint ?? null };
}

function PushControls({ state, onChange }: { state: Ready; onChange: (next: Ready) => void }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const permission = Notification.permission;
  const mine = state.saved.find((s) => s.endpoint === state.endpoint) ?? null;
  const others = state.saved.filter((s) => s !== mine).length;

  async function enable() {
    setBusy(true);
    setFailure(null);
    try {
      if ((await Notification.requestPermission()) !== "granted") {
        onChange({ ...state });
        return;
      }
      const reg = await registration();
      const subscription = await reg.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(state.publicKey),
      });
      const saved = await savePushSubscription(subscription.toJSON());
      onChange({ ...state, saved: [...state.saved.filter((s) => s.id !== saved.id), saved], endpoint: saved.endpoint });
      setStatus(t("push.enabled"));
    } catch (error) {
      setFailure(t("push.failed", { reason: reasonOf(error) }));
    } finally {
      setBusy(false);
    }
  }

  async function disable() {
    setBusy(true);
    setFailure(null);
    try {
      if (mine) await deletePushSubscription(mine.id);
      const current = await navigator.serviceWorker.getRegistration().then((r) => r?.pushManager.getSubscription());
      await current?.unsubscribe();
      onChange({ ...state, saved: state.saved.filter((s) => s !== mine), endpoint: null });
      setStatus(t("push.disabled"));
    } catch (error) {
      setFailure(reasonOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {permission === "denied" && !mine ? (
        <p class="notice">{t("push.denied")}</p>
      ) : (
        <p>
          <strong>{mine ? t("push.on") : t("push.off")}</strong>
        </p>
      )}
      {failure && (
        <p class="notice" role="alert">
          {failure}
        </p>
      )}
      {others > 0 && <p class="field-hint">{t("push.otherDevices", { count: others })}</p>}
      <div class="button-row">
        {mine ? (
          <button
            type="button"
            class="button button-secondary"
            aria-disabled={busy ? "true" : undefined}
            onClick={() => !busy && void disable()}
          >
            {busy ? t("push.disabling") : t("push.disable")}
          </button>
        ) : (
          permission !== "denied" && (
            <button
              type="button"
              class="button"
              aria-disabled={busy ? "true" : undefined}
              onClick={() => !busy && void enable()}
            >
              {busy ? t("push.enabling") : t("push.enable")}
            </button>
          )
        )}
      </div>
      <StatusLine text={status} />
    </>
  );
}

/** Push to this device: on or off, per browser, beside the kinds of notification. */
export function PushSection() {
  const [state, setState] = useState<State>({ kind: "checking" });
  const reload = () => {
    setState({ kind: "checking" });
    load().then(setState, (error: unknown) => setState({ kind: "problem", problem: toApiProblem(error) }));
  };
  useEffect(reload, []);
  return (
    <section class="card push-settings" aria-labelledby="push-title">
      <h2 id="push-title">{t("push.title")}</h2>
      <p class="field-hint">{t("push.lead")}</p>
      {state.kind === "checking" && <Loading label={t("push.checking")} />}
      {state.kind === "unsupported" && <p class="notice">{t("push.unsupported")}</p>}
      {state.kind === "notConfigured" && <p class="notice">{t("push.notConfigured")}</p>}
      {state.kind === "problem" && <ProblemMessage problem={state.problem} onRetry={reload} />}
      {state.kind === "ready" && (
        <PushControls state={state} onChange={(next) => setState({ kind: "ready", ...next })} />
      )}
    </section>
  );
}
