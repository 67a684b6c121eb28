import { useState } from "preact/hooks";
import type { IdeaSort, ListedStatus } from "../../api/ideas";
import { Field } from "../../components/form/field";
import { SearchBox } from "../../components/search-box";
import { t } from "../../i18n";
import { hidesVotes, loadedCampaigns } from "../../models/campaigns";
import { activeFilterCount, isFiltered, LISTED_STATUSES, NO_FILTERS, SORTS, type Filters } from "./filters";

type Props = { filters: Filters; onChange: (next: Filters) => void };

/** Sorting by support would reveal counts a campaign hides: those sorts are not offered for it. */
const VOTE_SORTS = new Set<IdeaSort>(["votes", "trending"]);
function sortsFor(campaignId: number | null): readonly IdeaSort[] {
  const campaign = loadedCampaigns().find((c) => c.id === campaignId);
  return campaign && hidesVotes(campaign) ? SORTS.filter((s) => !VOTE_SORTS.has(s)) : SORTS;
}

/** Built once: `localeCompare` would build a collator for every comparison. */
const byName = new Intl.Collator("id");

function categoriesFor(campaignId: number | null): string[] {
  const campaigns = loadedCampaigns();
  const chosen = campaignId ? campaigns.filter((c) => c.id === campaignId) : campaigns;
  return [...new Set(chosen.flatMap((c) => c.categories))].sort(byName.compare);
}

/**
 * Search, campaign, status, category, sort and "Ide saya", all kept in the address. On a phone the
 * selects are folded behind a "Filter" button that counts the active ones; from 48rem they show.
 */
export function IdeaFilters({ filters, onChange }: Props) {
  const campaigns = loadedCampaigns();
  const categories = categoriesFor(filters.campaignId);
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  // on a phone the selects wait behind one "Filter" button, so the first idea shows on the first screen
  const [open, setOpen] = useState(false);
  const active = activeFilterCount(filters);

  return (
    <section class="idea-filters" aria-label={t("ideas.filters")}>
      <SearchBox
        id="ideas-q"
        label={t("ideas.search")}
        hint={t("ideas.searchHint")}
        value={filters.q}
        onSearch={(q) => onChange({ ...filters, q })}
      />
      <div class="idea-filter-actions">
        <button
          type="button"
          class="toggle-chip idea-filter-toggle"
          aria-expanded={open}
          aria-controls="idea-filter-panel"
          onClick={() => setOpen(!open)}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path
              d="M2 3.5h12M4.5 8h7M7 12.5h2"
              fill="none"
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
            />
          </svg>
          {active > 0 ? t("ideas.filterToggleCount", { count: active }) : t("ideas.filterToggle")}
        </button>
        <button
          type="button"
          class="toggle-chip"
          aria-pressed={filters.mine}
          onClick={() => set({ mine: !filters.mine })}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" class="toggle-check">
            <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
          {t("ideas.mine")}
        </button>
        {isFiltered(filters) && (
          <button type="button" class="link-button" onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort })}>
            {t("ideas.clearFilters")}
          </button>
        )}
      </div>
      <div id="idea-filter-panel" class={open ? "idea-filter-row" : "idea-filter-row is-collapsed"}>
        <Field id="ideas-campaign" label={t("ideas.campaign")}>
          {(control) => (
            <select
              {...control}
              value={filters.campaignId ? String(filters.campaignId) : ""}
              onChange={(event) => {
                const campaignId = Number(event.currentTarget.value) || null;
                const keepCategory = categoriesFor(campaignId).includes(filters.category);
                const keepSort = sortsFor(campaignId).includes(filters.sort);
                set({ campaignId, ...(keepCategory ? {} : { category: "" }), ...(keepSort ? {} : { sort: "new" }) });
              }}
            >
              <option value="">{t("ideas.allCampaigns")}</option>
              {campaigns.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.title}
                </option>
              ))}
              {filters.campaignId && !campaigns.some((c) => c.id === filters.campaignId) && (
                <option value={String(filters.campaignId)}>#{filters.campaignId}</option>
              )}
            </select>
          )}
        </Field>
        <Field id="ideas-status" label={t("ideas.status")}>
          {(control) => (
            <select
              {...control}
              value={filters.status ?? ""}
              onChange={(event) => set({ status: (event.currentTarget.value || null) as ListedStatus | null })}
            >
              <option value="">{t("ideas.allStatuses")}</option>
              {LISTED_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`ideaStatus.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="ideas-category" label={t("ideas.category")}>
          {(control) => (
            <select
              {...control}
              value={filters.category}
              onChange={(event) => set({ category: event.currentTarget.value })}
            >
              <option value="">{t("ideas.allCategories")}</option>
              {categories.map((category) => (
                <option key={category} value={category}>
                  {category}
                </option>
              ))}
              {filters.category && !categories.includes(filters.category) && (
                <option value={filters.category}>{filters.category}</option>
              )}
            </select>
          )}
        </Field>
        {!(filters.q.trim() || filters.mine) && (
          <Field id="ideas-sort" label={t("ideas.sort")}>
            {(control) => (
              <select
                {...control}
                value={filters.sort}
                onChange={(event) => set({ sort: event.currentTarget.value as IdeaSort })}
              >
                {sortsFor(filters.campaignId).map((sort) => (
                  <option key={sort} value={sort}>
                    {t(`ideas.sort.${sort}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      {/* outside the folded selects: a phone shows it too */}
      {(filters.q.trim() || filters.mine) && (
        <p class="idea-sort-note">{filters.q.trim() ? t("ideas.sortedByRelevance") : t("ideas.sortedByUpdate")}</p>
      )}
    </section>
  );
}
