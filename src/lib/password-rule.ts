import { checkPassword } from "../domain/password-policy";
import { validationError } from "./problem";

/**
 * Refuses a new password the policy rejects, as a 422 on `json.newPassword` with the rule's code
 * (`password.too_short`, `password.too_long`, `password.too_common`).
 * @throws ApiError 422
 */
export function requireAcceptablePassword(newPassword: string, account: { nip?: string; email?: string }): void {
  const issue = checkPassword(newPassword, { nip: account.nip, email: account.email });
  if (!issue) return;
  throw validationError([
    { path: "json.newPassword", code: `password.${issue}`, message: `The new password is ${issue.replace("_", " ")}` },
  ]);
}
