/** After `load`, the first page still fetches its own code and data: the shell's download waits this long. */
const SETTLE_MS = 3_000;

/** Runs `work` when the main thread is idle (at the latest after 10 s), or soon where there is no such callback. */
function whenIdle(work: () => void): void {
  if ("requestIdleCallback" in window) requestIdleCallback(work, { timeout: 10_000 });
  else setTimeout(work, 0);
}

/**
 * Registers `/sw.js` (built from `frontend/sw/service-worker.ts`) once the first page has loaded and
 * settled, so precaching the shell never competes with that page's code and data on a slow
 * connection. Production builds only: the dev server has no `sw.js`, and a cached shell would hide
 * edits.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register("/sw.js").catch((error: unknown) => {
      // the app works without it, only not offline
      console.warn("service worker not registered", error);
    });
  };
  const later = () => setTimeout(() => whenIdle(register), SETTLE_MS);
  if (document.readyState === "complete") later();
  else addEventListener("load", later, { once: true });
}
