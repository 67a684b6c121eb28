import { useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { TextField } from "../../components/form/text-field";
import { t } from "../../i18n";
import { verifyPath } from "./paths";

/**
 * One field: the code. Submitting opens the code's own address, so a result can be shared as a link.
 * @param again a result is shown above: the form offers to check another code
 */
export function VerifyForm({ again }: { again: boolean }) {
  const { route } = useLocation();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!code.trim()) {
      setError(t("verify.codeRequired"));
      input.current?.focus();
      return;
    }
    setError(null);
    route(verifyPath(code));
    setCode("");
  }

  return (
    <form
      class="form verify-form"
      noValidate
      onSubmit={onSubmit}
      {...(again ? { "aria-labelledby": "verify-form-title" } : {})}
    >
      {again && <h2 id="verify-form-title">{t("verify.another")}</h2>}
      <TextField
        id="verify-code"
        label={t("verify.code")}
        hint={t("verify.codeHint")}
        value={code}
        onInput={setCode}
        error={error}
        inputRef={input}
        autocomplete="off"
        spellcheck={false}
      />
      <button type="submit" class="button">
        {t("verify.submit")}
      </button>
    </form>
  );
}
