import { useRef, useState } from "preact/hooks";
import { toApiProblem, type ApiProblem } from "../api/problem";
import { t } from "../i18n";
import { Dialog } from "./dialog";
import { Field } from "./form/field";
import { ProblemMessage } from "./problem-message";

type Props = {
  /** the dialog's id; its reason field is `${id}-reason` unless `fieldId` says otherwise */
  id: string;
  fieldId?: string;
  title: string;
  text: string;
  submitLabel: string;
  danger?: boolean;
  /** shortest reason the server takes, and what to say when it is shorter */
  minLength?: number;
  requiredMessage?: string;
  /** does the change; the dialog closes when it resolves, and shows the problem when it throws */
  submit: (reason: string) => Promise<unknown>;
  onClose: () => void;
};

/**
 * A "no" or a "send back" with its reason (withdraw, reject, reopen a review): the reason is checked
 * here and by the server, whose `json.reason` error lands on the field; closes once the server confirmed.
 */
export function ReasonDialog(props: Props) {
  const { id, title, text, submitLabel, danger = false, minLength = 1, submit, onClose } = props;
  const required = props.requiredMessage ?? t("ideaDialog.reasonRequired");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);

  const refuse = () => {
    setError(required);
    input.current?.focus();
  };

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    if (reason.trim().length < minLength) return refuse();
    setBusy(true);
    setError(null);
    setProblem(null);
    try {
      await submit(reason.trim());
      onClose();
    } catch (caught) {
      const found = toApiProblem(caught);
      if (found.errors?.some((e) => e.path === "json.reason")) refuse();
      else setProblem(found);
      setBusy(false);
    }
  }

  return (
    <Dialog id={id} title={title} text={text} onClose={onClose}>
      <form class="form" noValidate onSubmit={onSubmit}>
        {problem && <ProblemMessage problem={problem} />}
        <Field
          id={props.fieldId ?? `${id}-reason`}
          label={t("idea.reason")}
          hint={t("ideaDialog.reasonHint")}
          error={error}
        >
          {(control) => (
            <textarea
              {...control}
              ref={input}
              data-autofocus
              rows={4}
              maxLength={2000}
              aria-required="true"
              value={reason}
              onInput={(event) => setReason(event.currentTarget.value)}
            />
          )}
        </Field>
        <div class="button-row">
          <button
            type="submit"
            class={danger ? "button button-danger" : "button"}
            aria-disabled={busy ? "true" : undefined}
          >
            {busy ? t("idea.working") : submitLabel}
          </button>
          <button type="button" class="button button-secondary" onClick={onClose}>
            {t("ideaAction.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
