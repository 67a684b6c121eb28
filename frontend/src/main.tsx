import { render } from "preact";
import { App } from "./app";
import { loadSession } from "./models/session";
import "./styles.css";

// Ask who is signed in while the first page's code is still loading.
void loadSession();

const root = document.getElementById("app");
if (root) render(<App />, root);
