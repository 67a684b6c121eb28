import { useRoute } from "preact-iso";
import { getRoundSheet } from "../../api/competitions";
import { RequireSignIn } from "../../components/require-sign-in";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { ROUND_REVIEWS_PATH } from "../../lib/competition-paths";
import { formatDate, formatDateTime } from "../../lib/format";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";
import { ConflictForm, ScoreForm } from "./sheet-forms";
import "../../styles/ideas.css";
import "../../styles/reviews.css";

function Sheet({ id }: { id: number }) {
  const [sheet, reload, set] = useResource((signal) => getRoundSheet(id, signal), [id]);
  return (
    <ResourceView resource={sheet} loading={t("roundReview.loading")} onRetry={reload}>
      {(s) => (
        <div class="review-layout">
          <article class="card review-idea">
            <p class="eyebrow">{s.round.name}</p>
            <h1>{s.idea.title}</h1>
            {s.round.blind || s.idea.team === null ? (
              <p class="review-notice">{t("roundReview.blindNote")}</p>
            ) : (
              <p class="review-proposers">
                {t("roundReview.team", { names: s.idea.team.join(", "), unit: s.idea.unitName ?? "" })}
              </p>
            )}
            <p class="muted">
              {t("roundReview.operatingSince", {
                date: formatDate(s.idea.operatingSince),
                group: t(`competitions.group.${s.idea.group}`),
              })}
            </p>
            {s.scheduledAt && <p>{t("roundReviews.slot", { when: formatDateTime(s.scheduledAt) })}</p>}
            {(["problem", "solution", "benefit"] as const).map((part) => (
              <section key={part} class="review-idea-part">
                <h2>{t(`ideaForm.${part}`)}</h2>
                <p class="prose">{s.idea[part]}</p>
              </section>
            ))}
          </article>
          <div class="review-work">
            {s.round.state !== "open" && <p class="notice">{t("roundReview.closed")}</p>}
            {s.conflict === "undeclared" && s.round.state === "open" && <ConflictForm sheet={s} onSaved={set} />}
            {s.conflict === "conflict" && <p class="notice">{t("roundReview.steppedAside")}</p>}
            {s.conflict === "none" && <ScoreForm key={s.state} sheet={s} onSaved={set} />}
            <p>
              <a class="link-alone" href={ROUND_REVIEWS_PATH}>
                {t("roundReview.back")}
              </a>
            </p>
          </div>
        </div>
      )}
    </ResourceView>
  );
}

/** `/penilaian-babak/:id`: one innovation to score in a round — the conflict declaration first. */
export default function RoundReviewPage() {
  usePageTitle("roundReviews.title");
  const { params } = useRoute();
  return <RequireSignIn>{() => <Sheet id={Number(params.id)} />}</RequireSignIn>;
}
