import { signal } from "@preact/signals";
import { toApiProblem, type ApiProblem } from "../api/problem";
import { savedAtOf } from "./offline-copies";

export type Page<T> = { items: T[]; nextCursor: string | null };

/** `more`: the next page's own state, so a failed "load more" keeps what is already shown. */
export type PagedState<T> =
  | { kind: "loading" }
  | {
      kind: "ready";
      items: T[];
      nextCursor: string | null;
      more: "idle" | "loading" | ApiProblem;
      /** when the first page was saved on this device, if it came from there (offline) */
      savedAt?: number | null;
    }
  | { kind: "problem"; problem: ApiProblem };

/** How long a list shown before may be shown again as is (coming back from an item). */
const FRESH_MS = 60_000;

/**
 * A cursor-paginated list as a signal: first page, further pages appended, stale answers ignored
 * (a newer query always wins). Kept at module level by its users, so coming back to the list shows
 * the same items at once and the browser can restore the scroll position.
 * @param fetchPage one page of `query`, after `cursor`
 * @param keyOf identifies a query (same key = same list)
 * @example const ideas = createPagedList(listIdeas, (q) => JSON.stringify(q))
 */
export function createPagedList<T, Q>(
  fetchPage: (query: Q, cursor?: string) => Promise<Page<T>>,
  keyOf: (query: Q) => string,
) {
  const state = signal<PagedState<T>>({ kind: "loading" });
  let query: Q | undefined;
  let key: string | null = null;
  let loadedAt = 0;
  let sequence = 0;

  /**
   * Shows the first page of `next`; a list of the same query loaded within a minute is kept.
   * @param force ask again even then ("try again", after a write)
   */
  async function load(next: Q, force = false): Promise<void> {
    const nextKey = keyOf(next);
    const current = state.value;
    if (!force && nextKey === key && current.kind === "ready" && Date.now() - loadedAt < FRESH_MS) return;
    query = next;
    key = nextKey;
    const mine = ++sequence;
    state.value = { kind: "loading" };
    try {
      const page = await fetchPage(next);
      if (mine !== sequence) return;
      const savedAt = savedAtOf(page);
      // a copy from this device is asked for again as soon as the list is opened again
      loadedAt = savedAt === null ? Date.now() : 0;
      state.value = { kind: "ready", items: page.items, nextCursor: page.nextCursor, more: "idle", savedAt };
    } catch (error) {
      if (mine !== sequence) return;
      key = null;
      state.value = { kind: "problem", problem: toApiProblem(error) };
    }
  }

  /** Appends the next page; does nothing while one is loading or when there is none. */
  async function loadMore(): Promise<void> {
    const current = state.value;
    if (current.kind !== "ready" || !current.nextCursor || current.more === "loading" || query === undefined) return;
    const mine = sequence;
    state.value = { ...current, more: "loading" };
    try {
      const page = await fetchPage(query, current.nextCursor);
      if (mine !== sequence) return;
      state.value = {
        kind: "ready",
        items: [...current.items, ...page.items],
        nextCursor: page.nextCursor,
        more: "idle",
      };
    } catch (error) {
      if (mine !== sequence) return;
      state.value = { ...current, more: toApiProblem(error) };
    }
  }

  /** After a write: the next `load` asks the server again. */
  function invalidate(): void {
    key = null;
  }

  return { state, load, loadMore, invalidate };
}
