/**
 * The relying party's side of OpenID Connect (authorization code with PKCE) on `oauth4webapi`:
 * discovery at sign-in time, the authorization URL, and the code exchange with every check of the
 * ID token — issuer, audience, nonce, times, and its signature against the issuer's JWKS — and the
 * UserInfo endpoint when the ID token does not carry the NIP claim. Web APIs only (fetch, WebCrypto):
 * it runs in workerd. Failures become problems with precise codes (docs/sign-in-oidc.md).
 */
import * as oauth from "oauth4webapi";
import { hasClaim, isLoopbackIssuer, nipFromClaims } from "../domain/oidc";
import { ApiError } from "./problem";

/** How long one request to the provider may take. */
const PROVIDER_TIMEOUT_MS = 8_000;

export type OidcProvider = { issuer: string; clientId: string; clientSecret: string | null; scope: string };

const httpOptions = (issuer: string) => ({
  signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
  ...(isLoopbackIssuer(issuer) ? { [oauth.allowInsecureRequests]: true } : {}),
});

const providerError = (detail: string) => new ApiError(502, "oidc.provider_error", detail);

/** The provider's metadata from `<issuer>/.well-known/openid-configuration`, fetched now. */
export async function discover(issuer: string): Promise<oauth.AuthorizationServer> {
  const url = new URL(issuer);
  try {
    const response = await oauth.discoveryRequest(url, { algorithm: "oidc", ...httpOptions(issuer) });
    return await oauth.processDiscoveryResponse(url, response);
  } catch (error) {
    throw providerError(`The provider's discovery document could not be used: ${messageOf(error)}`);
  }
}

export type Authorization = { url: string; state: string; nonce: string; codeVerifier: string };

/** A fresh state, nonce and PKCE verifier, and the URL that sends the browser to the provider. */
export async function authorizationRequest(
  as: oauth.AuthorizationServer,
  provider: OidcProvider,
  redirectUri: string,
): Promise<Authorization> {
  if (!as.authorization_endpoint) throw providerError("The provider names no authorization endpoint");
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: provider.clientId,
    redirect_uri: redirectUri,
    scope: provider.scope,
    state,
    nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  }).toString();
  return { url: url.href, state, nonce, codeVerifier };
}

const refused = (code: string, detail: string) => new ApiError(401, code, detail);

/** An ID token check that failed, as its problem: audience, signature and the rest told apart. */
function idTokenProblem(error: unknown): ApiError {
  if (error instanceof oauth.OperationProcessingError) {
    const cause = error.cause as { claim?: string } | undefined;
    if (error.code === oauth.JWT_CLAIM_COMPARISON && cause?.claim === "aud") {
      return refused("oidc.audience_mismatch", "The ID token was issued to another client");
    }
    if (error.message.includes("signature verification failed") || error.code === oauth.KEY_SELECTION) {
      return refused("oidc.signature_invalid", "The ID token is not signed by the provider's keys");
    }
  }
  if (error instanceof oauth.ResponseBodyError) {
    return refused("oidc.code_rejected", `The provider refused the code: ${error.error}`);
  }
  if (error instanceof ApiError) return error;
  return refused("oidc.id_token_invalid", `The provider's answer failed a check: ${messageOf(error)}`);
}

/**
 * Exchanges the code from the provider's redirect for the person's claims, after every check.
 * @param callback the query the provider sent back (`code`, `state`, `iss` or `error`)
 * @returns the verified ID token's claims, merged with UserInfo's when the NIP claim was not in it
 */
export async function exchangeCode(
  as: oauth.AuthorizationServer,
  provider: OidcProvider,
  input: {
    callback: URLSearchParams;
    state: string;
    nonce: string;
    codeVerifier: string;
    redirectUri: string;
    nipClaim: string;
  },
): Promise<Record<string, unknown>> {
  const client: oauth.Client = { client_id: provider.clientId };
  const auth = provider.clientSecret ? oauth.ClientSecretBasic(provider.clientSecret) : oauth.None();
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, input.callback, input.state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      throw refused("oidc.provider_denied", `The provider did not sign the person in: ${error.error}`);
    }
    throw refused("oidc.callback_invalid", `The provider's redirect failed a check: ${messageOf(error)}`);
  }
  let response: Response;
  try {
    response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      auth,
      params,
      input.redirectUri,
      input.codeVerifier,
      httpOptions(provider.issuer),
    );
  } catch (error) {
    throw providerError(`The provider's token endpoint could not be reached: ${messageOf(error)}`);
  }
  let claims: Record<string, unknown>;
  let accessToken: string;
  try {
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: input.nonce,
      requireIdToken: true,
    });
    // TLS would vouch for the issuer; the signature is checked all the same, against the issuer's JWKS
    await oauth.validateApplicationLevelSignature(as, response, httpOptions(provider.issuer));
    claims = { ...oauth.getValidatedIdTokenClaims(result) };
    accessToken = result.access_token;
  } catch (error) {
    throw idTokenProblem(error);
  }
  if (hasClaim(claims, input.nipClaim) || !as.userinfo_endpoint) return claims;
  return { ...(await userInfo(as, client, accessToken, String(claims.sub), provider.issuer)), ...claims };
}

/** UserInfo for the same subject (a provider that keeps custom claims out of the ID token). */
async function userInfo(
  as: oauth.AuthorizationServer,
  client: oauth.Client,
  accessToken: string,
  subject: string,
  issuer: string,
): Promise<Record<string, unknown>> {
  try {
    const response = await oauth.userInfoRequest(as, client, accessToken, httpOptions(issuer));
    return { ...(await oauth.processUserInfoResponse(as, client, subject, response)) };
  } catch (error) {
    throw providerError(`The provider's UserInfo endpoint could not be used: ${messageOf(error)}`);
  }
}

/** The NIP in verified claims, or the problem of its absence. */
export function requireNip(claims: Record<string, unknown>, nipClaim: string): string {
  const nip = nipFromClaims(claims, nipClaim);
  if (!nip) {
    throw refused("oidc.nip_claim_missing", `The provider's answer has no NIP (18 digits) in the claim "${nipClaim}"`);
  }
  return nip;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
