import { useEffect } from "preact/hooks";
import type { Me } from "../../api/auth";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { ProgressBar } from "../../components/progress-bar";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { CAMPAIGNS_PATH } from "../../lib/idea-paths";
import { usePageTitle } from "../../lib/use-page-title";
import { loadMoreReviews, loadReviewQueue, reviewQueue, splitQueue } from "../../models/review-queue";
import { AssignmentCard } from "./assignment-card";
import "../../styles/ideas.css";
import "../../styles/reviews.css";

const retry = () => void loadReviewQueue();

function Summary({ counts }: { counts: { assigned: number; submitted: number; overdue: number } }) {
  return (
    <section class="card queue-summary" aria-labelledby="queue-summary-title">
      <h2 id="queue-summary-title" class="visually-hidden">
        {t("reviews.progressTitle")}
      </h2>
      <p class="queue-summary-line">
        <strong>{t("reviews.progress", { submitted: counts.submitted, assigned: counts.assigned })}</strong>
        {counts.overdue > 0 && (
          <span class="queue-overdue">{t("reviews.overdueCount", { count: counts.overdue })}</span>
        )}
      </p>
      <ProgressBar value={counts.submitted} max={counts.assigned} tone="ok" />
    </section>
  );
}

function Queue() {
  useEffect(retry, []);
  const state = reviewQueue.value;
  if (state.kind === "loading") return <Loading label={t("reviews.loading")} />;
  if (state.kind === "problem") return <ProblemMessage problem={state.problem} onRetry={retry} />;
  if (state.items.length === 0) {
    return (
      <div class="empty-state">
        <h2>{t("reviews.emptyTitle")}</h2>
        <p>{t("reviews.emptyText")}</p>
      </div>
    );
  }
  const { open, submitted } = splitQueue(state.items);
  return (
    <>
      <Summary counts={state.counts} />
      <section aria-labelledby="queue-open-title" class="queue-section">
        <h2 id="queue-open-title">{t("reviews.openTitle")}</h2>
        {open.length === 0 ? (
          <p class="notice notice-ok">{t("reviews.allDone")}</p>
        ) : (
          <ul class="assignment-list">
            {open.map((item) => (
              <AssignmentCard key={item.id} item={item} />
            ))}
          </ul>
        )}
      </section>
      {submitted.length > 0 && (
        <section aria-labelledby="queue-submitted-title" class="queue-section">
          <h2 id="queue-submitted-title">{t("reviews.submittedTitle")}</h2>
          <ul class="assignment-list">
            {submitted.map((item) => (
              <AssignmentCard key={item.id} item={item} />
            ))}
          </ul>
        </section>
      )}
      {state.nextCursor && (
        <div class="load-more">
          {typeof state.more === "object" && <ProblemMessage problem={state.more} />}
          <button
            type="button"
            class="button button-secondary"
            aria-disabled={state.more === "loading" ? "true" : undefined}
            onClick={() => void loadMoreReviews()}
          >
            {state.more === "loading" ? t("reviews.loadingMore") : t("reviews.loadMore")}
          </button>
        </div>
      )}
    </>
  );
}

function QueuePage({ user }: { user: Me }) {
  return (
    <div class="reviews-page">
      <header class="page-head">
        <div>
          <h1>{t("reviews.title")}</h1>
          <p class="lead">{t("reviews.lead")}</p>
        </div>
      </header>
      {!user.can.reviewIdeas && <p class="notice">{t("reviews.notReviewer")}</p>}
      <Queue />
      <p class="card-note">
        {t("reviews.chairHint")} <a href={CAMPAIGNS_PATH}>{t("nav.campaigns")}</a>
      </p>
    </div>
  );
}

/** `/penilaian`: the reviewer's queue, what is still to score first, with due dates and progress. */
export default function ReviewsPage() {
  usePageTitle("reviews.title");
  return <RequireSignIn>{(user) => <QueuePage user={user} />}</RequireSignIn>;
}
