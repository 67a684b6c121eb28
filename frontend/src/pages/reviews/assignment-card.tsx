import type { QueueItem } from "../../api/reviews";
import { DueDate } from "../../components/due-date";
import { ProgressBar } from "../../components/progress-bar";
import { ReviewStateBadge } from "../../components/review-state-badge";
import { t } from "../../i18n";
import { formatDate } from "../../lib/format";
import { assignmentPath } from "../../lib/review-paths";

const ACTION = { pending: "reviews.start", draft: "reviews.continue", submitted: "reviews.view" } as const;

/** One assignment in my queue: the idea, its campaign, the due date and how far my review is. */
export function AssignmentCard({ item }: { item: QueueItem }) {
  const submitted = item.state === "submitted";
  const titleId = `assignment-${item.id}-title`;
  return (
    <li class={`card assignment-card${item.overdue && !submitted ? " assignment-late" : ""}`}>
      <div class="assignment-top">
        <ReviewStateBadge state={item.state} />
        <span class="assignment-campaign">{item.campaign.title}</span>
      </div>
      <h3 id={titleId} class="assignment-title">
        <a href={assignmentPath(item.id)}>{item.idea.title}</a>
      </h3>
      {submitted && item.submittedAt ? (
        <p class="assignment-meta">
          {t("reviews.submittedOn", { date: formatDate(item.submittedAt) })}
          {item.recommendation && (
            <> · {t("reviews.recommended", { recommendation: t(`recommendation.${item.recommendation}`) })}</>
          )}
        </p>
      ) : (
        <>
          <p class="assignment-meta">
            <DueDate dueAt={item.dueAt} overdue={item.overdue} />
          </p>
          <p class="assignment-progress">
            <ProgressBar value={item.progress.scored} max={item.progress.total} />
            <span>{t("reviews.criteriaScored", { scored: item.progress.scored, total: item.progress.total })}</span>
          </p>
        </>
      )}
      <a
        class={submitted ? "button button-secondary" : "button"}
        href={assignmentPath(item.id)}
        aria-describedby={titleId}
      >
        {t(ACTION[item.state])}
      </a>
    </li>
  );
}
