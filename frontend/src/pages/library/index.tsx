import { useEffect, useState } from "preact/hooks";
import type { LibraryFilters } from "../../api/library";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { usePageTitle } from "../../lib/use-page-title";
import { useInView } from "../../lib/use-in-view";
import { library } from "../../models/library";
import { IdeaCardSkeletons } from "../ideas/idea-card";
import { LibraryCard } from "./library-card";
import { LibraryFiltersPanel } from "./library-filters";
import "../../styles/ideas.css";

function LibraryView() {
  const [filters, setFilters] = useState<LibraryFilters>({});
  useEffect(() => {
    void library.load(filters);
  }, [JSON.stringify(filters)]);
  const state = library.state.value;
  const more = state.kind === "ready" ? state.more : null;
  const sentinel = useInView<HTMLDivElement>(() => void library.loadMore(), more === "idle");
  return (
    <div class="library-page">
      <div class="page-head">
        <div>
          <h1>{t("library.title")}</h1>
          <p class="lead">{t("library.lead")}</p>
        </div>
      </div>
      <LibraryFiltersPanel filters={filters} onChange={setFilters} />
      <p class="visually-hidden" role="status">
        {state.kind === "loading" ? t("library.loading") : ""}
      </p>
      {state.kind === "loading" && <IdeaCardSkeletons />}
      {state.kind === "problem" && (
        <ProblemMessage problem={state.problem} onRetry={() => void library.load(filters, true)} />
      )}
      {state.kind === "ready" && state.items.length === 0 && (
        <p class="empty-state">
          {Object.values(filters).some((v) => v !== undefined && v !== "") ? t("libraryx.noMatch") : t("library.empty")}
        </p>
      )}
      {state.kind === "ready" && state.items.length > 0 && (
        <ul class="idea-cards">
          {state.items.map((item) => (
            <LibraryCard key={item.id} item={item} />
          ))}
        </ul>
      )}
      {state.kind === "ready" && state.nextCursor && (
        <div class="load-more" ref={sentinel}>
          {typeof state.more === "object" && <ProblemMessage problem={state.more} />}
          <button
            type="button"
            class="button button-secondary"
            aria-disabled={state.more === "loading" ? "true" : undefined}
            onClick={() => void library.loadMore()}
          >
            {state.more === "loading" ? t("ideas.loadingMore") : t("ideas.loadMore")}
          </button>
        </div>
      )}
    </div>
  );
}

/** `/pustaka`: implemented innovations of every agency on Gagas, to learn from and replicate. */
export default function LibraryPage() {
  usePageTitle("library.title");
  return <RequireSignIn>{() => <LibraryView />}</RequireSignIn>;
}
