/**
 * Registers `/sw.js` (built from `frontend/sw/service-worker.ts`) once the page has loaded, so its
 * precaching never competes with the first page for the network. Production builds only: the dev
 * server has no `sw.js`, and a cached shell would hide edits.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register("/sw.js").catch((error: unknown) => {
      // the app works without it, only not offline
      console.warn("service worker not registered", error);
    });
  };
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
}
