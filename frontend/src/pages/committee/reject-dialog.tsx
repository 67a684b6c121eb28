import { useRef, useState } from "preact/hooks";
import { transitionIdea } from "../../api/ideas";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Dialog } from "../../components/dialog";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";

/** The chair rejects an idea with the reason its authors will read; closes once the server confirmed. */
export function RejectDialog({
  idea,
  onDone,
  onClose,
}: {
  idea: { id: number; title: string };
  onDone: () => Promise<void>;
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
    if (!reason.trim()) {
      setError(t("ideaDialog.reasonRequired"));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setProblem(null);
    try {
      await transitionIdea(idea.id, "reject", reason.trim());
      await onDone();
      onClose();
    } catch (caught) {
      const found = toApiProblem(caught);
      if (found.errors?.some((e) => e.path === "json.reason")) {
        setError(t("ideaDialog.reasonRequired"));
        input.current?.focus();
      } else setProblem(found);
      setBusy(false);
    }
  }

  return (
    <Dialog
      id="ranking-reject"
      title={t("ranking.rejectTitle", { title: idea.title })}
      text={t("ideaDialog.rejectText")}
      onClose={onClose}
    >
      <form class="form" noValidate onSubmit={onSubmit}>
        {problem && <ProblemMessage problem={problem} />}
        <Field id="ranking-reject-reason" label={t("idea.reason")} hint={t("ideaDialog.reasonHint")} error={error}>
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
          <button type="submit" class="button button-danger" aria-disabled={busy ? "true" : undefined}>
            {busy ? t("idea.working") : t("ideaAction.reject")}
          </button>
          <button type="button" class="button button-secondary" onClick={onClose}>
            {t("ideaAction.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
