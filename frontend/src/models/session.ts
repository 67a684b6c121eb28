import { computed, effect, signal } from "@preact/signals";
import { changePassword, getMe, logIn, logOut, logOutEverywhere, type Me } from "../api/auth";
import { NETWORK_UNREACHABLE, toApiProblem, type ApiProblem } from "../api/problem";
import { onReconnect } from "./connection";
import { forgetUser, rememberUser, rememberedUser } from "./remembered-user";

export type SessionState =
  | { kind: "loading" }
  | { kind: "signed-out" }
  /** `offline`: the server could not be asked; this is who was last signed in on this device */
  | { kind: "signed-in"; user: Me; offline?: true }
  | { kind: "problem"; problem: ApiProblem };

/** Who is signed in, as the server last confirmed it. */
export const session = signal<SessionState>({ kind: "loading" });

/** The signed-in person, or null (also while the first answer is pending). */
export const currentUser = computed(() => (session.value.kind === "signed-in" ? session.value.user : null));

/** Why the person was signed out, for the sign-in page to confirm it once. */
export type SignOutNotice = "signed-out" | "signed-out-everywhere";
export const signOutNotice = signal<SignOutNotice | null>(null);

let pending: Promise<void> | null = null;

/**
 * Asks the server who is signed in (`/auth/me`); 401 means nobody. Called once at start; a second
 * call while one is pending joins it.
 */
export function loadSession(): Promise<void> {
  pending ??= getMe()
    .then(({ user }) => {
      session.value = { kind: "signed-in", user };
    })
    .catch((error: unknown) => {
      const problem = toApiProblem(error);
      const remembered = problem.code === NETWORK_UNREACHABLE ? rememberedUser() : null;
      if (remembered) session.value = { kind: "signed-in", user: remembered, offline: true };
      else session.value = problem.status === 401 ? { kind: "signed-out" } : { kind: "problem", problem };
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

// This device remembers who the server last confirmed, for pages opened offline (see loadSession).
effect(() => {
  const state = session.value;
  if (state.kind === "signed-in" && !state.offline) rememberUser(state.user);
  else if (state.kind === "signed-out") forgetUser();
});

// Back online: ask the server again when it could not be asked before.
onReconnect(() => {
  const state = session.peek();
  const unconfirmed = state.kind === "signed-in" && state.offline;
  if (unconfirmed || (state.kind === "problem" && state.problem.code === NETWORK_UNREACHABLE)) void loadSession();
});

/**
 * Signs in; the session changes only once the server accepted.
 * @throws ApiProblem as `logIn` does; the state is left as it was
 */
export async function signIn(identifier: string, password: string): Promise<Me> {
  const { user } = await logIn(identifier, password);
  signOutNotice.value = null;
  session.value = { kind: "signed-in", user };
  return user;
}

/** A 401 means the session had already ended (expired, revoked elsewhere): the outcome is the same. */
async function endSession(call: () => Promise<void>, notice: SignOutNotice): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (toApiProblem(error).status !== 401) throw error;
  }
  signOutNotice.value = notice;
  session.value = { kind: "signed-out" };
}

/** Signs out of this device once the server revoked the session. @throws ApiProblem */
export const signOut = () => endSession(logOut, "signed-out");

/** Signs out of every device once the server revoked all sessions. @throws ApiProblem */
export const signOutEverywhere = () => endSession(logOutEverywhere, "signed-out-everywhere");

/**
 * Changes the password; once the server accepted, the "must change" flag is off.
 * @throws ApiProblem 422 with field errors; a 401 also marks the session as ended
 */
export async function changeMyPassword(currentPassword: string, newPassword: string): Promise<void> {
  try {
    await changePassword(currentPassword, newPassword);
  } catch (error) {
    if (toApiProblem(error).status === 401) session.value = { kind: "signed-out" };
    throw error;
  }
  const state = session.value;
  if (state.kind === "signed-in")
    session.value = { kind: "signed-in", user: { ...state.user, mustChangePassword: false } };
}
