import { render } from "preact";
import { App } from "./app";
import { loadMessages, loadShellMessages, locale } from "./i18n";
import { registerServiceWorker } from "./lib/service-worker";
import { watchDeviceDrafts } from "./models/device-drafts";
import { loadSession } from "./models/session";
import "./styles.css";

// Ask who is signed in while the first page's code is still loading.
void loadSession();
// Drafts kept on this device (typed offline) go to the server once it can be reached.
watchDeviceDrafts();
// The app shell for offline use, cached once the page has loaded.
registerServiceWorker();

const root = document.getElementById("app");
// The pages' strings travel while the first page's code does (every lazy page awaits them).
void loadMessages(locale.peek()).catch(() => undefined);
// Someone who chose English gets it from the first paint; if it cannot be fetched, Indonesian.
void loadShellMessages(locale.peek())
  .catch(() => void (locale.value = "id"))
  .finally(() => {
    if (root) render(<App />, root);
  });
