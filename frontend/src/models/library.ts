import { listLibrary, type LibraryItem } from "../api/ideas";
import { createPagedList } from "./paged-list";

/** The Innovation Library (implemented ideas of every agency), newest first. */
export const library = createPagedList<LibraryItem, "all">(
  (_all, cursor) => listLibrary(cursor),
  () => "all",
);

/** An item of the pages already loaded. */
export function findLoadedLibraryItem(id: number): LibraryItem | undefined {
  const state = library.state.value;
  return state.kind === "ready" ? state.items.find((item) => item.id === id) : undefined;
}

const SEARCH_PAGES = 10;

/**
 * A library item by id. The API serves the library as pages only (the idea endpoint is scoped to
 * the reader's agency), so a direct link pages through it, at most {@link SEARCH_PAGES} pages of 100.
 * @returns undefined when it is not in the library
 */
export async function findLibraryItem(id: number): Promise<LibraryItem | undefined> {
  const loaded = findLoadedLibraryItem(id);
  if (loaded) return loaded;
  let cursor: string | undefined;
  for (let page = 0; page < SEARCH_PAGES; page++) {
    const { items, nextCursor } = await listLibrary(cursor, 100);
    const found = items.find((item) => item.id === id);
    if (found) return found;
    if (!nextCursor) return undefined;
    cursor = nextCursor;
  }
  return undefined;
}
