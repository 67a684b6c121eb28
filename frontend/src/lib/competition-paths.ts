/** Paths of the competition pages: the admin's rounds page and the panel member's sheets. */
export const competitionPath = (campaignId: number) => `/admin/kampanye/${campaignId}/babak`;
export const ROUND_REVIEWS_PATH = "/penilaian-babak";
export const roundSheetPath = (id: number) => `${ROUND_REVIEWS_PATH}/${id}`;
