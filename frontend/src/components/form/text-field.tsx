import type { Ref } from "preact";
import { t } from "../../i18n";

type Props = {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: "text" | "password";
  hint?: string;
  /** The message when the value is wrong, already translated. */
  error?: string | null;
  autocomplete?: string;
  spellcheck?: boolean;
  inputRef?: Ref<HTMLInputElement>;
};

/**
 * A labelled input whose hint and error are part of its description (`aria-describedby`), so a
 * screen reader reads them when the field takes focus.
 */
export function TextField({ id, label, value, onInput, type = "text", hint, error, inputRef, ...rest }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={hintId} class="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field-error">
          <span class="visually-hidden">{t("form.errorPrefix")} </span>
          {error}
        </p>
      )}
      <input
        id={id}
        name={id}
        // one literal per branch: Preact's input types pair each `type` with its own attributes
        {...(type === "password" ? { type: "password" as const } : { type: "text" as const })}
        value={value}
        ref={inputRef}
        onInput={(event) => onInput(event.currentTarget.value)}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
        autocapitalize="off"
        {...rest}
      />
    </div>
  );
}
