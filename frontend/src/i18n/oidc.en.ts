import type { oidcId } from "./oidc.id.ts";

/** English for signing in with the agency's identity provider: exactly the keys of `oidc.id.ts`. */
export const oidcEn = {
  "oidc.signInWith": "Sign in with {provider}",
  "oidc.starting": "Opening {provider}…",
  "oidc.agencyLead": "Sign in to Gagas at {agency}.",
  "oidc.passwordsOff":
    "{agency} signs in with {provider}; Gagas passwords are no longer used. Press the button below, then sign in on {provider}'s page.",
  "oidc.or": "or with NIP/e-mail and password",
  "oidc.loadingAgency": "Loading how this agency signs in…",
  "oidc.otherAgency": "Not your agency? Sign in with a password",
  "oidc.returnTitle": "Finishing signing in",
  "oidc.finishing": "Checking the identity provider's answer…",
  "oidc.failedTitle": "Not signed in",
  "oidc.backToSignIn": "Back to the sign-in page",
  "oidc.noState": "This page was opened without an answer from an identity provider. Start from the sign-in page.",

  "admin.oidc": "Sign-in with the agency's SSO",
  "admin.oidcLead": "Set the agency's identity provider (OpenID Connect) and whether passwords still sign in.",
  "oidcAdmin.title": "Sign-in with the agency's SSO",
  "oidcAdmin.lead":
    "Civil servants sign in with the agency's identity provider account (OpenID Connect). Gagas accounts are matched by NIP; no account is ever created automatically.",
  "oidcAdmin.loading": "Loading the identity provider settings…",
  "oidcAdmin.notConfigured": "No identity provider yet. Everyone signs in with a password.",
  "oidcAdmin.registerTitle": "Register Gagas at the identity provider",
  "oidcAdmin.redirectUri": "Redirect URI",
  "oidcAdmin.signInUrl": "The agency's sign-in page",
  "oidcAdmin.signInUrlHint": "Share this link: the sign-in page that shows your identity provider's button.",
  "oidcAdmin.displayName": "Provider name",
  "oidcAdmin.displayNameHint": "Written on the button: “Sign in with …”. For example: SSO Pemkot Binjai.",
  "oidcAdmin.issuer": "Issuer",
  "oidcAdmin.issuerHint":
    "The provider's https address; Gagas reads /.well-known/openid-configuration from it at every sign-in.",
  "oidcAdmin.clientId": "Client ID",
  "oidcAdmin.clientSecret": "Client secret",
  "oidcAdmin.clientSecretHint": "Stored encrypted and never shown again.",
  "oidcAdmin.clientSecretKept": "Already stored. Leave empty to keep it; fill in to replace it.",
  "oidcAdmin.removeSecret": "Remove the client secret (a public client, PKCE only)",
  "oidcAdmin.noSecretKey":
    "The Gagas server has no OIDC_SECRET_KEY yet, so a client secret cannot be stored. Ask the operator to set it.",
  "oidcAdmin.scope": "Scope",
  "oidcAdmin.scopeHint": "Space-separated, must include openid.",
  "oidcAdmin.nipClaim": "NIP claim",
  "oidcAdmin.nipClaimHint": "The ID token (or UserInfo) claim that holds the 18-digit NIP, e.g. nip.",
  "oidcAdmin.passwordSignIn": "Also allow signing in with a Gagas password",
  "oidcAdmin.passwordSignInHint":
    "Switch off once every civil servant of the agency has an identity provider account: password sign-in is then refused, and the agency's sign-in page shows only the provider's button.",
  "oidcAdmin.save": "Save the identity provider",
  "oidcAdmin.saving": "Checking and saving…",
  "oidcAdmin.saved": "Saved. The identity provider answered correctly.",

  "field.oidc.issuer_invalid": "Write the full address, e.g. https://sso.agency.go.id.",
  "field.oidc.issuer_not_https": "The issuer must use https.",
  "field.oidc.discovery_failed":
    "The identity provider at this address did not answer /.well-known/openid-configuration correctly.",
  "field.oidc.scope_invalid": "Write space-separated scopes, openid among them.",
  "field.oidc.secret_key_missing": "The server has no OIDC_SECRET_KEY to encrypt the client secret with.",

  "code.auth.password_sign_in_disabled":
    "Your agency no longer signs in with passwords. Use the “Sign in with …” button of your agency's identity provider.",
  "code.oidc.state_unknown":
    "This sign-in is unknown in this browser, has expired or was already used. Start again from the sign-in page.",
  "code.oidc.signature_invalid":
    "The identity provider's token has an invalid signature, so you were not signed in. Tell your agency's admin.",
  "code.oidc.audience_mismatch":
    "The identity provider's token was meant for another application, so you were not signed in. Tell your agency's admin.",
  "code.oidc.id_token_invalid":
    "The identity provider's answer failed a check, so you were not signed in. Try again; if it happens again, tell your agency's admin.",
  "code.oidc.nip_claim_missing":
    "The identity provider did not send your NIP, so your Gagas account cannot be recognised. Contact your agency's admin.",
  "code.oidc.no_matching_account":
    "No active Gagas account of this agency has your NIP. Accounts are not created automatically: ask the personnel admin to create yours.",
  "code.oidc.provider_denied": "The identity provider did not sign you in (cancelled or refused).",
  "code.oidc.provider_error":
    "The agency's identity provider could not be reached or answered wrongly. Try again later.",
  "code.oidc.code_rejected":
    "The identity provider refused the sign-in code (perhaps already used). Start again from the sign-in page.",
  "code.oidc.callback_invalid": "The identity provider's answer is incomplete. Start again from the sign-in page.",
  "code.oidc.not_configured": "This agency has not set up an identity provider.",
  "code.oidc.secret_unreadable":
    "The identity provider's client secret cannot be opened on this server. The agency's admin needs to enter it again.",
} as const satisfies Record<keyof typeof oidcId, string>;
