/** Paths of the recognition pages, shared by the navigation, the pages and their links. */
export const HALL_OF_FAME_PATH = "/galeri-penghargaan";
export const NEW_AWARD_PATH = "/penghargaan/baru";

export const awardPath = (id: number) => `/penghargaan/${id}`;

/** An agency's public Hall of Fame, by the agency's short name (its slug). */
export const hallOfFamePath = (agencySlug: string) => `${HALL_OF_FAME_PATH}/${encodeURIComponent(agencySlug)}`;
