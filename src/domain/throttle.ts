/**
 * Sign-in throttling: at most `limit` failures per key inside a sliding window. Keys are the
 * account named and the client address (offices share one address, so its limit is higher).
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_LIMITS = { account: 5, address: 30 } as const;

export type FailureCount = { key: string; count: number; oldest: number };

/**
 * @returns null when another attempt is allowed, or the seconds until one will be
 * @example loginRetryAfter([{ key: "acct:x", count: 5, oldest: t }], { "acct:x": 5 }, t + 60_000) // 840
 */
export function loginRetryAfter(failures: FailureCount[], limits: Record<string, number>, now: number): number | null {
  let wait = 0;
  for (const f of failures) {
    const limit = limits[f.key];
    if (limit !== undefined && f.count >= limit) wait = Math.max(wait, f.oldest + LOGIN_WINDOW_MS - now);
  }
  return wait > 0 ? Math.ceil(wait / 1000) : null;
}
