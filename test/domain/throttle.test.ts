import { describe, expect, it } from "vitest";
import { LOGIN_RULES, loginKeys, loginRetryAfter, type LoginFailures } from "../../src/domain/throttle";

const t = Date.UTC(2026, 0, 5, 8, 0, 0);
const MINUTE = 60_000;
const none: LoginFailures = { pair: [], address: [], account: [] };
const times = (n: number, at = t) => Array.from({ length: n }, (_, i) => at + i);

describe("loginKeys", () => {
  it("keys a known account by its id, whichever identifier named it", () => {
    expect(loginKeys(42, "199104172015032001", "203.0.113.7")).toEqual({
      pair: "pair:u42:203.0.113.7",
      address: "ip:203.0.113.7",
      account: "acct:u42",
    });
    expect(loginKeys(42, "Dewi@Binjaikota.go.id", "203.0.113.7").account).toBe("acct:u42");
  });

  it("keys an unknown identifier by itself, whatever its case", () => {
    expect(loginKeys(null, " Nobody@Uji.go.id", "x").account).toBe("acct:id:nobody@uji.go.id");
  });
});

describe("loginRetryAfter", () => {
  it("allows an attempt below every limit", () => {
    expect(loginRetryAfter(none, t)).toBeNull();
    expect(loginRetryAfter({ ...none, pair: times(4) }, t)).toBeNull();
  });

  it("holds one address to 5 guesses at an account in 15 minutes, then waits for the oldest to leave", () => {
    expect(loginRetryAfter({ ...none, pair: times(5) }, t + MINUTE)).toBe(14 * 60);
    expect(loginRetryAfter({ ...none, pair: times(5) }, t + 15 * MINUTE + 5)).toBeNull();
  });

  it("holds one address to 30 failures at any accounts in 15 minutes", () => {
    expect(loginRetryAfter({ ...none, address: times(29) }, t)).toBeNull();
    expect(loginRetryAfter({ ...none, address: times(30) }, t)).toBe(15 * 60);
  });

  it("holds an address that guessed at the account to its ceiling of 10 an hour", () => {
    const failures = { pair: [t], address: [t], account: times(10) };
    expect(loginRetryAfter(failures, t + 30 * MINUTE)).toBe(30 * 60);
    expect(loginRetryAfter({ ...failures, account: times(9) }, t + 30 * MINUTE)).toBeNull();
  });

  it("lets an address without a recent failure at the account try, however many others guessed", () => {
    expect(loginRetryAfter({ ...none, account: times(500) }, t)).toBeNull();
    // a failure from this address more than an hour ago is not recent
    expect(loginRetryAfter({ ...none, pair: [t - 61 * MINUTE], account: times(500) }, t)).toBeNull();
  });

  it("waits until enough failures left the window for one more attempt", () => {
    const account = [t, t + 10 * MINUTE, ...times(9, t + 20 * MINUTE)];
    expect(LOGIN_RULES.account.limit).toBe(10);
    // 11 in the hour: the second oldest has to leave before the count is below 10
    expect(loginRetryAfter({ pair: [t], address: [], account }, t + 30 * MINUTE)).toBe(40 * 60);
  });
});
