import type { AssignmentDetail, Review } from "../../api/reviews";
import { t } from "../../i18n";
import { formatDateTime, formatNumber } from "../../lib/format";
import { criterionLabel } from "./review-errors";

/** A review as it stands, read-only: each criterion's score, the result, the recommendation, the note. */
export function ReviewSummary({ assignment, review }: { assignment: AssignmentDetail; review: Review }) {
  return (
    <section class="card review-summary" aria-labelledby="review-summary-title">
      <h2 id="review-summary-title">
        {review.state === "submitted" ? t("review.summaryTitle") : t("review.summaryDraftTitle")}
      </h2>
      {review.submittedAt && (
        <p class="card-lead">{t("review.submittedAt", { date: formatDateTime(review.submittedAt) })}</p>
      )}
      <table class="score-table">
        <caption class="visually-hidden">{t("review.scoresCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("review.criterion")}</th>
            <th scope="col">{t("review.score")}</th>
          </tr>
        </thead>
        <tbody>
          {assignment.rubric.map((c) => (
            <tr key={c.key}>
              <th scope="row">
                {criterionLabel(c)} <span class="muted">({t("review.weight", { weight: c.weight })})</span>
              </th>
              <td>
                {review.scores[c.key] === undefined
                  ? "—"
                  : t("review.scoreOf", { score: review.scores[c.key] ?? 0, max: c.scaleMax })}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("review.total")}</th>
            <td>
              {review.score === null ? "—" : t("review.scoreOf", { score: formatNumber(review.score), max: 100 })}
            </td>
          </tr>
        </tfoot>
      </table>
      <dl class="details">
        <div>
          <dt>{t("review.recommendation")}</dt>
          <dd>{review.recommendation ? t(`recommendation.${review.recommendation}`) : "—"}</dd>
        </div>
        <div>
          <dt>{t("review.note")}</dt>
          <dd class="prewrap">{review.note || <span class="muted">{t("review.noNote")}</span>}</dd>
        </div>
      </dl>
    </section>
  );
}
