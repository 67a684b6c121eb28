import { useRef, useState } from "preact/hooks";
import { toApiProblem, type ApiProblem } from "../api/problem";
import { t } from "../i18n";
import type { RefObject } from "preact";
import { Dialog, DialogButtons } from "./dialog";
import { Field } from "./form/field";
import { ProblemMessage } from "./problem-message";
import { IDEA_LIMITS } from "../api/contract";

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
        <ReasonField
          id={props.fieldId ?? `${id}-reason`}
          inputRef={input}
          autofocus
          value={reason}
          error={error}
          onInput={setReason}
        />
        <DialogButtons label={submitLabel} busy={busy} danger={danger} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

type ReasonFieldProps = {
  id: string;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  value: string;
  error: string | null | undefined;
  onInput: (value: string) => void;
  autofocus?: boolean;
  rows?: number;
};

/** The reason a dialog asks for (at most 2,000 characters, as the server takes). */
export function ReasonField({ id, inputRef, value, error, onInput, autofocus = false, rows = 4 }: ReasonFieldProps) {
  return (
    <Field id={id} label={t("idea.reason")} hint={t("ideaDialog.reasonHint")} error={error ?? null}>
      {(control) => (
        <textarea
          {...control}
          ref={inputRef}
          data-autofocus={autofocus ? true : undefined}
          rows={rows}
          maxLength={IDEA_LIMITS.reason}
          aria-required="true"
          value={value}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}
