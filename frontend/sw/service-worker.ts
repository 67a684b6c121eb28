/**
 * The service worker of the Gagas SPA (built into `/sw.js` by the `serviceWorker()` plugin of
 * vite.config.ts, which defines `PRECACHE` and `VERSION` above this code).
 *
 * - install: caches the app shell of this build (`/`, every hashed script and style, the manifest
 *   and icons) in a cache named after the build's version;
 * - activate: deletes the caches of older builds and takes over open pages;
 * - navigations: the network first (fresh HTML and its headers), the cached shell when the network
 *   fails or is too slow, so the app opens offline and says so itself;
 * - the shell's files: from the cache (their names change with their content);
 * - `/api/*` and everything else: never touched, never cached (answers hold personal data);
 * - push: shows the notification the server sent (`{ title, body, url, tag }`, see
 *   src/domain/deliveries.ts) and, on a tap, focuses an open Gagas window on its page or opens one.
 */

declare const PRECACHE: readonly string[];
declare const VERSION: string;

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE_PREFIX = "gagas-shell-";
const CACHE = `${CACHE_PREFIX}${VERSION}`;
/** The shell's entry in the cache: the SPA answers every path with the same index.html. */
const SHELL = "/";
/** On a poor connection a navigation waits this long for the network before the cached shell shows. */
const NAVIGATION_TIMEOUT_MS = 4_000;

const precached = new Set(PRECACHE);

sw.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload`: straight from the server, not from an HTTP cache that may hold an older index.html
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      await sw.registration.navigationPreload?.enable();
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin || url.pathname === "/api" || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    event.respondWith(navigation(event));
    return;
  }
  if (precached.has(url.pathname)) event.respondWith(shellFile(request));
});

/** A page of the SPA: the server's answer when it comes in time, else the cached shell. */
async function navigation(event: FetchEvent): Promise<Response> {
  const fromNetwork = (async () => {
    const preloaded = (await event.preloadResponse) as Response | undefined;
    return preloaded ?? (await fetch(event.request));
  })();
  // the slow answer still completes in the background (and is dropped)
  fromNetwork.catch(() => undefined);
  const cached = () => caches.match(SHELL, { cacheName: CACHE });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tooSlow = new Promise<undefined>(
    (resolve) => (timer = setTimeout(() => resolve(undefined), NAVIGATION_TIMEOUT_MS)),
  );
  try {
    const answer = await Promise.race([fromNetwork, tooSlow]);
    if (answer) return answer;
    return (await cached()) ?? (await fromNetwork);
  } catch (error) {
    const shell = await cached();
    if (shell) return shell;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** A script, style or icon of this build: cached at install, fetched if the cache lost it. */
async function shellFile(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  return cached ?? fetch(request);
}

type PushMessage = { title: string; body: string; url: string; tag: string };

/** The server's message, or a plain one when it cannot be read (a push must always show something). */
function readPush(event: PushEvent): PushMessage {
  try {
    const data = event.data?.json() as Partial<PushMessage> | undefined;
    if (data && typeof data.title === "string")
      return {
        title: data.title,
        body: typeof data.body === "string" ? data.body : "",
        url: typeof data.url === "string" && data.url.startsWith("/") ? data.url : "/notifikasi",
        tag: typeof data.tag === "string" ? data.tag : "gagas",
      };
  } catch {
    // not JSON: fall through
  }
  return { title: "Gagas", body: "", url: "/notifikasi", tag: "gagas" };
}

sw.addEventListener("push", (event) => {
  const message = readPush(event);
  event.waitUntil(
    sw.registration.showNotification(message.title, {
      body: message.body,
      // the same notification delivered twice (a retried delivery) replaces itself
      tag: message.tag,
      icon: "/icons/icon-192.png",
      badge: "/icons/icon-192.png",
      data: { url: message.url },
    }),
  );
});

sw.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const path = (event.notification.data as { url?: string } | null)?.url ?? "/notifikasi";
  const target = new URL(path.startsWith("/") ? path : "/notifikasi", sw.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await sw.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).origin === sw.location.origin);
      // navigate() works on a window this worker controls; any other gets a new window instead
      const navigated = open ? await open.navigate(target).catch(() => null) : null;
      if (navigated) await navigated.focus();
      else await sw.clients.openWindow(target);
    })(),
  );
});
