import type { Me } from "../api/auth";

const KEY = "gagas.user";

/**
 * The person last confirmed signed in on this device, so a page opened offline still knows whose
 * drafts it keeps. Removed at sign-out and whenever the server says nobody is signed in.
 */
export function rememberedUser(): Me | null {
  try {
    const stored = localStorage.getItem(KEY);
    return stored ? (JSON.parse(stored) as Me) : null;
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
  } catch {
    // storage disabled: nothing was kept
  }
}
