/**
 * D1 read-your-writes: every API answer carries a bookmark; sending the latest one back makes the
 * next request read from a replica at least that fresh. Kept per tab (sessionStorage), so a reload
 * right after a write still sees it.
 */
export const BOOKMARK_HEADER = "x-d1-bookmark";
const STORAGE_KEY = "gagas.d1-bookmark";

let latest: string | null = readStored();

function readStored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function getBookmark(): string | null {
  return latest;
}

export function rememberBookmark(response: Response): void {
  const bookmark = response.headers.get(BOOKMARK_HEADER);
  if (!bookmark || bookmark === latest) return;
  latest = bookmark;
  try {
    sessionStorage.setItem(STORAGE_KEY, bookmark);
  } catch {
    // Memory alone still gives read-your-writes until the tab reloads.
  }
}
