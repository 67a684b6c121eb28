import { useRef, useState } from "preact/hooks";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { reopenReview, type Review } from "../../api/reviews";
import { Dialog } from "../../components/dialog";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";

/** The chair sends a submitted review back to its reviewer as a draft, with a reason (at least 3 characters). */
export function ReopenDialog({
  assignmentId,
  onDone,
  onClose,
}: {
  assignmentId: number;
  onDone: (review: Review) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    if (reason.trim().length < 3) {
      setError(t("review.reopenReasonRequired"));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setProblem(null);
    try {
      onDone(await reopenReview(assignmentId, reason.trim()));
    } catch (caught) {
      setProblem(toApiProblem(caught));
      setBusy(false);
    }
  }

  return (
    <Dialog id="review-reopen" title={t("review.reopenTitle")} text={t("review.reopenText")} onClose={onClose}>
      <form class="form" noValidate onSubmit={onSubmit}>
        {problem && <ProblemMessage problem={problem} />}
        <Field id="review-reopen-reason" label={t("idea.reason")} hint={t("ideaDialog.reasonHint")} error={error}>
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
          <button type="submit" class="button" aria-disabled={busy ? "true" : undefined}>
            {busy ? t("idea.working") : t("review.reopen")}
          </button>
          <button type="button" class="button button-secondary" onClick={onClose}>
            {t("ideaAction.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
