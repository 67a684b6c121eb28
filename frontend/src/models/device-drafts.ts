import { effect, signal } from "@preact/signals";
import { online } from "./connection";
import type { DraftValues } from "./idea-draft";
import { session } from "./session";

/**
 * An idea draft kept in this browser (localStorage, per person) until the server has it: typed
 * offline, or while saving failed for want of a network. `ideaId` is null for a draft the server
 * has never seen.
 */
export type DeviceDraft = { key: string; ideaId: number | null; values: DraftValues; keptAt: number };

const storageKey = (userId: number) => `gagas.drafts.${userId}`;

/** The person's drafts kept on this device, oldest first. */
export function listDeviceDrafts(userId: number): DeviceDraft[] {
  try {
    const stored = localStorage.getItem(storageKey(userId));
    const drafts = stored ? (JSON.parse(stored) as DeviceDraft[]) : [];
    return Array.isArray(drafts) ? drafts : [];
  } catch {
    return [];
  }
}

function store(userId: number, drafts: DeviceDraft[]): void {
  try {
    if (drafts.length === 0) localStorage.removeItem(storageKey(userId));
    else localStorage.setItem(storageKey(userId), JSON.stringify(drafts));
  } catch {
    // storage full or disabled: the form still holds the text, and autosave keeps trying
  }
}

/** Keeps (or replaces, by its key) a draft on this device. */
export function keepDeviceDraft(userId: number, draft: DeviceDraft): void {
  store(userId, [...listDeviceDrafts(userId).filter((d) => d.key !== draft.key), draft]);
}

/** Forgets a draft once the server has all of it. */
export function dropDeviceDraft(userId: number, key: string): void {
  const drafts = listDeviceDrafts(userId);
  const kept = drafts.filter((d) => d.key !== key);
  if (kept.length < drafts.length) store(userId, kept);
}

/** A fresh key for a draft kept on this device. */
export function newDraftKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

// Who is sending a kept draft right now: an open form, or the background sync. Never both, or a
// new draft would be created twice.
const claimed = new Set<string>();

/** @returns false when someone else is already sending this draft */
export function claimDeviceDraft(key: string): boolean {
  if (claimed.has(key)) return false;
  claimed.add(key);
  return true;
}

export function releaseDeviceDraft(key: string): void {
  claimed.delete(key);
}

/**
 * Claims the newest kept draft that `matches` and nobody is sending, for a form to carry on with.
 * @example const kept = takeDeviceDraft(user.id, (d) => d.ideaId === id)
 */
export function takeDeviceDraft(userId: number, matches: (draft: DeviceDraft) => boolean): DeviceDraft | null {
  const found = listDeviceDrafts(userId)
    .filter(matches)
    .reverse()
    .find((draft) => !claimed.has(draft.key));
  if (found) claimed.add(found.key);
  return found ?? null;
}

/** What happened to drafts sent in the background, for the notice under the header. */
export type DraftSyncResult =
  | { kind: "saved"; key: string; ideaId: number; title: string }
  | { kind: "failed"; key: string; title: string; code: string };

export const draftSyncResults = signal<DraftSyncResult[]>([]);

/**
 * Sends the drafts kept on this device whenever the server has confirmed who is signed in and the
 * device is online: at start (the next visit), after signing in, when the connection returns.
 * The sending code is fetched only when there is something to send.
 * @returns a function that stops watching
 */
export function watchDeviceDrafts(): () => void {
  return effect(() => {
    const state = session.value;
    if (!online.value || state.kind !== "signed-in" || state.offline) return;
    const userId = state.user.id;
    if (listDeviceDrafts(userId).length === 0) return;
    import("./draft-sync")
      .then(({ syncDeviceDrafts }) => syncDeviceDrafts(userId))
      .catch((error: unknown) => console.warn("drafts kept on this device not sent", error));
  });
}
