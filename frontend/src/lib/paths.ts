/** Paths of the account pages, shared by the header, the pages and the redirects between them. */
export const HOME_PATH = "/";
export const SIGN_IN_PATH = "/masuk";
/** Where the agency's identity provider sends the browser back (src/domain/oidc.ts `OIDC_CALLBACK_PATH`). */
export const SIGN_IN_RETURN_PATH = "/masuk/oidc";
export const PROFILE_PATH = "/profil";
export const API_TOKENS_PATH = "/profil/token-api";
export const CHANGE_PASSWORD_PATH = "/ganti-kata-sandi";
/** Where the e-mailed activation link and a printed slip's QR code lead (src/routes/activation). */
export const ACTIVATE_PATH = "/aktivasi";
export const FORGOT_PASSWORD_PATH = "/lupa-sandi";
/** Where the e-mailed reset link leads (src/routes/account). */
export const RESET_PASSWORD_PATH = "/atur-ulang-sandi";
export const UNSUBSCRIBE_PATH = "/berhenti-langganan";
export const ACTIVATION_PATH = "/admin/aktivasi";

/** Pages that must never be the target of `?next=` (they would send the person in a loop). */
const NOT_A_DESTINATION = new Set([
  SIGN_IN_PATH,
  SIGN_IN_RETURN_PATH,
  CHANGE_PASSWORD_PATH,
  ACTIVATE_PATH,
  FORGOT_PASSWORD_PATH,
  RESET_PASSWORD_PATH,
]);

/**
 * Where to go after signing in: `next` when it is a page of this site, else `fallback` (the
 * person's home, which shows what waits for them).
 * Rejects other origins (`//evil.example`, `https://…`, `/\evil`), the API and the account pages.
 * @param next the raw `?next=` value
 * @example safeNext("/ide/12?tab=komentar") // "/ide/12?tab=komentar"
 * @example safeNext("//evil.example") // "/"
 */
export function safeNext(next: string | undefined, fallback = HOME_PATH): string {
  if (!next?.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(next, location.origin);
  } catch {
    return fallback;
  }
  if (url.origin !== location.origin) return fallback;
  if (/^\/api(\/|$)/.test(url.pathname) || NOT_A_DESTINATION.has(url.pathname)) return fallback;
  return url.pathname + url.search + url.hash;
}

/**
 * `path?next=<where>`, with the slashes of `where` left readable (`/masuk?next=/profil`).
 * @param where a same-origin path with its query; none when it is the home page
 */
export function withNext(path: string, where: string | undefined): string {
  if (!where || where === "/") return path;
  return `${path}?next=${encodeURIComponent(where).replace(/%2F/gi, "/")}`;
}
