/**
 * Rules of sign-in through an agency's own OpenID Connect provider (docs/sign-in-oidc.md): which
 * issuers may be configured, which scopes and claim names are well formed, and how the NIP is read
 * from the provider's claims. Pure: no I/O.
 */

/** How long a started sign-in may take before its state expires. */
export const OIDC_STATE_TTL_MS = 10 * 60 * 1000;

/** Where the provider sends the browser back: a page of the SPA that finishes the sign-in. */
export const OIDC_CALLBACK_PATH = "/masuk/oidc";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export type IssuerCheck = { ok: true; issuer: string } | { ok: false; code: string; message: string };

/**
 * An issuer is an absolute `https` URL without query or fragment; plain `http` only on loopback
 * (a provider on the same machine in development and tests; a deployed Worker cannot reach one).
 * @example checkIssuer("https://sso.binjaikota.go.id/realms/asn") // { ok: true, issuer: "https://sso.binjaikota.go.id/realms/asn" }
 */
export function checkIssuer(text: string): IssuerCheck {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, code: "oidc.issuer_invalid", message: "The issuer must be an absolute URL" };
  }
  if (url.search || url.hash || url.username || url.password) {
    return { ok: false, code: "oidc.issuer_invalid", message: "The issuer has no query, fragment or credentials" };
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    return { ok: false, code: "oidc.issuer_not_https", message: "The issuer must use https" };
  }
  return { ok: true, issuer: text };
}

/** Whether plain http may be used with this issuer (loopback only, see {@link checkIssuer}). */
export const isLoopbackIssuer = (issuer: string) => {
  const url = URL.parse(issuer);
  return url !== null && url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
};

/** RFC 6749 §3.3 scope tokens, and `openid` among them. */
export function isValidScope(scope: string): boolean {
  const tokens = scope.split(" ");
  return tokens.every((t) => /^[\x21\x23-\x5B\x5D-\x7E]+$/.test(t)) && tokens.includes("openid");
}

/** A claim name, or a dotted path into nested claims (`employee.nip`). */
export const CLAIM_NAME = /^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/;

/**
 * The NIP a provider's claims carry: the claim named `claim` (literally, else as a dotted path),
 * as 18 digits once spaces are taken out (`19820315 200604 1 002` is written that way on paper).
 * @returns the NIP, or null when the claim is absent or not a NIP
 * @example nipFromClaims({ nip: "198203152006041002" }, "nip") // "198203152006041002"
 */
export function nipFromClaims(claims: Record<string, unknown>, claim: string): string | null {
  let value: unknown = claims[claim];
  if (value === undefined && claim.includes(".")) {
    value = claim.split(".").reduce<unknown>((at, key) => {
      return at !== null && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined;
    }, claims);
  }
  if (typeof value !== "string") return null;
  const digits = value.replace(/\s+/g, "");
  return /^\d{18}$/.test(digits) ? digits : null;
}

/** Whether the claims carry the NIP claim at all (absent vs. present but not a NIP). */
export const hasClaim = (claims: Record<string, unknown>, claim: string) =>
  claims[claim] !== undefined ||
  (claim.includes(".") &&
    claim
      .split(".")
      .reduce<unknown>(
        (at, key) => (at !== null && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined),
        claims,
      ) !== undefined);
