import { KOTAK_IDE } from "../../src/domain/campaign-phase.ts";
import { HOT_FRESHNESS_SECONDS } from "../../src/domain/voting.ts";

/**
 * `hotScore` of src/domain/voting.ts over the `ideas` row, as `sqlHot` (src/db/hot.ts) writes it for
 * the app — for the seeds, plain SQL text run by Node, which cannot load the drizzle schema. SQLite's
 * one-argument `log(X)` is base 10; D1 refuses its `log10` alias.
 */
export const HOT_SQL = `(log(max(vote_count, 1)) + coalesce(submitted_at, 0) / 1000.0 / ${HOT_FRESHNESS_SECONDS}.0)`;

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
