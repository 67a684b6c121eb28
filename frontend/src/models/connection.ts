import { signal } from "@preact/signals";

/** Whether the browser believes it has a network (`navigator.onLine`), kept up to date by its events. */
export const online = signal(typeof navigator === "undefined" ? true : navigator.onLine);

const reconnectListeners = new Set<() => void>();

/**
 * A network that has just come back often drops the first requests (the radio, DHCP, a captive
 * portal): the listeners are called at once and again after these delays while still online. Each
 * listener only acts on what is still missing, so a second call after a success changes nothing.
 */
const RECONNECT_RETRIES_MS = [2_000, 6_000];
let retries: ReturnType<typeof setTimeout>[] = [];

function reconnected(): void {
  for (const listener of reconnectListeners) listener();
}

if (typeof window !== "undefined") {
  addEventListener("offline", () => {
    online.value = false;
    retries.forEach(clearTimeout);
    retries = [];
  });
  addEventListener("online", () => {
    online.value = true;
    reconnected();
    retries = RECONNECT_RETRIES_MS.map((ms) => setTimeout(() => online.peek() && reconnected(), ms));
  });
}

/**
 * Calls `listener` each time the connection returns (`online` event), and twice more soon after.
 * @returns a function that stops the calls
 * @example useEffect(() => onReconnect(() => void loadCampaigns(true)), [])
 */
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}
