/** API times are ISO 8601 strings; storage is epoch milliseconds. */
export const iso = (ms: number) => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : iso(ms));
export const msOrNull = (value: string | null | undefined) => (value ? Date.parse(value) : null);
