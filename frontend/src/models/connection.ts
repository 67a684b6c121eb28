import { signal } from "@preact/signals";

/** Whether the browser believes it has a network (`navigator.onLine`), kept up to date by its events. */
export const online = signal(typeof navigator === "undefined" ? true : navigator.onLine);

const reconnectListeners = new Set<() => void>();

if (typeof window !== "undefined") {
  addEventListener("offline", () => (online.value = false));
  addEventListener("online", () => {
    online.value = true;
    for (const listener of reconnectListeners) listener();
  });
}

/**
 * Calls `listener` each time the connection returns (`online` event).
 * @returns a function that stops the calls
 * @example useEffect(() => onReconnect(() => void loadCampaigns(true)), [])
 */
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}
