/**
 * The app moves focus to `#main` after every change of page, so screen readers announce it. A page
 * that only renames its own address (a new draft that just got its id) must not lose the caret of
 * the person typing: it asks for that one navigation to leave focus alone.
 */
let keepNext = false;

/**
 * Replaces the address without moving focus.
 * @param route `useLocation().route`
 * @example replaceKeepingFocus(route, `/ide/${id}/ubah`)
 */
export function replaceKeepingFocus(route: (url: string, replace?: boolean) => void, url: string): void {
  keepNext = true;
  route(url, true);
}

/** For the router's `onRouteChange`: true once after {@link replaceKeepingFocus}. */
export function takeKeepFocus(): boolean {
  const keep = keepNext;
  keepNext = false;
  return keep;
}
