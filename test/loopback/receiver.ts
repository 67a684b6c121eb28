/**
 * A push service and a webhook receiver on loopback, for tests: the far ends of Web Push and of
 * webhooks, strict enough that a delivery they accept is a correct one.
 *
 * Push (RFC 8030): `POST /subscriptions {vapidPublicKey, answer?}` makes a browser's subscription
 * (a fresh P-256 key pair and auth secret, as a browser would) and returns its `PushSubscription`
 * JSON. A message POSTed to its endpoint is accepted (201) only if the VAPID JWT (RFC 8292) is
 * signed ES256 by that public key for `aud` = this origin and an `exp` in the next 24 hours, and the
 * `aes128gcm` body (RFC 8291 / RFC 8188) decrypts with the subscription's private key and auth
 * secret. `answer: 410` makes an expired subscription, `answer: 503` a service that is down.
 *
 * Webhooks: `POST /hooks {failTimes?}` returns a URL; `POST /hooks/{id}/secret {secret}` gives it
 * the signing secret. A delivery is accepted (200) only with a fresh `X-Gagas-Signature` that is the
 * HMAC-SHA256 of `t.body`; the first `failTimes` deliveries answer 503.
 *
 * `GET /subscriptions/{id}/messages` and `GET /hooks/{id}/messages` list what arrived (and why a
 * request was refused).
 */
import {
  createECDH,
  createHmac,
  createDecipheriv,
  createPublicKey,
  randomBytes,
  timingSafeEqual,
  verify,
} from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

type Received = {
  ok: boolean;
  error?: string;
  plaintext?: string;
  claims?: Record<string, unknown>;
  headers: Record<string, string>;
};
type Subscription = {
  ecdh: ReturnType<typeof createECDH>;
  auth: Buffer;
  vapidPublicKey: string;
  answer: number;
  messages: Received[];
};
type Hook = { secret: string | null; failTimes: number; messages: Received[] };

const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();

/** RFC 8291 §3.4 and RFC 8188 §2: one record, the sender's key as keyid. */
export function decryptAes128gcm(body: Buffer, uaEcdh: ReturnType<typeof createECDH>, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const asPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error(`keyid is ${idLength} bytes, not a P-256 point`);
  if (ciphertext.length > recordSize) throw new Error("more than one record");
  const ecdhSecret = uaEcdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), uaEcdh.getPublicKey(), asPublic, Buffer.from([1])]);
  const ikm = hmac(hmac(auth, ecdhSecret), keyInfo);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01", "binary")).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01", "binary")).subarray(0, 12);
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("the last record has no 0x02 delimiter");
  return padded.subarray(0, end).toString("utf8");
}

/** RFC 8292 §2–3: `vapid t=<JWT>, k=<key>`, ES256 by the expected key, for this origin, not expired. */
export function verifyVapid(
  authorization: string,
  expectedKey: string,
  origin: string,
  now: number,
): Record<string, unknown> {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization);
  if (!match) throw new Error(`not a vapid Authorization: ${authorization}`);
  const [, jwt, key] = match as unknown as [string, string, string];
  if (key !== expectedKey) throw new Error("k is not the application server's key");
  const [header, claims, signature] = jwt.split(".") as [string, string, string];
  const head = JSON.parse(Buffer.from(header, "base64url").toString()) as { alg?: string };
  if (head.alg !== "ES256") throw new Error(`alg ${head.alg}`);
  const point = Buffer.from(key, "base64url");
  const publicKey = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
    },
    format: "jwk",
  });
  const signed = verify(
    "sha256",
    Buffer.from(`${header}.${claims}`),
    { key: publicKey, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!signed) throw new Error("the JWT signature does not verify");
  const body = JSON.parse(Buffer.from(claims, "base64url").toString()) as Record<string, unknown>;
  if (body.aud !== origin) throw new Error(`aud ${String(body.aud)} is not ${origin}`);
  const exp = Number(body.exp);
  if (!(exp > now / 1000 && exp <= now / 1000 + 24 * 3600))
    throw new Error(`exp ${exp} is not within the next 24 hours`);
  if (typeof body.sub !== "string" || !/^(mailto:|https:)/.test(body.sub))
    throw new Error("sub is not mailto: or https:");
  return body;
}

