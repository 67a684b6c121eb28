import { NETWORK_UNREACHABLE, toApiProblem } from "../api/problem";
import { COPIES_PREFIX } from "./remembered-user";
import { session } from "./session";

/**
 * Copies of what a person has read (idea lists, ideas), kept in this browser per person so that
 * they stay readable offline, as the offline banner promises. Only the API's own answers to that
 * person are kept; they are dropped with the remembered user (`remembered-user.ts`), at sign-out and
 * whenever the server says nobody is signed in. The newest
 * {@link MAX_COPIES} are kept; localStorage is small and a phone's is shared with every tab.
 */
type Copy = { key: string; data: unknown; savedAt: number };

export const MAX_COPIES = 30;
const PREFIX = COPIES_PREFIX;

/** Each answer that came from this device instead of the server, with when it was saved. */
const fromDevice = new WeakMap<object, number>();

function userId(): number | null {
  const state = session.peek();
  return state.kind === "signed-in" ? state.user.id : null;
}

function read(user: number): Copy[] {
  try {
    const stored = JSON.parse(localStorage.getItem(PREFIX + user) ?? "[]") as unknown;
    return Array.isArray(stored) ? (stored as Copy[]) : [];
  } catch {
    return [];
  }
}

function write(user: number, copies: Copy[]): void {
  // a full storage drops the oldest copies until the rest fits
  for (let kept = copies; kept.length > 0; kept = kept.slice(1)) {
    try {
      localStorage.setItem(PREFIX + user, JSON.stringify(kept));
      return;
    } catch {
      // too big: try with fewer
    }
  }
}

/** Keeps the server's answer for `key`, newest last. */
function keep(key: string, data: unknown): void {
  const user = userId();
  if (user === null) return;
  const copies = read(user).filter((c) => c.key !== key);
  copies.push({ key, data, savedAt: Date.now() });
  write(user, copies.slice(-MAX_COPIES));
}

/**
 * When the answer was saved on this device, for an answer that came from there; null for the server's.
 * @example const savedAt = savedAtOf(idea); if (savedAt) show("disimpan " + formatRelative(savedAt))
 */
export function savedAtOf(data: object): number | null {
  return fromDevice.get(data) ?? null;
}

/**
 * Asks the server; keeps its answer. When the server cannot be reached, answers the copy kept on
 * this device instead (marked, see {@link savedAtOf}), or fails as the server did.
 * @param key what is read, e.g. `idea:7`
 * @example const idea = await withCopy(`idea:${id}`, () => getIdea(id))
 */
export async function withCopy<T extends object>(key: string, ask: () => Promise<T>): Promise<T> {
  try {
    const data = await ask();
    keep(key, data);
    return data;
  } catch (error) {
    const user = userId();
    if (user === null || toApiProblem(error).code !== NETWORK_UNREACHABLE) throw error;
    const copy = read(user).find((c) => c.key === key);
    if (!copy || typeof copy.data !== "object" || copy.data === null) throw error;
    fromDevice.set(copy.data, copy.savedAt);
    return copy.data as T;
  }
}
