import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { Me } from "../api/auth";
import { session, signOutNotice } from "../models/session";
import { CHANGE_PASSWORD_PATH, SIGN_IN_PATH, withNext } from "./paths";

/**
 * For pages only a signed-in person may see. Sends everyone else to the sign-in page (and back
 * here afterwards), and a person who must change their password to that form first.
 * @returns the person once they may see the page; null while loading or redirecting
 * @example const user = useSignedInUser(); if (!user) return <SessionPending />;
 */
export function useSignedInUser(): Me | null {
  const { url, path, route } = useLocation();
  const state = session.value;
  const user = state.kind === "signed-in" ? state.user : null;
  const mustChange = user?.mustChangePassword === true && path !== CHANGE_PASSWORD_PATH;

  useEffect(() => {
    // after signing out on purpose there is nowhere to come back to
    if (state.kind === "signed-out") route(signOutNotice.value ? SIGN_IN_PATH : withNext(SIGN_IN_PATH, url), true);
    else if (mustChange) route(withNext(CHANGE_PASSWORD_PATH, url), true);
  }, [state.kind, mustChange]);

  return mustChange ? null : user;
}
