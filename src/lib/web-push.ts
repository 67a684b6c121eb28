/**
 * Web Push to one browser: the message encrypted for it (RFC 8291 `aes128gcm`, by
 * `@block65/webcrypto-web-push`, WebCrypto only) and the request signed with the app's VAPID key
 * (RFC 8292). The VAPID JWT is built here so that a push service on this machine (development and
 * tests) can be reached over plain HTTP; real push services are HTTPS.
 */
import { encryptNotification } from "@block65/webcrypto-web-push";
import { DELIVERY_TIMEOUT_MS, outcomeOf, type Outcome } from "../domain/deliveries";
import { base64UrlDecode, base64UrlEncode } from "./base64url";

export type PushConfig = {
  /** the VAPID public key: an uncompressed P-256 point, base64url (what the browser subscribes with) */
  VAPID_PUBLIC_KEY?: string;
  /** the private scalar `d`, base64url: a Worker secret */
  VAPID_PRIVATE_KEY?: string;
  /** who runs this server: `mailto:` or `https:` (RFC 8292 §2.1) */
  VAPID_SUBJECT?: string;
};

export type PushTarget = { endpoint: string; p256dh: string; auth: string };

/** The public key, or null when push is not configured (then the app offers no push). */
export const vapidPublicKey = (env: PushConfig): string | null =>
  env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY ? env.VAPID_PUBLIC_KEY : null;

/** A VAPID JWT (ES256) for the push service of `endpoint`, valid for twelve hours. */
export async function vapidAuthorization(env: Required<PushConfig>, endpoint: string, now: number): Promise<string> {
  const publicBytes = base64UrlDecode(env.VAPID_PUBLIC_KEY);
  const key = await crypto.subtle.importKey(
    "jwk",
    {
      kty: "EC",
      crv: "P-256",
      x: base64UrlEncode(publicBytes.slice(1, 33)),
      y: base64UrlEncode(publicBytes.slice(33, 65)),
      d: env.VAPID_PRIVATE_KEY,
    },
    { name: "ECDSA", namedCurve: "P-256" },
    false,
    ["sign"],
  );
  const text = (value: object) => base64UrlEncode(new TextEncoder().encode(JSON.stringify(value)));
  const claims = { aud: new URL(endpoint).origin, exp: Math.floor(now / 1000) + 12 * 3600, sub: env.VAPID_SUBJECT };
  const unsigned = `${text({ typ: "JWT", alg: "ES256" })}.${text(claims)}`;
  // WebCrypto's ECDSA signature is r ‖ s, which is what JWS ES256 wants
  const signature = await crypto.subtle.sign(
    { name: "ECDSA", hash: "SHA-256" },
    key,
    new TextEncoder().encode(unsigned),
  );
  return `vapid t=${unsigned}.${base64UrlEncode(new Uint8Array(signature))}, k=${env.VAPID_PUBLIC_KEY}`;
}

/**
 * Sends one push message and says what it came to: sent, gone (404/410: forget the subscription),
 * retry (network, 429, 5xx) or reject.
 * @param payload JSON the service worker reads (`{ title, body, url, tag }`)
 * @example const outcome = await sendPush(env, subscription, { title: "…", body: "…", url: "/ide/7", tag: "n12" });
 */
export async function sendPush(
  env: PushConfig,
  subscription: PushTarget,
  payload: unknown,
  options: { now?: number; timeoutMs?: number; ttlSeconds?: number } = {},
): Promise<Outcome> {
  if (!env.VAPID_PUBLIC_KEY || !env.VAPID_PRIVATE_KEY)
    return { kind: "retry", status: null, error: "push is not configured (VAPID keys)" };
  const config = {
    VAPID_PUBLIC_KEY: env.VAPID_PUBLIC_KEY,
    VAPID_PRIVATE_KEY: env.VAPID_PRIVATE_KEY,
    VAPID_SUBJECT: env.VAPID_SUBJECT || "mailto:admin@gagas.invalid",
  };
  try {
    const body = await encryptNotification(
      {
        endpoint: subscription.endpoint,
        expirationTime: null,
        keys: { p256dh: subscription.p256dh, auth: subscription.auth },
      },
      new TextEncoder().encode(JSON.stringify(payload)),
    );
    const res = await fetch(subscription.endpoint, {
      method: "POST",
      headers: {
        authorization: await vapidAuthorization(config, subscription.endpoint, options.now ?? Date.now()),
        "content-encoding": "aes128gcm",
        "content-type": "application/octet-stream",
        ttl: String(options.ttlSeconds ?? 24 * 3600),
        urgency: "normal",
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? DELIVERY_TIMEOUT_MS),
    });
    const detail = res.ok ? "" : (await res.text().catch(() => "")).slice(0, 200);
    return outcomeOf("push", res.status, detail && `HTTP ${res.status}: ${detail}`, retryAfter(res));
  } catch (error) {
    return outcomeOf("push", null, error instanceof Error ? error.message : String(error));
  }
}

/** `Retry-After` in seconds, when the far end said one. */
export function retryAfter(res: Response): number | null {
  const value = Number(res.headers.get("retry-after"));
  return Number.isFinite(value) && value > 0 ? value : null;
}
