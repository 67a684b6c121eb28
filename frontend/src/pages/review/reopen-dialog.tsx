import { reopenReview, type Review } from "../../api/reviews";
import { ReasonDialog } from "../../components/reason-dialog";
import { t } from "../../i18n";
import { REVIEW_LIMITS } from "../../api/contract";

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
  return (
    <ReasonDialog
      id="review-reopen"
      title={t("review.reopenTitle")}
      text={t("review.reopenText")}
      submitLabel={t("review.reopen")}
      minLength={REVIEW_LIMITS.reopenReason[0]}
      requiredMessage={t("review.reopenReasonRequired")}
      submit={async (reason) => onDone(await reopenReview(assignmentId, reason))}
      onClose={onClose}
    />
  );
}
