import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

/** `__Host-`: Secure, Path=/, no Domain — the browser refuses it from anywhere else. */
export const SESSION_COOKIE = "__Host-gagas_session";

export const readSessionToken = (c: Context) => getCookie(c, SESSION_COOKIE);

export function writeSessionCookie(c: Context, token: string, maxAgeSeconds: number) {
  setCookie(c, SESSION_COOKIE, token, {
    path: "/",
    secure: true,
    httpOnly: true,
    sameSite: "Lax",
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true, httpOnly: true, sameSite: "Lax" });
}

/**
 * Drops the cookie of a dead session from an answer — unless the answer itself sets the cookie
 * (a sign-in over a stale one): a deletion after it would win in the browser and sign it out again.
 */
export function clearStaleSessionCookie(c: Context) {
  const setsIt = c.res.headers.getSetCookie().some((header) => header.startsWith(`${SESSION_COOKIE}=`));
  if (!setsIt) clearSessionCookie(c);
}
