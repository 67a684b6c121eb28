import { useRef, useState } from "preact/hooks";
import type { IdeaDetail } from "../../api/ideas";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Dialog } from "../../components/dialog";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { takeAction } from "../../models/idea";

export type ReasonAction = "withdraw" | "reject";

const TEXT = {
  withdraw: { title: "ideaDialog.withdrawTitle", text: "ideaDialog.withdrawText" },
  reject: { title: "ideaDialog.rejectTitle", text: "ideaDialog.rejectText" },
} as const;

/** A "no" with its reason: withdraw (the author) or reject (the chair). Closes once the server confirmed. */
export function ReasonDialog({
  action,
  idea,
  onClose,
}: {
  action: ReasonAction;
  idea: IdeaDetail;
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
      await takeAction(idea.id, action, reason.trim());
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
    <Dialog id={`idea-${action}`} title={t(TEXT[action].title)} text={t(TEXT[action].text)} onClose={onClose}>
      <form class="form" noValidate onSubmit={onSubmit}>
        {problem && <ProblemMessage problem={problem} />}
        <Field id="idea-reason" label={t("idea.reason")} hint={t("ideaDialog.reasonHint")} error={error}>
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
            class={action === "reject" ? "button button-danger" : "button"}
            aria-disabled={busy ? "true" : undefined}
          >
            {busy ? t("idea.working") : t(`ideaAction.${action}`)}
          </button>
          <button type="button" class="button button-secondary" onClick={onClose}>
            {t("ideaAction.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
