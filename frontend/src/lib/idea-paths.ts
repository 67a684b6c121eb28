/** Paths of the idea and campaign pages, shared by the navigation, the pages and their links. */
export const IDEAS_PATH = "/ide";
export const NEW_IDEA_PATH = "/ide/baru";
export const CAMPAIGNS_PATH = "/kampanye";
export const NEW_CAMPAIGN_PATH = "/admin/kampanye/baru";
export const LIBRARY_PATH = "/pustaka";

export const ideaPath = (id: number) => `${IDEAS_PATH}/${id}`;
export const editIdeaPath = (id: number) => `${IDEAS_PATH}/${id}/ubah`;
export const campaignPath = (id: number) => `${CAMPAIGNS_PATH}/${id}`;
export const editCampaignPath = (id: number) => `/admin/kampanye/${id}`;
export const libraryItemPath = (id: number) => `${LIBRARY_PATH}/${id}`;

/** The list of a campaign's ideas (its filter in the address). */
export const campaignIdeasPath = (id: number) => `${IDEAS_PATH}?kampanye=${id}`;

/** The submission form, optionally for a campaign or replicating a library idea. */
export function newIdeaPath(options: { campaignId?: number; replicatesId?: number } = {}): string {
  const query = new URLSearchParams();
  if (options.campaignId) query.set("kampanye", String(options.campaignId));
  if (options.replicatesId) query.set("replikasi", String(options.replicatesId));
  const search = query.toString();
  return search ? `${NEW_IDEA_PATH}?${search}` : NEW_IDEA_PATH;
}

/**
 * A positive integer id from a path segment or query value; null otherwise.
 * @example idOf("12") // 12
 * @example idOf("12abc") // null
 */
export function idOf(value: string | undefined): number | null {
  if (!value || !/^[1-9]\d{0,15}$/.test(value)) return null;
  return Number(value);
}
