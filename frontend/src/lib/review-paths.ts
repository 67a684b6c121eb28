/** Paths of the reviewer's and the chair's pages, shared by the navigation, the pages and notifications. */
export const REVIEWS_PATH = "/penilaian";

export const assignmentPath = (id: number) => `${REVIEWS_PATH}/${id}`;
export const committeePath = (campaignId: number) => `/kampanye/${campaignId}/komite`;
