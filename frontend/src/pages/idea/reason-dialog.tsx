import type { IdeaDetail } from "../../api/ideas";
import { ReasonDialog } from "../../components/reason-dialog";
import { t } from "../../i18n";
import { takeAction } from "../../models/idea";

export type ReasonAction = "withdraw" | "reject";

const TEXT = {
  withdraw: { title: "ideaDialog.withdrawTitle", text: "ideaDialog.withdrawText" },
  reject: { title: "ideaDialog.rejectTitle", text: "ideaDialog.rejectText" },
} as const;

/** A "no" with its reason on the idea page: withdraw (the author) or reject (the chair). */
export function IdeaReasonDialog({
  action,
  idea,
  onClose,
}: {
  action: ReasonAction;
  idea: IdeaDetail;
  onClose: () => void;
}) {
  return (
    <ReasonDialog
      id={`idea-${action}`}
      fieldId="idea-reason"
      title={t(TEXT[action].title)}
      text={t(TEXT[action].text)}
      submitLabel={t(`ideaAction.${action}`)}
      danger={action === "reject"}
      submit={(reason) => takeAction(idea.id, action, reason)}
      onClose={onClose}
    />
  );
}
