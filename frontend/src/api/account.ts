import { api } from "./client";
import { readJson } from "./read-json";

const v1 = api.api.v1;

/**
 * What an activation or reset link (or a printed code) is for, and whose it is.
 * @throws ApiProblem 404 `account_token.invalid`, 429 `auth.throttled`
 */
export async function checkAccountToken(token: string) {
  return readJson(await v1.auth.tokens.check.$post({ json: { token } }));
}

/** Sets the person's own password with an activation link or code; the server signs them in. */
export async function activateAccount(token: string, newPassword: string) {
  return readJson(await v1.auth.activate.$post({ json: { token, newPassword } }));
}

/** Asks for a reset link by e-mail; the answer is the same whether or not the account exists. */
export async function requestPasswordReset(identifier: string): Promise<void> {
  await v1.auth.forgot.$post({ json: { identifier } });
}

/** Sets a new password with a reset link; every other session ends and this browser signs in. */
export async function resetPassword(token: string, newPassword: string) {
  return readJson(await v1.auth.reset.$post({ json: { token, newPassword } }));
}

/** Moves the kind of an e-mail to in-app only, by the token of its unsubscribe link. */
export async function unsubscribe(token: string) {
  return readJson(await v1.notifications.unsubscribe.$post({ json: { token } }));
}
