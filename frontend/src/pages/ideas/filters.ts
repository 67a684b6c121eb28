import type { IdeaQuery, IdeaSort, ListedStatus } from "../../api/ideas";
import { LISTED_STATUSES as LISTED, SEARCH_MAX } from "../../api/contract";
import { idOf, IDEAS_PATH } from "../../lib/idea-paths";

export const LISTED_STATUSES: readonly ListedStatus[] = LISTED;
export const SORTS: readonly IdeaSort[] = ["new", "votes", "trending", "discussed", "score"];

/** The list's filters as the address keeps them, so back, reload and a shared link show the same list. */
export type Filters = {
  q: string;
  campaignId: number | null;
  status: ListedStatus | null;
  category: string;
  mine: boolean;
  sort: IdeaSort;
};

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | null =>
  values.includes(value as T) ? (value as T) : null;

/** `?q=&kampanye=&status=&kategori=&urut=&saya=1` → filters; anything unreadable is left out. */
export function filtersOf(query: Record<string, string>): Filters {
  return {
    q: (query.q ?? "").slice(0, SEARCH_MAX),
    campaignId: idOf(query.kampanye),
    status: oneOf(LISTED_STATUSES, query.status),
    category: (query.kategori ?? "").slice(0, 60),
    mine: query.saya === "1",
    sort: oneOf(SORTS, query.urut) ?? "new",
  };
}

/** The address of the list with these filters (defaults left out). */
export function listPathOf(f: Filters): string {
  const query = new URLSearchParams();
  if (f.q.trim()) query.set("q", f.q.trim());
  if (f.campaignId) query.set("kampanye", String(f.campaignId));
  if (f.status) query.set("status", f.status);
  if (f.category) query.set("kategori", f.category);
  if (f.mine) query.set("saya", "1");
  if (f.sort !== "new") query.set("urut", f.sort);
  const search = query.toString();
  return search ? `${IDEAS_PATH}?${search}` : IDEAS_PATH;
}

/** What the API is asked for these filters. */
export function ideaQueryOf(f: Filters): IdeaQuery {
  return {
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.campaignId ? { campaignId: f.campaignId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.mine ? { mine: true } : {}),
    sort: f.sort,
  };
}

/** Whether anything narrows the list (the sort does not). */
export const isFiltered = (f: Filters) => Boolean(f.q.trim() || f.campaignId || f.status || f.category || f.mine);

/** How many of the folded filters (campaign, status, category) narrow the list: the "Filter (n)" button says it. */
export const activeFilterCount = (f: Filters) => [f.campaignId, f.status, f.category].filter(Boolean).length;

export const NO_FILTERS: Filters = { q: "", campaignId: null, status: null, category: "", mine: false, sort: "new" };
