import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { NEW_IDEA_PATH } from "../../lib/idea-paths";
import { usePageTitle } from "../../lib/use-page-title";
import { loadCampaigns } from "../../models/campaigns";
import { ideaList } from "../../models/idea-list";
import { filtersOf, ideaQueryOf, listPathOf, type Filters } from "./filters";
import { IdeaFilters } from "./idea-filters";
import { IdeaResults } from "./idea-results";
import "../../styles/ideas.css";

function IdeasView() {
  const { query, route } = useLocation();
  const filters = filtersOf(query);
  const key = JSON.stringify(filters);

  useEffect(() => {
    void loadCampaigns();
  }, []);
  useEffect(() => {
    void ideaList.load(ideaQueryOf(filters));
  }, [key]);

  const onChange = (next: Filters) => route(listPathOf(next), true);

  return (
    <div class="ideas-page">
      <div class="page-head">
        <div>
          <h1>{t("ideas.title")}</h1>
          <p class="lead">{t("ideas.lead")}</p>
        </div>
        <a class="button" href={NEW_IDEA_PATH}>
          {t("ideas.new")}
        </a>
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
