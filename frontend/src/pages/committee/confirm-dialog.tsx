import { useState } from "preact/hooks";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Dialog } from "../../components/dialog";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";

type Props = {
  id: string;
  title: string;
  text: string;
  confirmLabel: string;
  danger?: boolean;
  /** The write; the dialog closes once it resolved and shows its problem if it threw. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
};

/** "Are you sure?" before a write that cannot simply be undone; closes once the server agreed. */
export function ConfirmDialog({ id, title, text, confirmLabel, danger = false, onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await onConfirm();
      onClose();
    } catch (error) {
      setProblem(toApiProblem(error));
      setBusy(false);
    }
  }

  return (
    <Dialog id={id} title={title} text={text} onClose={onClose}>
      {problem && <ProblemMessage problem={problem} />}
      <div class="button-row">
        <button
          type="button"
          class={danger ? "button button-danger" : "button"}
          data-autofocus
          aria-disabled={busy ? "true" : undefined}
          onClick={() => void confirm()}
        >
          {busy ? t("idea.working") : confirmLabel}
        </button>
        <button type="button" class="button button-secondary" onClick={onClose}>
          {t("ideaAction.cancel")}
        </button>
      </div>
    </Dialog>
  );
}
