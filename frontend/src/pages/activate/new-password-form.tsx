import { useState } from "preact/hooks";
import { toApiProblem } from "../../api/problem";
import { ErrorSummary } from "../../components/form/error-summary";
import { TextField } from "../../components/form/text-field";
import { t, type PlainKey } from "../../i18n";
import {
  checkPasswords,
  NO_PASSWORD_ERRORS,
  PASSWORD_FIELD_IDS as IDS,
  passwordErrorsOf,
  passwordSummaryOf,
  type PasswordErrors,
} from "../profile/password-errors";

type Props = {
  /** The account's NIP or name, for password managers to file the new password under. */
  username: string;
  submit: PlainKey;
  saving: PlainKey;
  /** Sets the password on the server; a thrown problem shows on the form. */
  onSave: (password: string) => Promise<void>;
};

/** A new password and its copy: length and match checked here, the rest (common passwords) by the server. */
export function NewPasswordForm({ username, submit, saving, onSave }: Props) {
  const [newPassword, setNewPassword] = useState("");
  const [confirmPassword, setConfirmPassword] = useState("");
  const [errors, setErrors] = useState<PasswordErrors>(NO_PASSWORD_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const fail = (found: PasswordErrors) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    // there is no current password here: the link or code stands for it
    const invalid = checkPasswords({ currentPassword: "-", newPassword, confirmPassword });
    if (invalid) return fail(invalid);
    setBusy(true);
    try {
      await onSave(newPassword);
    } catch (error) {
      fail(passwordErrorsOf(toApiProblem(error)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form" noValidate onSubmit={onSubmit}>
      <ErrorSummary id="new-password-errors" errors={passwordSummaryOf(errors)} attempt={attempt} />
      <input type="text" name="username" autocomplete="username" value={username} readOnly hidden />
      <TextField
        id={IDS.newPassword}
        label={t("password.new")}
        hint={t("password.newHint")}
        type="password"
        value={newPassword}
        onInput={setNewPassword}
        error={errors.fields.newPassword}
        autocomplete="new-password"
        spellcheck={false}
      />
      <TextField
        id={IDS.confirmPassword}
        label={t("password.confirm")}
        type="password"
        value={confirmPassword}
        onInput={setConfirmPassword}
        error={errors.fields.confirmPassword}
        autocomplete="new-password"
        spellcheck={false}
      />
      <button type="submit" class="button button-block" aria-disabled={busy ? "true" : undefined}>
        {busy ? t(saving) : t(submit)}
      </button>
    </form>
  );
}
