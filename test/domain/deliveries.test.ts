import { describe, expect, it } from "vitest";
import {
  MAX_ATTEMPTS,
  nextState,
  outcomeOf,
  pushContent,
  pushEndpointAllowed,
  retryDelay,
  RETRY_BASE_MS,
  RETRY_MAX_MS,
  webhookUrlProblem,
} from "../../src/domain/deliveries";

describe("retryDelay", () => {
  it("doubles from a minute, adds at most a fifth of jitter, and stops growing at six hours", () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 0))).toEqual([1, 2, 4, 8].map((k) => k * RETRY_BASE_MS));
    expect(retryDelay(1, 0.999)).toBeLessThan(1.2 * RETRY_BASE_MS);
    expect(retryDelay(30, 0)).toBe(RETRY_MAX_MS);
  });
});

describe("outcomeOf", () => {
  it("reads 2xx as sent, 404/410 of a push service as gone, 429/5xx/network as retry, other 4xx as reject", () => {
    expect(outcomeOf("push", 201).kind).toBe("sent");
    expect(outcomeOf("push", 410).kind).toBe("gone");
    expect(outcomeOf("webhook", 410).kind).toBe("reject");
    expect(outcomeOf("webhook", 503).kind).toBe("retry");
    expect(outcomeOf("webhook", 429, "", 120)).toMatchObject({ kind: "retry", retryAfterMs: 120_000 });
    expect(outcomeOf("webhook", null, "timeout")).toMatchObject({ kind: "retry", status: null, error: "timeout" });
    expect(outcomeOf("webhook", 400).kind).toBe("reject");
    expect(outcomeOf("webhook", 301).kind).toBe("reject");
  });
});

describe("nextState", () => {
  it("retries until the last attempt, then fails; a rejected message fails at once", () => {
    const retry = outcomeOf("webhook", 500);
    expect(nextState(retry, 1, 0, 0)).toEqual({ state: "pending", nextAttemptAt: RETRY_BASE_MS });
    expect(nextState(retry, MAX_ATTEMPTS, 0, 0).state).toBe("failed");
    expect(nextState(outcomeOf("webhook", 400), 1, 0, 0).state).toBe("failed");
    expect(nextState(outcomeOf("webhook", 429, "", 3600), 1, 0, 0).nextAttemptAt).toBe(3_600_000);
  });
});

describe("URLs", () => {
  it("takes HTTPS webhooks and plain HTTP only to this machine", () => {
    expect(webhookUrlProblem("https://hooks.slack.com/services/x")).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:8080/hook")).toBeNull();
    expect(webhookUrlProblem("http://localhost/hook")).toBeNull();
    expect(webhookUrlProblem("http://gateway.example.com/hook")).toBe("webhook.url_not_https");
    expect(webhookUrlProblem("https://user:pw@example.com/")).toBe("webhook.url_invalid");
    expect(webhookUrlProblem("ftp://example.com/")).toBe("webhook.url_invalid");
    expect(webhookUrlProblem("not a url")).toBe("webhook.url_invalid");
  });

  it("takes push endpoints of the browsers' push services only", () => {
    expect(pushEndpointAllowed("https://fcm.googleapis.com/fcm/send/abc")).toBe(true);
    expect(pushEndpointAllowed("https://updates.push.services.mozilla.com/wpush/v2/abc")).toBe(true);
    expect(pushEndpointAllowed("https://web.push.apple.com/abc")).toBe(true);
    expect(pushEndpointAllowed("https://wns2-par02p.notify.windows.com/w/?token=abc")).toBe(true);
    expect(pushEndpointAllowed("http://127.0.0.1:9000/push/abc")).toBe(true);
    expect(pushEndpointAllowed("https://evil.example.com/fcm.googleapis.com")).toBe(false);
    expect(pushEndpointAllowed("https://fcm.googleapis.com.evil.example/x")).toBe(false);
    expect(pushEndpointAllowed("http://fcm.googleapis.com/fcm/send/abc")).toBe(false);
  });
});

describe("pushContent", () => {
  it("says what happened in Bahasa Indonesia and opens the page it is about", () => {
    expect(pushContent(5, "comment_on_my_idea", { ideaId: 7, title: "Antrean daring" })).toEqual({
      title: "Komentar baru pada ide Anda",
      body: "Antrean daring",
      url: "/ide/7",
      tag: "n5",
    });
    expect(pushContent(6, "review_due", { ideaId: 7, assignmentId: 3, title: "X" }).url).toBe("/penilaian/3");
    expect(pushContent(7, "points_earned", { points: 25 })).toMatchObject({ body: "+25 poin", url: "/poin" });
    expect(pushContent(8, "unknown_kind", {})).toMatchObject({ title: "Gagas", url: "/notifikasi" });
  });
});
