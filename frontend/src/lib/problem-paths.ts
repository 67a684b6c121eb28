/** The problem bank's pages. */
export const PROBLEMS_PATH = "/masalah";
export const PROBLEM_IMPORT_PATH = "/masalah/impor";
export const NEW_PROBLEM_PATH = "/masalah/baru";
export const problemPath = (id: number) => `/masalah/${id}`;
/** The campaign editor, filled in from the problem, for a leader or the admin. */
export const problemCampaignPath = (id: number) => `/masalah/${id}/kampanye`;
