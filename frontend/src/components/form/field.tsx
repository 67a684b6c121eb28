import type { ComponentChildren } from "preact";
import { t } from "../../i18n";

/** What a control inside a {@link Field} needs so its label, hint and error reach screen readers. */
export type FieldControl = {
  id: string;
  name: string;
  "aria-invalid": "true" | undefined;
  "aria-describedby": string | undefined;
};

type Props = {
  id: string;
  label: string;
  /** Shown after the label in a lighter weight, e.g. "(opsional)". */
  labelNote?: string;
  hint?: string;
  /** Already translated; the field is marked invalid while there is one. */
  error?: string | null | undefined;
  /** More description below the control (a character counter), read with the hint. */
  after?: ComponentChildren;
  /** The id of `after`, when it should be part of the description. */
  afterId?: string;
  class?: string;
  children: (control: FieldControl) => ComponentChildren;
};

/**
 * A labelled control of any kind (textarea, select, number, date) with its hint and error in its
 * description (`aria-describedby`), like `TextField` for plain inputs.
 * @example <Field id="idea-problem" label={t("ideaForm.problem")}>{(c) => <textarea {...c} />}</Field>
 */
export function Field({ id, label, labelNote, hint, error, after, afterId, class: extra, children }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId, afterId].filter(Boolean).join(" ") || undefined;
  const classes = ["field", error ? "field-invalid" : "", extra ?? ""].filter(Boolean).join(" ");
  return (
    <div class={classes}>
      <label for={id}>
        {label}
        {labelNote && <span class="field-label-note"> {labelNote}</span>}
      </label>
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
      {children({ id, name: id, "aria-invalid": error ? "true" : undefined, "aria-describedby": describedBy })}
      {after}
    </div>
  );
}
