import { listMyRoundSheets, type MyRoundSheet } from "../../api/competitions";
import { RequireSignIn } from "../../components/require-sign-in";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { roundSheetPath } from "../../lib/competition-paths";
import { formatDateTime } from "../../lib/format";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";
import "../../styles/ideas.css";
import "../../styles/reviews.css";

const stateKey = (s: MyRoundSheet) =>
  s.conflict === "conflict"
    ? "roundReviews.state.conflict"
    : s.state === "submitted"
      ? "roundReviews.state.submitted"
      : "roundReviews.state.todo";

function Sheets() {
  const [sheets, reload] = useResource(listMyRoundSheets, []);
  return (
    <ResourceView resource={sheets} loading={t("roundReviews.loading")} onRetry={reload}>
      {(items) =>
        items.length === 0 ? (
          <div class="empty-state">
            <h2>{t("roundReviews.emptyTitle")}</h2>
            <p>{t("roundReviews.emptyText")}</p>
          </div>
        ) : (
          <ul class="assignment-list">
            {items.map((s) => (
              <li key={s.id} class="card assignment-card">
                <p class="assignment-campaign">{s.roundName}</p>
                <h2 class="assignment-title">
                  <a href={roundSheetPath(s.id)}>{s.title}</a>
                </h2>
                <p class="assignment-meta">
                  <span class="chip">{t(stateKey(s))}</span>
                  {s.scheduledAt && <span> {t("roundReviews.slot", { when: formatDateTime(s.scheduledAt) })}</span>}
                </p>
              </li>
            ))}
          </ul>
        )
      }
    </ResourceView>
  );
}

/** `/penilaian-babak`: the caller's sheets in competition rounds (an external reviewer's home). */
export default function RoundReviewsPage() {
  usePageTitle("roundReviews.title");
  return (
    <RequireSignIn>
      {() => (
        <div class="reviews-page">
          <header class="page-head">
            <div>
              <h1>{t("roundReviews.title")}</h1>
              <p class="lead">{t("roundReviews.lead")}</p>
            </div>
          </header>
          <Sheets />
        </div>
      )}
    </RequireSignIn>
  );
}
