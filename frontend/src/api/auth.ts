import { api, signalled } from "./client";
import { readJson } from "./read-json";

const auth = api.api.v1.auth;

/** The signed-in person; throws `ApiProblem` `auth.required` (401) when nobody is. */
export async function getMe() {
  return readJson(await auth.me.$get());
}

export type Me = Awaited<ReturnType<typeof getMe>>["user"];
export type Role = Me["roles"][number];
/** What the server says a person may do (`/auth/me` `can`), by name. */
export type Ability = keyof Me["can"];

/** My account as stored: what `getMe` has, plus when it was created and when I last signed in. */
export async function getProfile(signal?: AbortSignal) {
  const { profile } = await readJson(await api.api.v1.me.profile.$get(undefined, signalled(signal)));
  return profile;
}

/**
 * Signs in with NIP or e-mail; the server sets the session cookie.
 * @throws ApiProblem `auth.invalid_credentials` (401), `auth.throttled` (429, with `retryAfter`), 422
 */
export async function logIn(identifier: string, password: string) {
  return readJson(await auth.login.$post({ json: { identifier, password } }));
}

/** Ends this session on the server. */
export async function logOut(): Promise<void> {
  await auth.logout.$post();
}

/** Ends every session of this account, on every device. */
export async function logOutEverywhere(): Promise<void> {
  await auth["logout-all"].$post();
}

/**
 * Changes my password; the server signs out my other sessions.
 * @throws ApiProblem 422 with `errors[].path` `json.currentPassword` or `json.newPassword`
 */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await auth.password.$post({ json: { currentPassword, newPassword } });
}
