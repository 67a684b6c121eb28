/**
 * Sign-in throttling (the policy and its figures: docs/security.md). Guessing is limited without
 * letting anyone who knows a NIP keep its owner out:
 *
 * - `pair`: failures at one account from one client address — the guesser's own limit;
 * - `address`: failures from one address at any account (offices share one, so it is higher);
 * - `account`: failures at one account from everywhere, over a longer window — a ceiling for
 *   guessers spread over many addresses. It holds back only addresses that have themselves failed
 *   at the account lately: a correct password from an address without recent failures (the
 *   owner's, as a rule) is always checked.
 *
 * The account is the account, not how it was named: its NIP and its e-mail count together.
 */
const MINUTE = 60_000;

export const LOGIN_RULES = {
  pair: { limit: 5, windowMs: 15 * MINUTE },
  address: { limit: 30, windowMs: 15 * MINUTE },
  account: { limit: 10, windowMs: 60 * MINUTE },
} as const;

/** How far back failures matter at all. */
export const LOGIN_LOOKBACK_MS = Math.max(...Object.values(LOGIN_RULES).map((r) => r.windowMs));

export type LoginKeys = Record<keyof typeof LOGIN_RULES, string>;

/**
 * The counters a sign-in attempt touches.
 * @param accountId the account the identifier names, or null (then the identifier itself stands for
 * it, so that an unknown NIP is throttled exactly like a known one)
 * @example loginKeys(42, "199104172015032001", "203.0.113.7") // { pair: "pair:u42:203.0.113.7", account: "acct:u42", address: "ip:203.0.113.7" }
 */
export function loginKeys(accountId: number | null, identifier: string, address: string): LoginKeys {
  const account = accountId === null ? `id:${identifier.trim().toLowerCase()}` : `u${accountId}`;
  return { pair: `pair:${account}:${address}`, address: `ip:${address}`, account: `acct:${account}` };
}

/** The times of recent failures on each counter of an attempt. */
export type LoginFailures = Record<keyof typeof LOGIN_RULES, readonly number[]>;

/** Milliseconds until `times` hold fewer than `limit` failures inside the window (0: already). */
function waitUnderLimit(times: readonly number[], rule: { limit: number; windowMs: number }, now: number): number {
  const inWindow = times.filter((at) => at > now - rule.windowMs).sort((a, b) => a - b);
  if (inWindow.length < rule.limit) return 0;
  return inWindow[inWindow.length - rule.limit]! + rule.windowMs - now;
}

/**
 * @returns null when the attempt may be checked, or the seconds until it may
 * @example loginRetryAfter({ pair: [t, t, t, t, t], address: [], account: [] }, t + 60_000) // 840
 */
export function loginRetryAfter(failures: LoginFailures, now: number): number | null {
  const { pair, address, account } = LOGIN_RULES;
  const guessedHere = failures.pair.some((at) => at > now - account.windowMs);
  const wait = Math.max(
    waitUnderLimit(failures.pair, pair, now),
    waitUnderLimit(failures.address, address, now),
    guessedHere ? waitUnderLimit(failures.account, account, now) : 0,
  );
  return wait > 0 ? Math.ceil(wait / 1000) : null;
}
