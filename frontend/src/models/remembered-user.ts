import type { Me } from "../api/auth";

const KEY = "gagas.user";
/** Where the copies of what each person read are kept (`offline-copies.ts`): forgotten with the person. */
export const COPIES_PREFIX = "gagas.copies.";

/**
 * The person last confirmed signed in on this device, so a page opened offline still knows whose
 * drafts it keeps. Removed at sign-out and whenever the server says nobody is signed in, and with
 * it the copies of what they read (`offline-copies.ts`).
 */
export function rememberedUser(): Me | null {
  try {
    const stored = localStorage.getItem(KEY);
    const user = stored ? (JSON.parse(stored) as Partial<Me>) : null;
    // kept by an older version, without what the person may do: not enough to show their pages
    return user && typeof user.can === "object" ? (user as Me) : null;
  } catch {
    return null;
  }
}

export function rememberUser(user: Me): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(user));
  } catch {
    // storage full or disabled: the app only cannot open signed in while offline
  }
}

export function forgetUser(): void {
  try {
    localStorage.removeItem(KEY);
    // what they read stays readable offline only while they are signed in on this device
    for (const key of Object.keys(localStorage)) if (key.startsWith(COPIES_PREFIX)) localStorage.removeItem(key);
  } catch {
    // storage disabled: nothing was kept
  }
}
