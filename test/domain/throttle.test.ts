import { describe, expect, it } from "vitest";
import { LOGIN_WINDOW_MS, loginRetryAfter } from "../../src/domain/throttle";

const t = Date.UTC(2026, 0, 5, 8, 0, 0);
const limits = { "acct:x": 5, "ip:1": 30 };

describe("loginRetryAfter", () => {
  it("allows another attempt below every limit", () => {
    expect(loginRetryAfter([{ key: "acct:x", count: 4, oldest: t }], limits, t)).toBeNull();
    expect(loginRetryAfter([], limits, t)).toBeNull();
  });

  it("waits until the oldest failure leaves the window once a limit is reached", () => {
    expect(loginRetryAfter([{ key: "acct:x", count: 5, oldest: t }], limits, t + 60_000)).toBe(14 * 60);
  });

  it("rounds the wait up to whole seconds", () => {
    expect(loginRetryAfter([{ key: "acct:x", count: 5, oldest: t }], limits, t + LOGIN_WINDOW_MS - 1)).toBe(1);
  });

  it("allows again once the window has passed", () => {
    expect(loginRetryAfter([{ key: "acct:x", count: 5, oldest: t }], limits, t + LOGIN_WINDOW_MS)).toBeNull();
  });

  it("takes the longest wait when several keys are over their limit", () => {
    const failures = [
      { key: "acct:x", count: 5, oldest: t },
      { key: "ip:1", count: 30, oldest: t - 5 * 60_000 },
    ];
    expect(loginRetryAfter(failures, limits, t)).toBe(15 * 60);
  });

  it("ignores keys without a limit", () => {
    expect(loginRetryAfter([{ key: "acct:other", count: 99, oldest: t }], limits, t)).toBeNull();
  });
});
