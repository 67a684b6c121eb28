/** My innovation record (signed in). */
export const CAREER_PATH = "/rekam-jejak";

/** The public address of a shared innovation record. */
export const sharedRecordPath = (code: string) => `/rekam-jejak/bagikan/${encodeURIComponent(code)}`;
