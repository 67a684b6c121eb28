/**
 * Makes a VAPID key pair for Web Push (RFC 8292): a P-256 key whose public half browsers subscribe
 * with and whose private half signs every push request.
 *
 * Run: npm run vapid-keys
 * Then put the public key in wrangler.toml (`[vars] VAPID_PUBLIC_KEY`, with `VAPID_SUBJECT`, a
 * `mailto:` address of whoever runs the deployment) and the private key in a secret:
 * `npx wrangler secret put VAPID_PRIVATE_KEY`. Changing the pair unsubscribes every browser.
 */
import { generateKeyPairSync } from "node:crypto";

export type VapidKeys = { publicKey: string; privateKey: string };

/** A fresh pair: the public key as an uncompressed point and the private scalar, both base64url. */
export function generateVapidKeys(): VapidKeys {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const jwk = privateKey.export({ format: "jwk" });
  if (!jwk.x || !jwk.y || !jwk.d) throw new Error("the P-256 key has no coordinates");
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, "base64url"), Buffer.from(jwk.y, "base64url")]);
  return { publicKey: point.toString("base64url"), privateKey: jwk.d };
}

if (import.meta.main) {
  const keys = generateVapidKeys();
  console.log(`VAPID_PUBLIC_KEY=${keys.publicKey}`);
  console.log(`VAPID_PRIVATE_KEY=${keys.privateKey}`);
  console.log('\nPublic key: wrangler.toml [vars] VAPID_PUBLIC_KEY (and VAPID_SUBJECT = "mailto:…").');
  console.log("Private key: npx wrangler secret put VAPID_PRIVATE_KEY (never commit it).");
}
