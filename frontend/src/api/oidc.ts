import { api, signalled } from "./client";
import { readJson } from "./read-json";

const v1 = api.api.v1;

/** How an agency's people sign in (public): its provider's name and whether passwords still do. */
export async function getAgencySignIn(agencySlug: string, signal?: AbortSignal) {
  return readJson(await v1.auth.oidc[":agencySlug"].$get({ param: { agencySlug } }, signalled(signal)));
}
export type AgencySignIn = Awaited<ReturnType<typeof getAgencySignIn>>;

/**
 * Starts signing in with the agency's provider; the server keeps state, nonce and PKCE verifier.
 * @returns the provider's URL to send the browser to
 * @throws ApiProblem 409 `oidc.not_configured`, 502 `oidc.provider_error`
 */
export async function startProviderSignIn(agencySlug: string, next: string) {
  const { authorizationUrl } = await readJson(
    await v1.auth.oidc[":agencySlug"].start.$post({ param: { agencySlug }, json: { next } }),
  );
  return authorizationUrl;
}

export type ProviderAnswer = Parameters<typeof v1.auth.oidc.callback.$post>[0]["json"];

/**
 * Finishes signing in with the query the provider's redirect carried; the server sets the session cookie.
 * @throws ApiProblem 400 `oidc.state_unknown`, 401 `oidc.no_matching_account` | `oidc.signature_invalid` | …
 */
export async function finishProviderSignIn(answer: ProviderAnswer) {
  return readJson(await v1.auth.oidc.callback.$post({ json: answer }));
}

/** My agency's provider, without its secret (agency admin). */
export async function getOidcSettings(signal?: AbortSignal) {
  return readJson(await v1.agency.oidc.$get(undefined, signalled(signal)));
}
export type OidcSettings = Awaited<ReturnType<typeof getOidcSettings>>;
export type OidcSettingsChange = Parameters<typeof v1.agency.oidc.$put>[0]["json"];

/** @throws ApiProblem 422 with `errors[].path` such as `json.issuer` (`oidc.discovery_failed`) */
export async function saveOidcSettings(change: OidcSettingsChange) {
  return readJson(await v1.agency.oidc.$put({ json: change }));
}
