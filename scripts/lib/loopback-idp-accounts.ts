/**
 * What a client of the loopback OpenID provider (scripts/lib/loopback-idp.ts) needs to know: its
 * client ids and secret, and how its accounts sign in. No imports: Worker tests read it too.
 */
export const IDP_PASSWORD = "sandi-idp-demo";
export const IDP_CLIENT_SECRET = "rahasia-klien-loopback-8f3a2c";
export const IDP_CLIENTS = {
  /** an honest client */
  honest: "gagas",
  /** its ID tokens come re-signed by a key that is not the provider's (same `kid`) */
  forgedSignature: "gagas-forged-signature",
  /** its ID tokens are signed by the provider but issued to another client */
  wrongAudience: "gagas-wrong-audience",
  /** a public client (PKCE alone, no secret): the one `npm start`'s demo agency uses */
  demo: "gagas-demo",
} as const;
/** The user name of an account whose token carries no NIP. */
export const IDP_USER_WITHOUT_NIP = "tanpa-nip";
