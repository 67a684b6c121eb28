import { render } from "preact";
import { App } from "./app";
import { loadMessages, locale } from "./i18n";
import { loadSession } from "./models/session";
import "./styles.css";

// Ask who is signed in while the first page's code is still loading.
void loadSession();

const root = document.getElementById("app");
// Someone who chose English gets it from the first paint; if it cannot be fetched, Indonesian.
void loadMessages(locale.peek())
  .catch(() => void (locale.value = "id"))
  .finally(() => {
    if (root) render(<App />, root);
  });
