import { KOTAK_IDE } from "../../src/domain/campaign-phase.ts";

/** Tiny SQL literal helpers for generated seed files (values are ours, but quote them properly). */
export function lit(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  return `'${value.replaceAll("'", "''")}'`;
}

export const agencyId = (slug: string) => `(SELECT id FROM agencies WHERE slug = ${lit(slug)})`;
export const unitId = (slug: string, code: string) =>
  `(SELECT id FROM units WHERE agency_id = ${agencyId(slug)} AND code = ${lit(code)})`;
export const userId = (nip: string) => `(SELECT id FROM users WHERE nip = ${lit(nip)})`;

/** The agency's always-open Kotak Ide, unless it has one. */
export const kotakIdeSql = (slug: string) =>
  `INSERT INTO campaigns (agency_id, kind, title, description, categories)
   SELECT ${agencyId(slug)}, 'open', ${lit(KOTAK_IDE.title)}, ${lit(KOTAK_IDE.description)}, ${lit(JSON.stringify(KOTAK_IDE.categories))}
   WHERE NOT EXISTS (SELECT 1 FROM campaigns WHERE agency_id = ${agencyId(slug)} AND kind = 'open');`;
