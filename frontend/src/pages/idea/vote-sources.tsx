import { getVoteSources, type VoteSources } from "../../api/discussion";
import type { IdeaDetail } from "../../api/ideas";
import { ResourceView } from "../../components/resource-view";
import { locale, t } from "../../i18n";
import { formatDateTime, formatNumber } from "../../lib/format";
import { useResource } from "../../lib/use-resource";
import { currentUser } from "../../models/session";

const percent = (share: number) =>
  new Intl.NumberFormat(locale.value === "en" ? "en-GB" : "id-ID", {
    style: "percent",
    maximumFractionDigits: 0,
  }).format(share);

function Sources({ sources }: { sources: VoteSources }) {
  if (sources.total === 0) return <p class="empty-state">{t("voteSources.none")}</p>;
  const window = sources.burst.window;
  return (
    <>
      <p>{t("voteSources.authorShare", { share: percent(sources.authorUnitShare), unit: sources.authorUnit.name })}</p>
      {sources.burst.flagged && window && (
        <p class="notice">
          {t("voteSources.burst", {
            votes: window.votes,
            start: formatDateTime(window.start),
            end: formatDateTime(window.end),
          })}
        </p>
      )}
      <table class="data-table">
        <caption class="visually-hidden">{t("voteSources.caption", { total: sources.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("voteSources.unit")}</th>
            <th scope="col">{t("voteSources.votes")}</th>
          </tr>
        </thead>
        <tbody>
          {sources.units.map((u) => (
            <tr key={u.unitId}>
              <th scope="row">
                {u.unitName}
                {u.authorUnit && <span class="muted"> · {t("voteSources.authorUnit")}</span>}
              </th>
              <td>{formatNumber(u.votes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function VoteSourcesCard({ idea }: { idea: IdeaDetail }) {
  const [sources, reload] = useResource((signal) => getVoteSources(idea.id, signal), [idea.id, idea.voteCount]);
  return (
    <section class="card idea-side-card" aria-labelledby="vote-sources-title">
      <h2 id="vote-sources-title">{t("voteSources.title")}</h2>
      <ResourceView resource={sources} loading={t("voteSources.loading")} onRetry={reload}>
        {(value) => <Sources sources={value} />}
      </ResourceView>
    </section>
  );
}

/**
 * Where the votes came from, per unit, with a word when many arrived at once from the author's own
 * unit: for the agency admin and the campaign's chair, who weigh the support an idea gathered.
 */
export function IdeaVoteSources({ idea }: { idea: IdeaDetail }) {
  const allowed = (currentUser.value?.can.readVoteSources ?? false) || idea.viewer.committeeRole === "chair";
  if (!allowed || idea.status === "draft") return null;
  return <VoteSourcesCard idea={idea} />;
}
