import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Dialog, DialogButtons } from "../../components/dialog";
import { ProblemMessage } from "../../components/problem-message";

type Props = {
  id: string;
  title: string;
  text: string;
  confirmLabel: string;
  danger?: boolean;
  /** The write; the dialog closes once it resolved and shows its problem if it threw. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** what else to say before the buttons (e.g. what will follow) */
  children?: ComponentChildren;
};

/** "Are you sure?" before a write that cannot simply be undone; closes once the server agreed. */
export function ConfirmDialog({ id, title, text, confirmLabel, danger = false, onConfirm, onClose, children }: Props) {
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
      {children}
      {problem && <ProblemMessage problem={problem} />}
      <DialogButtons
        label={confirmLabel}
        busy={busy}
        danger={danger}
        onConfirm={() => void confirm()}
        onCancel={onClose}
      />
    </Dialog>
  );
}
