import type { CareerRecord } from "../../api/career";
import { t } from "../../i18n";
import { formatDate } from "../../lib/format";

/** The record year by year: ideas with role and outcome, implementations, reviews, awards, badges. */
export function RecordYears({ record }: { record: Pick<CareerRecord, "years" | "timeZone"> }) {
  if (record.years.length === 0) return <p class="empty-state">{t("career.empty")}</p>;
  const day = (value: string) => formatDate(value, record.timeZone);
  return (
    <div class="career-years">
      {record.years.map((year) => (
        <section key={year.year} class="card career-year" aria-labelledby={`career-year-${year.year}`}>
          <h2 id={`career-year-${year.year}`}>{t("career.year", { year: year.year })}</h2>
          {year.ideas.length > 0 && (
            <>
              <h3>{t("career.ideas", { count: year.ideas.length })}</h3>
              <ul class="career-list">
                {year.ideas.map((idea) => (
                  <li key={idea.id}>
                    <strong>{idea.title}</strong>
                    <br />
                    <span class="muted">
                      {t(`career.role.${idea.role}`)} · {t(`ideaStatus.${idea.status}`)} · {idea.campaign}
                      {idea.replicates && ` · ${t("career.replicates", { agency: idea.replicates.agency })}`}
                      {idea.replicatedBy > 0 && ` · ${t("career.replicatedBy", { count: idea.replicatedBy })}`}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {year.implementations.length > 0 && (
            <>
              <h3>{t("career.implementations", { count: year.implementations.length })}</h3>
              <ul class="career-list">
                {year.implementations.map((impl) => (
                  <li key={impl.ideaId}>
                    <strong>{impl.title}</strong> <span class="muted">({day(impl.implementedOn)})</span>
                    <br />
                    {impl.results ?? impl.summary}
                  </li>
                ))}
              </ul>
            </>
          )}
          {year.reviews.length > 0 && (
            <>
              <h3>{t("career.reviews")}</h3>
              <ul class="career-list">
                {year.reviews.map((r) => (
                  <li key={r.campaign}>{t("career.reviewCount", { campaign: r.campaign, count: r.count })}</li>
                ))}
              </ul>
            </>
          )}
          {year.awards.length > 0 && (
            <>
              <h3>{t("career.awards")}</h3>
              <ul class="career-list">
                {year.awards.map((a) => (
                  <li key={a.code}>
                    {a.title} ({a.periodLabel}) · <span class="career-code">{a.code}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {year.badges.length > 0 && (
            <>
              <h3>{t("career.badges")}</h3>
              <p>{year.badges.map((b) => b.name).join(" · ")}</p>
            </>
          )}
        </section>
      ))}
    </div>
  );
}

/** The record's figures in one line. */
export function RecordSummary({ record }: { record: Pick<CareerRecord, "level" | "totals"> }) {
  const x = record.totals;
  return (
    <p class="card-lead">
      {t("career.summary", {
        level: record.level.name,
        points: record.level.points,
        ideas: x.ideas,
        coauthored: x.coauthored,
        implemented: x.implemented,
        reviews: x.reviews,
        awards: x.awards,
      })}
    </p>
  );
}
