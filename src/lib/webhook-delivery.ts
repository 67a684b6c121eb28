/**
 * Webhook deliveries: a JSON event POSTed to an admin's endpoint, signed so the receiver can tell
 * it came from this app and is fresh. `X-Gagas-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" with the hook's secret>` (the scheme Stripe made familiar); `X-Gagas-Delivery` is
 * the delivery's stable key, the same on every retry, for the receiver to drop duplicates.
 */
import { DELIVERY_TIMEOUT_MS, outcomeOf, type Outcome } from "../domain/deliveries";
import { retryAfter } from "./web-push";

export type WebhookTarget = { url: string; secret: string };

/** The event a webhook receives: the in-app notification, its recipient, and the page it is about. */
export type WebhookEvent = {
  /** the delivery's key: the same on every retry */
  id: string;
  kind: string;
  createdAt: string;
  agency: { id: number; slug: string };
  recipient: { id: number; name: string; email: string };
  data: Record<string, unknown>;
  /** path of the app's page for it */
  url: string;
};

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

/**
 * The signature header of `body` sent at `timestamp` (Unix seconds).
 * @example await webhookSignature("whsec_…", 1796650000, '{"id":"…"}') // "t=1796650000,v1=5f0c…"
 */
export async function webhookSignature(secret: string, timestamp: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${timestamp}.${body}`));
  return `t=${timestamp},v1=${hex(mac)}`;
}

/**
 * POSTs one event to a webhook and says what it came to (sent, retry, reject).
 * @example const outcome = await deliverWebhook(env, { url, secret }, event);
 */
export async function deliverWebhook(
  _env: unknown,
  hook: WebhookTarget,
  event: WebhookEvent,
  options: { now?: number; timeoutMs?: number } = {},
): Promise<Outcome> {
  const body = JSON.stringify(event);
  const timestamp = Math.floor((options.now ?? Date.now()) / 1000);
  try {
    const res = await fetch(hook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Gagas-Webhook/1",
        "x-gagas-event": event.kind,
        "x-gagas-delivery": event.id,
        "x-gagas-signature": await webhookSignature(hook.secret, timestamp, body),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? DELIVERY_TIMEOUT_MS),
    });
    const detail = res.ok ? "" : (await res.text().catch(() => "")).slice(0, 200);
    return outcomeOf("webhook", res.status, detail && `HTTP ${res.status}: ${detail}`, retryAfter(res));
  } catch (error) {
    return outcomeOf("webhook", null, error instanceof Error ? error.message : String(error));
  }
}
