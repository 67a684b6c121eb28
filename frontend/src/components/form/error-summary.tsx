import { useEffect, useRef } from "preact/hooks";
import { t } from "../../i18n";

export type FormError = { message: string; /** the input the message is about */ fieldId?: string };

type Props = {
  /** Unique on the page; the summary's title is `<id>-title`. */
  id: string;
  errors: readonly FormError[];
  /** Changes on every failed submit, so focus returns to the summary even when the errors are the same. */
  attempt: number;
};

function focusField(event: MouseEvent, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  field.focus();
}

/**
 * The list of what went wrong, at the top of a form. It takes focus and is announced
 * (`role="alert"`); each entry links to its field.
 */
export function ErrorSummary({ id, errors, attempt }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);

  if (errors.length === 0) return null;
  return (
    <div id={id} class="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("form.errorSummary")}</h2>
      <ul>
        {errors.map(({ message, fieldId }) => (
          <li key={`${fieldId}:${message}`}>
            {fieldId ? (
              <a href={`#${fieldId}`} onClick={(event) => focusField(event, fieldId)}>
                {message}
              </a>
            ) : (
              message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