/** The webhook signature scheme: `t=<seconds>,v1=<hex HMAC-SHA256(secret, t.body)>`, at most 5 minutes old. */
export function verifyWebhookSignature(header: string, secret: string, body: string, now: number): void {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) throw new Error(`malformed signature header: ${header}`);
  const [, t, v1] = match as unknown as [string, string, string];
  if (Math.abs(now / 1000 - Number(t)) > 300) throw new Error("stale timestamp");
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(v1, "hex"))) throw new Error("signature mismatch");
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const headersOf = (req: IncomingMessage) =>
  Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));

function send(res: ServerResponse, status: number, body?: unknown) {
  res.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

/** Starts the receiver on 127.0.0.1 (a port the OS picks). */
export async function startReceiver(): Promise<{ origin: string; server: Server }> {
  const subscriptions = new Map<string, Subscription>();
  const hooks = new Map<string, Hook>();
  let origin = "";
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = new URL(req.url ?? "/", origin).pathname;
      const parts = path.split("/").filter(Boolean);
      if (req.method === "POST" && path === "/subscriptions") {
        const input = JSON.parse(body.toString()) as { vapidPublicKey: string; answer?: number };
        const id = randomBytes(8).toString("hex");
        const ecdh = createECDH("prime256v1");
        ecdh.generateKeys();
        const auth = randomBytes(16);
        subscriptions.set(id, {
          ecdh,
          auth,
          vapidPublicKey: input.vapidPublicKey,
          answer: input.answer ?? 201,
          messages: [],
        });
        return send(res, 201, {
          id,
          endpoint: `${origin}/push/${id}`,
          keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") },
        });
      }
      if (req.method === "POST" && parts[0] === "push" && parts[1]) {
        const sub = subscriptions.get(parts[1]);
        if (!sub) return send(res, 404);
        if (sub.answer !== 201) return send(res, sub.answer, { reason: "as configured" });
        const received: Received = { ok: false, headers: headersOf(req) };
        sub.messages.push(received);
        try {
          if (req.headers["content-encoding"] !== "aes128gcm") throw new Error("Content-Encoding is not aes128gcm");
          if (!req.headers.ttl) throw new Error("no TTL header");
          received.claims = verifyVapid(String(req.headers.authorization), sub.vapidPublicKey, origin, Date.now());
          received.plaintext = decryptAes128gcm(body, sub.ecdh, sub.auth);
          received.ok = true;
          return send(res, 201);
        } catch (error) {
          received.error = (error as Error).message;
          return send(res, 400, { reason: received.error });
        }
      }
      if (req.method === "GET" && parts[0] === "subscriptions" && parts[2] === "messages")
        return send(res, 200, subscriptions.get(parts[1] ?? "")?.messages ?? []);
      if (req.method === "POST" && path === "/hooks") {
        const input = JSON.parse(body.toString() || "{}") as { failTimes?: number };
        const id = randomBytes(8).toString("hex");
        hooks.set(id, { secret: null, failTimes: input.failTimes ?? 0, messages: [] });
        return send(res, 201, { id, url: `${origin}/hook/${id}` });
      }
      if (req.method === "POST" && parts[0] === "hooks" && parts[2] === "secret") {
        const hook = hooks.get(parts[1] ?? "");
        if (!hook) return send(res, 404);
        hook.secret = (JSON.parse(body.toString()) as { secret: string }).secret;
        return send(res, 204);
      }
      if (req.method === "POST" && parts[0] === "hook" && parts[1]) {
        const hook = hooks.get(parts[1]);
        if (!hook) return send(res, 404);
        const received: Received = { ok: false, headers: headersOf(req), plaintext: body.toString() };
        hook.messages.push(received);
        if (hook.failTimes > 0) {
          hook.failTimes--;
          received.error = "answered 503 as configured";
          return send(res, 503, { reason: "down for a moment" });
        }
        try {
          if (!hook.secret) throw new Error("no secret registered");
          verifyWebhookSignature(String(req.headers["x-gagas-signature"]), hook.secret, body.toString(), Date.now());
          received.ok = true;
          return send(res, 200, { received: true });
        } catch (error) {
          received.error = (error as Error).message;
          return send(res, 401, { reason: received.error });
        }
      }
      if (req.method === "GET" && parts[0] === "hooks" && parts[2] === "messages")
        return send(res, 200, hooks.get(parts[1] ?? "")?.messages ?? []);
      return send(res, 404);
    })().catch((error: unknown) => send(res, 500, { reason: String(error) }));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port from the OS");
  origin = `http://127.0.0.1:${address.port}`;
  return { origin, server };
}
