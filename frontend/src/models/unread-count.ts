import { signal } from "@preact/signals";
import { getUnreadCount } from "../api/notifications";

/** The number on the bell: null until the server said, or when it could not be asked. */
export const unreadCount = signal<number | null>(null);

/** How often the bell asks while the tab is visible. */
export const UNREAD_POLL_MS = 60_000;

let sequence = 0;

/** Asks the server for the number on the bell; a failure leaves the last known number. */
export async function refreshUnreadCount(): Promise<void> {
  const mine = ++sequence;
  try {
    const count = await getUnreadCount();
    if (mine === sequence) unreadCount.value = count;
  } catch {
    // offline or signed out elsewhere: the bell keeps its number until the next answer
  }
}

/** The count the server answered after a write (marking read): newer than any poll in flight. */
export function setUnreadCount(count: number): void {
  sequence++;
  unreadCount.value = count;
}

/**
 * Keeps the count current while a person is signed in: now, every minute while the tab is
 * visible, and at once when the tab comes back into view.
 * @returns stops polling (sign-out, unmount)
 */
export function pollUnreadCount(): () => void {
  const tick = () => {
    if (document.visibilityState === "visible") void refreshUnreadCount();
  };
  void refreshUnreadCount();
  const timer = setInterval(tick, UNREAD_POLL_MS);
  document.addEventListener("visibilitychange", tick);
  return () => {
    clearInterval(timer);
    document.removeEventListener("visibilitychange", tick);
    sequence++;
    unreadCount.value = null;
  };
}
