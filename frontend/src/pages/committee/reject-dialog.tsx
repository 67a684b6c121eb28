import { transitionIdea } from "../../api/ideas";
import { ReasonDialog } from "../../components/reason-dialog";
import { t } from "../../i18n";

/** The chair rejects an idea from the ranking with the reason its authors will read. */
export function RejectDialog({
  idea,
  onDone,
  onClose,
}: {
  idea: { id: number; title: string };
  onDone: () => Promise<void>;
  onClose: () => void;
}) {
  return (
    <ReasonDialog
      id="ranking-reject"
      title={t("ranking.rejectTitle", { title: idea.title })}
      text={t("ideaDialog.rejectText")}
      submitLabel={t("ideaAction.reject")}
      danger
      submit={async (reason) => {
        await transitionIdea(idea.id, "reject", reason);
        await onDone();
      }}
      onClose={onClose}
    />
  );
}
