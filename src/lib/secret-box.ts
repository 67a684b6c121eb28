/**
 * Seals a secret for storage in D1 with AES-256-GCM under a key that lives only in a Worker secret
 * (`OIDC_SECRET_KEY`, 32 random bytes in base64url): a copy of the database alone does not reveal it.
 * Sealed form: `v1.<iv>.<ciphertext+tag>`, both base64url. The agency id is bound as additional data,
 * so a sealed value moved to another agency's row does not open.
 */
import { base64UrlDecode, base64UrlEncode } from "./base64url";

const VERSION = "v1";
const encoder = new TextEncoder();

/** @throws when the key is missing or not 32 bytes of base64url */
async function importKey(keyText: string | undefined): Promise<CryptoKey> {
  if (!keyText) throw new SecretKeyMissing();
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = base64UrlDecode(keyText.trim());
  } catch {
    throw new SecretKeyMissing();
  }
  if (raw.length !== 32) throw new SecretKeyMissing();
  return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
}

/** The Worker has no usable OIDC_SECRET_KEY (absent, or not 32 bytes of base64url). */
export class SecretKeyMissing extends Error {
  constructor() {
    super("OIDC_SECRET_KEY is not set to 32 bytes of base64url");
    this.name = "SecretKeyMissing";
  }
}

/**
 * @param keyText the Worker secret (base64url of 32 bytes)
 * @param context bound to the ciphertext (e.g. `agency:7`); opening needs the same
 * @example await sealSecret(env.OIDC_SECRET_KEY, "s3cr3t", "agency:7") // "v1.Qm…"
 */
export async function sealSecret(keyText: string | undefined, secret: string, context: string): Promise<string> {
  const key = await importKey(keyText);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(secret),
  );
  return `${VERSION}.${base64UrlEncode(iv)}.${base64UrlEncode(new Uint8Array(sealed))}`;
}

/** @throws SecretKeyMissing without a key; an Error when the value was sealed under another key or context */
export async function openSecret(keyText: string | undefined, sealed: string, context: string): Promise<string> {
  const key = await importKey(keyText);
  const [version, iv, body] = sealed.split(".");
  if (version !== VERSION || !iv || !body) throw new Error("not a sealed secret");
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: base64UrlDecode(iv), additionalData: encoder.encode(context) },
    key,
    base64UrlDecode(body),
  );
  return new TextDecoder().decode(plain);
}
