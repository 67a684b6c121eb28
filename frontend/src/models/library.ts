import { listLibrary, type LibraryFilters, type LibraryItem } from "../api/library";
import { createPagedList } from "./paged-list";

/** The Innovation Library (implemented ideas of every agency that shares them), newest first, as filtered. */
export const library = createPagedList<LibraryItem, LibraryFilters>(
  (filters, cursor) => listLibrary(filters, cursor),
  (filters) => JSON.stringify(filters),
);

/** The innovation opened last on its own page, so the idea form can name what is being replicated. */
let lastOpened: { id: number; title: string } | null = null;

export function rememberOpened(item: { id: number; title: string }) {
  lastOpened = { id: item.id, title: item.title };
}

/** An item of the pages already loaded, or the one opened last. */
export function findLoadedLibraryItem(id: number): { id: number; title: string } | undefined {
  if (lastOpened?.id === id) return lastOpened;
  const state = library.state.value;
  return state.kind === "ready" ? state.items.find((item) => item.id === id) : undefined;
}
