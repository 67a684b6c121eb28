import type { ComponentChildren } from "preact";
import type { Me } from "../api/auth";
import { useSignedInUser } from "../lib/use-signed-in-user";
import { loadSession, session } from "../models/session";
import { Loading } from "./loading";
import { ProblemMessage } from "./problem-message";

const retry = () => void loadSession();

/**
 * Renders `children` for the signed-in person; meanwhile a loading line, or the problem when the
 * server could not say who is signed in. Everyone else is sent to sign in (see `useSignedInUser`).
 * @example <RequireSignIn>{(user) => <ProfileView user={user} />}</RequireSignIn>
 */
export function RequireSignIn({ children }: { children: (user: Me) => ComponentChildren }) {
  const user = useSignedInUser();
  const state = session.value;
  if (user) return <>{children(user)}</>;
  if (state.kind === "problem") return <ProblemMessage problem={state.problem} onRetry={retry} />;
  return <Loading />;
}
