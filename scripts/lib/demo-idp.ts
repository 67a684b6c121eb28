/**
 * The demo's identity provider (docs/sign-in-oidc.md): `npm start` runs the loopback OpenID provider
 * and gives Kecamatan Andir a provider that uses it, passwords still on. Sign in at
 * `/masuk?instansi=andir` → "Masuk dengan SSO Kota Bandung (demo)", then a demo NIP of Andir and
 * the password `sandi-idp-demo`.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AGENCIES } from "../seed/organisation-data.ts";
import { IDP_CLIENTS } from "./loopback-idp-accounts.ts";
import { startLoopbackIdp, type LoopbackIdp } from "./loopback-idp.ts";

export const DEMO_IDP_PORT = 9400;
export const DEMO_IDP_AGENCY = "andir";
export const DEMO_IDP_NAME = "SSO Kota Bandung (demo)";

/** The loopback provider on its fixed port, naming the demo's people by their NIP. */
export function startDemoIdp(origin: string, port = DEMO_IDP_PORT): Promise<LoopbackIdp> {
  const names = Object.fromEntries(AGENCIES.flatMap((agency) => agency.users.map((u) => [u.nip, u.name])));
  return startLoopbackIdp({ port, redirectUris: [`${origin}/masuk/oidc`], names });
}

/**
 * Andir's provider, once: an admin's later changes stay. A public client (PKCE alone), so the demo
 * needs no sealed secret.
 */
export function demoProviderSql(issuer: string, now = Date.now()): string {
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  return `INSERT INTO agency_oidc (agency_id, display_name, issuer, client_id, client_secret_sealed, scope, nip_claim, password_sign_in, updated_at)
    SELECT id, ${quote(DEMO_IDP_NAME)}, ${quote(issuer)}, ${quote(IDP_CLIENTS.demo)}, NULL, 'openid profile', 'nip', 1, ${now}
    FROM agencies WHERE slug = ${quote(DEMO_IDP_AGENCY)}
    ON CONFLICT (agency_id) DO NOTHING`;
}

/**
 * The local Worker's OIDC_SECRET_KEY, made once and kept in `.wrangler/` so the client secrets an
 * admin stores locally still open after a restart.
 */
export function localSecretKey(root: string): string {
  const file = path.join(root, ".wrangler", "oidc-secret-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const key = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, key + "\n", { mode: 0o600 });
  return key;
}
