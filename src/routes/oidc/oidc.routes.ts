import { createRoute } from "@hono/zod-openapi";
import { json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import {
  AgencySignInSchema,
  AgencySlugPath,
  OidcCallbackBody,
  OidcSessionSchema,
  OidcSettingsBody,
  OidcSettingsSchema,
  OidcStartBody,
  OidcStartSchema,
} from "./oidc.schemas";

const tags = ["auth"];
const admin = [guard("agency.configure")];

export const getOidcSettings = createRoute({
  method: "get",
  path: "/agency/oidc",
  tags: ["agency"],
  summary: "My agency's OpenID Connect provider (agency admin)",
  middleware: admin,
  responses: { 200: json(OidcSettingsSchema, "The provider, without its secret"), ...problems(401, 403) },
});

export const putOidcSettings = createRoute({
  method: "put",
  path: "/agency/oidc",
  tags: ["agency"],
  summary: "Set my agency's OpenID Connect provider and whether passwords still sign in (agency admin)",
  description:
    "The client secret is encrypted with the Worker secret `OIDC_SECRET_KEY` before it is stored; without that key a secret is refused with 422 `oidc.secret_key_missing`. The issuer is `https` (plain `http` on loopback only). Switching passwords off needs a provider. One audit row `agency.oidc_update`, without the secret.",
  middleware: admin,
  request: { body: jsonBody(OidcSettingsBody) },
  responses: { 200: json(OidcSettingsSchema, "The provider as it now is"), ...problems(401, 403, 422) },
});

export const getAgencySignIn = createRoute({
  method: "get",
  path: "/auth/oidc/{agencySlug}",
  tags,
  summary: "How the people of an agency sign in (public): its provider's name, and whether passwords do",
  request: { params: AgencySlugPath },
  responses: { 200: json(AgencySignInSchema, "The agency's sign-in options"), ...problems(404) },
});

export const startOidcSignIn = createRoute({
  method: "post",
  path: "/auth/oidc/{agencySlug}/start",
  tags,
  summary: "Start signing in with the agency's provider (authorization code with PKCE)",
  description:
    "Reads the provider's discovery document now, keeps state, nonce and PKCE verifier on the server for 10 minutes, sets the short-lived `__Host-gagas_oidc` cookie that binds them to this browser, and answers the provider's authorization URL to send the browser to.",
  request: { params: AgencySlugPath, body: jsonBody(OidcStartBody) },
  responses: { 200: json(OidcStartSchema, "Where to send the browser"), ...problems(404, 409, 422, 502) },
});

export const finishOidcSignIn = createRoute({
  method: "post",
  path: "/auth/oidc/callback",
  tags,
  summary: "Finish signing in with the provider: the SPA posts the redirect's query here",
  description:
    "The state is taken once (a replay answers 400 `oidc.state_unknown`) and only by the browser that started it. The code is exchanged with the PKCE verifier; the ID token's issuer, audience (401 `oidc.audience_mismatch`), nonce, times and signature against the issuer's JWKS (401 `oidc.signature_invalid`) are checked. The NIP claim (401 `oidc.nip_claim_missing`) must name an active account of the agency (401 `oidc.no_matching_account`): no account is ever created. Then the `__Host-gagas_session` cookie is set as by a password sign-in.",
  request: { body: jsonBody(OidcCallbackBody) },
  responses: { 200: json(OidcSessionSchema, "Signed in"), ...problems(400, 401, 422, 502) },
});
