import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ideasCsvPath } from "../../api/exports";
import { CsvLinks } from "../../components/csv-links";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { IDEAS_PATH, NEW_IDEA_PATH } from "../../lib/idea-paths";
import { usePageTitle } from "../../lib/use-page-title";
import { loadCampaigns } from "../../models/campaigns";
import { ideaList } from "../../models/idea-list";
import { currentUser } from "../../models/session";
import { filtersOf, ideaQueryOf, listPathOf, type Filters } from "./filters";
import { IdeaFilters } from "./idea-filters";
import { IdeaResults } from "./idea-results";
import "../../styles/ideas.css";

function IdeasView() {
  const { path, query, route } = useLocation();
  const filters = filtersOf(query);
  const key = JSON.stringify(filters);

  useEffect(() => {
    void loadCampaigns();
  }, []);
  // While the next page's code loads, this page stays mounted under the new address: leave it be.
  useEffect(() => {
    if (path === IDEAS_PATH) void ideaList.load(ideaQueryOf(filters));
  }, [key]);

  // A search settling just after the person opened an idea must not take them back to the list.
  const onChange = (next: Filters) => {
    if (location.pathname === IDEAS_PATH) route(listPathOf(next), true);
  };
  // the agency's exports are for leaders and admins (policy `stats.read`)
  const canExport = currentUser.value?.can.readStats === true;

  return (
    <div class="ideas-page">
      <div class="page-head">
        <div>
          <h1>{t("ideas.title")}</h1>
          <p class="lead">{t("ideas.lead")}</p>
        </div>
        <div class="button-row">
          {canExport && (
            <CsvLinks
              href={(separator) => ideasCsvPath(filters.campaignId, separator)}
              label={t("ideas.exportCsv")}
              linkClass="button button-secondary"
            />
          )}
          <a class="button" href={NEW_IDEA_PATH}>
            {t("ideas.new")}
          </a>
        </div>
      </div>
      <IdeaFilters filters={filters} onChange={onChange} />
      <IdeaResults
        filters={filters}
        onChange={onChange}
        onRetry={() => void ideaList.load(ideaQueryOf(filters), true)}
      />
    </div>
  );
}

/** `/ide`: the agency's ideas, searchable and filtered, a page at a time. Signed-in only. */
export default function IdeasPage() {
  usePageTitle("ideas.title");
  return <RequireSignIn>{() => <IdeasView />}</RequireSignIn>;
}
