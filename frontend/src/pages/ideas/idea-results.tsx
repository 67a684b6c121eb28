import type { IdeaSummary } from "../../api/ideas";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { NEW_IDEA_PATH } from "../../lib/idea-paths";
import { useInView } from "../../lib/use-in-view";
import { ideaList } from "../../models/idea-list";
import type { PagedState } from "../../models/paged-list";
import { isFiltered, NO_FILTERS, type Filters } from "./filters";
import { IdeaCard, IdeaCardSkeletons } from "./idea-card";
import { SavedCopyNotice } from "../../components/saved-copy-notice";

type Props = { filters: Filters; onChange: (next: Filters) => void; onRetry: () => void };

/** A bulb with a question: nothing here yet. Decorative. */
function EmptyIcon() {
  return (
    <svg width="56" height="56" viewBox="0 0 48 48" aria-hidden="true" focusable="false" class="empty-icon">
      <path
        d="M24 6a12 12 0 0 0-7 21.8V32h14v-4.2A12 12 0 0 0 24 6ZM19 37h10M21 42h6"
        fill="none"
        stroke="currentColor"
        stroke-width="2.5"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
      <path
        d="M21 15.5a3 3 0 1 1 4 2.8c-.7.3-1 .9-1 1.7v1"
        fill="none"
        stroke="currentColor"
        stroke-width="2.5"
        stroke-linecap="round"
      />
      <circle cx="24" cy="25.5" r="1.5" fill="currentColor" />
    </svg>
  );
}

/** What to do next when the list is empty: write an idea, or loosen the filters. */
function EmptyState({ filters, onChange }: Omit<Props, "onRetry">) {
  const narrowed = isFiltered({ ...filters, mine: false });
  const [title, text] = narrowed
    ? [t("ideas.emptyFilteredTitle"), t("ideas.emptyFilteredText")]
    : filters.mine
      ? [t("ideas.emptyMineTitle"), t("ideas.emptyMineText")]
      : [t("ideas.emptyTitle"), t("ideas.emptyText")];
  return (
    <div class="empty-state">
      <EmptyIcon />
      <h2>{title}</h2>
      <p>{text}</p>
      {narrowed ? (
        <button
          type="button"
          class="button button-secondary"
          onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort })}
        >
          {t("ideas.clearFilters")}
        </button>
      ) : (
        <a class="button" href={NEW_IDEA_PATH}>
          {t("ideas.new")}
        </a>
      )}
    </div>
  );
}

/** "Muat lebih banyak", pressed by itself when it scrolls into view; its own problem if a page fails. */
function LoadMore({ state }: { state: Extract<PagedState<IdeaSummary>, { kind: "ready" }> }) {
  const loading = state.more === "loading";
  const sentinel = useInView<HTMLDivElement>(() => void ideaList.loadMore(), state.more === "idle");
  return (
    <div class="load-more" ref={sentinel}>
      {typeof state.more === "object" && (
        <>
          <p class="load-more-failed">{t("ideas.loadMoreFailed")}</p>
          <ProblemMessage problem={state.more} />
        </>
      )}
      <button
        type="button"
        class="button button-secondary"
        aria-disabled={loading ? "true" : undefined}
        onClick={() => void ideaList.loadMore()}
      >
        {loading ? t("ideas.loadingMore") : t("ideas.loadMore")}
      </button>
    </div>
  );
}

function statusText(state: PagedState<IdeaSummary>): string {
  if (state.kind === "loading") return t("ideas.loadingList");
  if (state.kind === "problem") return "";
  const count = formatNumber(state.items.length);
  return state.nextCursor ? t("ideas.resultsMore", { count }) : t("ideas.resultsCount", { count });
}

/** The list as it stands: skeletons, a problem with "try again", what to do when empty, or cards. */
export function IdeaResults({ filters, onChange, onRetry }: Props) {
  const state = ideaList.state.value;
  return (
    <>
      {/* one live region for the whole list, so every new result is announced */}
      <p class="results-count" role="status">
        {statusText(state)}
      </p>
      {state.kind === "ready" && state.savedAt && <SavedCopyNotice savedAt={state.savedAt} onRefresh={onRetry} />}
      {state.kind === "loading" && <IdeaCardSkeletons />}
      {state.kind === "problem" && <ProblemMessage problem={state.problem} onRetry={onRetry} />}
      {state.kind === "ready" && state.items.length === 0 && <EmptyState filters={filters} onChange={onChange} />}
      {state.kind === "ready" && state.items.length > 0 && (
        <ul class="idea-cards">
          {state.items.map((idea) => (
            <IdeaCard key={idea.id} idea={idea} />
          ))}
        </ul>
      )}
      {state.kind === "ready" &&
        (state.nextCursor ? (
          <LoadMore state={state} />
        ) : (
          state.items.length > 0 && <p class="list-end">{t("ideas.end")}</p>
        ))}
    </>
  );
}
