import { useState } from "preact/hooks";
import { toApiProblem } from "../../api/problem";
import { ErrorSummary } from "../../components/form/error-summary";
import { TextField } from "../../components/form/text-field";
import { t } from "../../i18n";
import { changeMyPassword } from "../../models/session";
import {
  checkPasswords,
  NO_PASSWORD_ERRORS,
  PASSWORD_FIELD_IDS as IDS,
  passwordErrorsOf,
  passwordSummaryOf,
  type PasswordErrors,
  type PasswordInput,
} from "./password-errors";

const EMPTY: PasswordInput = { currentPassword: "", newPassword: "", confirmPassword: "" };

type Props = {
  /** The account's NIP, for password managers to file the new password under. */
  username: string;
  /** Called after the server accepted; without it the form says so and stays. */
  onChanged?: () => void;
};

/** Current, new and repeated password; checks length and match here, the rest on the server. */
export function ChangePasswordForm({ username, onChanged }: Props) {
  const [input, setInput] = useState<PasswordInput>(EMPTY);
  const [errors, setErrors] = useState<PasswordErrors>(NO_PASSWORD_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);

  const field = (name: keyof PasswordInput) => ({
    id: IDS[name],
    type: "password" as const,
    value: input[name],
    error: errors.fields[name],
    spellcheck: false,
    onInput: (value: string) => setInput((current) => ({ ...current, [name]: value })),
  });

  const fail = (found: PasswordErrors) => {
    setChanged(false);
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const invalid = checkPasswords(input);
    if (invalid) return fail(invalid);
    setBusy(true);
    try {
      await changeMyPassword(input.currentPassword, input.newPassword);
      setInput(EMPTY);
      setErrors(NO_PASSWORD_ERRORS);
      if (onChanged) onChanged();
      else setChanged(true);
    } catch (error) {
      fail(passwordErrorsOf(toApiProblem(error)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form" noValidate onSubmit={onSubmit}>
      <ErrorSummary id="password-errors" errors={passwordSummaryOf(errors)} attempt={attempt} />
      {changed && (
        <p class="notice notice-ok" role="status">
          {t("password.changed")}
        </p>
      )}
      <input type="text" name="username" autocomplete="username" value={username} readOnly hidden />
      <TextField {...field("currentPassword")} label={t("password.current")} autocomplete="current-password" />
      <TextField
        {...field("newPassword")}
        label={t("password.new")}
        hint={t("password.newHint")}
        autocomplete="new-password"
      />
      <TextField {...field("confirmPassword")} label={t("password.confirm")} autocomplete="new-password" />
      <button type="submit" class="button" aria-disabled={busy ? "true" : undefined}>
        {busy ? t("password.saving") : t("password.submit")}
      </button>
    </form>
  );
}
