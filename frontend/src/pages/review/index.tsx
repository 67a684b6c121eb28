import { useEffect, useRef, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { getAssignment, type AssignmentDetail, type Review } from "../../api/reviews";
import { DueDate } from "../../components/due-date";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { ReviewStateBadge } from "../../components/review-state-badge";
import { StatusBadge } from "../../components/status-badge";
import { t } from "../../i18n";
import { campaignPath, idOf, ideaPath } from "../../lib/idea-paths";
import { committeePath, REVIEWS_PATH } from "../../lib/review-paths";
import { useResource } from "../../lib/use-resource";
import { useTextTitle } from "../../lib/use-text-title";
import { loadReviewQueue } from "../../models/review-queue";
import NotFoundPage from "../not-found/index";
import { IdeaUnderReview } from "./idea-under-review";
import { ReopenDialog } from "./reopen-dialog";
import { ReviewForm } from "./review-form";
import { ReviewSummary } from "./review-summary";
import "../../styles/ideas.css";
import "../../styles/reviews.css";

type Notice = "submitted" | "reopened" | null;

/** Who is looking: the reviewer scores; the chair or the admin reads (and the chair may reopen). */
function ReviewPanel({
  assignment,
  onChange,
}: {
  assignment: AssignmentDetail;
  onChange: (review: Review, notice: "submitted" | "reopened") => void;
}) {
  const [reopening, setReopening] = useState(false);
  if (assignment.viewer.canEdit) {
    return <ReviewForm assignment={assignment} onSubmitted={(review) => onChange(review, "submitted")} />;
  }
  const review = assignment.review;
  return (
    <>
      {review ? (
        <ReviewSummary assignment={assignment} review={review} />
      ) : (
        <p class="notice">{t("review.notStarted", { name: assignment.reviewer.name })}</p>
      )}
      {assignment.viewer.canReopen && review?.state === "submitted" && (
        <div class="button-row">
          <button type="button" class="button button-secondary" onClick={() => setReopening(true)}>
            {t("review.reopen")}
          </button>
        </div>
      )}
      {reopening && (
        <ReopenDialog
          assignmentId={assignment.id}
          onClose={() => setReopening(false)}
          onDone={(next) => {
            setReopening(false);
            onChange(next, "reopened");
          }}
        />
      )}
    </>
  );
}

function AssignmentView({
  assignment,
  notice,
  onChange,
}: {
  assignment: AssignmentDetail;
  notice: "submitted" | "reopened" | null;
  onChange: (review: Review, notice: "submitted" | "reopened") => void;
}) {
  useTextTitle(t("review.pageTitle", { title: assignment.idea.title }));
  const noticeRef = useRef<HTMLDivElement>(null);
  // the button that opened the confirmation is gone: the confirmation takes focus instead
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const submitted = assignment.state === "submitted";
  const overdue = !submitted && Date.parse(assignment.dueAt) < Date.now();
  return (
    <article class="review-page">
      <p class="back-link">
        <a href={REVIEWS_PATH}>← {t("review.back")}</a>
      </p>
      <header class="review-head">
        <p class="eyebrow">
          <a href={campaignPath(assignment.campaign.id)}>{assignment.campaign.title}</a>
        </p>
        <h1>{assignment.idea.title}</h1>
        <div class="review-head-meta">
          <ReviewStateBadge state={assignment.state} />
          <StatusBadge status={assignment.idea.status} />
          <DueDate dueAt={assignment.dueAt} overdue={overdue} done={submitted} />
        </div>
        {!assignment.blind && (
          <p class="review-head-link">
            <a href={ideaPath(assignment.idea.id)}>{t("review.openIdea")}</a>
          </p>
        )}
      </header>
      {notice === "submitted" && (
        <div class="notice notice-ok review-notice" role="status" tabIndex={-1} ref={noticeRef}>
          <p>{t("review.submittedNotice")}</p>
          <a href={REVIEWS_PATH}>{t("review.backToQueue")}</a>
        </div>
      )}
      {notice === "reopened" && (
        <div class="notice review-notice" role="status" tabIndex={-1} ref={noticeRef}>
          <p>{t("review.reopenedNotice", { name: assignment.reviewer.name })}</p>
          <a href={committeePath(assignment.campaign.id)}>{t("committee.back")}</a>
        </div>
      )}
      <div class="review-layout">
        <IdeaUnderReview assignment={assignment} />
        <div class="review-work">
          <ReviewPanel assignment={assignment} onChange={onChange} />
        </div>
      </div>
    </article>
  );
}

function AssignmentLoader({ id }: { id: number }) {
  // what the next answer is shown with: the change the reviewer just made, said once
  const nextNotice = useRef<Notice>(null);
  const [state, reload] = useResource(
    async (signal) => {
      const notice = nextNotice.current;
      nextNotice.current = null;
      return { assignment: await getAssignment(id, signal), notice };
    },
    [id],
  );
  if (state.kind === "loading") return <Loading label={t("review.loading")} />;
  if (state.kind === "problem") {
    if (state.problem.status === 404) return <NotFoundPage />;
    return <ProblemMessage problem={state.problem} onRetry={reload} />;
  }
  return (
    <AssignmentView
      assignment={state.value.assignment}
      notice={state.value.notice}
      onChange={(_review, notice) => {
        // the queue's counts and the viewer's rights change with it: ask again
        void loadReviewQueue();
        nextNotice.current = notice;
        reload();
      }}
    />
  );
}

/** `/penilaian/:assignmentId`: the idea, the rubric and my review of it. */
export default function ReviewPage() {
  const { params } = useRoute();
  const id = idOf(params.assignmentId);
  if (id === null) return <NotFoundPage />;
  return <RequireSignIn>{() => <AssignmentLoader id={id} />}</RequireSignIn>;
}
