/**
 * Seeds one scale of the bench into its own local D1 (`.bench/<scale>`), from scratch: migrations,
 * the generated statements in one `wrangler d1 execute --file`, then the invariants.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import initialize from "@phi-ag/argon2/node";
import { wrangler } from "../wrangler.ts";
import { benchCountQuery, benchInvariantQueries } from "./seed-checks.ts";
import { BENCH_PASSWORD, EMPTY_BASE, planOf, type BenchPlan, type BenchSize } from "./seed-plan.ts";
import { BULK_LOAD_QUERY, benchSeedStatements, type BulkLoad } from "./seed-sql.ts";

/** Runs SQL against the local D1 in `persistTo` and returns the rows of each statement. */
export async function d1Query(persistTo: string, command: string): Promise<Record<string, unknown>[][]> {
  const out = await wrangler(
    ["d1", "execute", "gagas", "--local", "--persist-to", persistTo, "--json", "--command", command],
    { quiet: true },
  );
  const parsed = JSON.parse(out.slice(out.indexOf("["))) as { results: Record<string, unknown>[] }[];
  return parsed.map((r) => r.results);
}

export type SeedReport = { plan: BenchPlan; seconds: number; counts: Record<string, number> };

/**
 * @param persistTo the local state directory (emptied first)
 * @example await seedBench(SCALES.S, ".bench/S")
 */
export async function seedBench(size: BenchSize, persistTo: string, now = Date.now()): Promise<SeedReport> {
  const started = performance.now();
  rmSync(persistTo, { recursive: true, force: true });
  mkdirSync(persistTo, { recursive: true });
  await wrangler(["d1", "migrations", "apply", "gagas", "--local", "--persist-to", persistTo], { quiet: true });
  const argon2 = await initialize();
  // argon2id with the Worker's parameters (src/lib/password.ts), computed once for every account
  const hash = argon2.hash(BENCH_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1, hashLength: 32 }).encoded;
  const plan = planOf(size, EMPTY_BASE, now);
  const [schema] = await d1Query(persistTo, BULK_LOAD_QUERY);
  const rows = schema as { type: string; name: string; tbl_name: string; sql: string }[];
  const trigger = rows.find((r) => r.type === "trigger");
  if (!trigger) throw new Error("no ideas_fts_insert trigger in the migrated database");
  const bulk: BulkLoad = {
    indexes: rows.filter((r) => r.type === "index").map((r) => ({ table: r.tbl_name, name: r.name, sql: r.sql })),
    ftsInsertTrigger: { name: trigger.name, sql: trigger.sql },
  };
  const file = path.join(persistTo, "seed.sql");
  writeFileSync(file, benchSeedStatements(plan, hash, bulk).join("\n"));
  await wrangler(["d1", "execute", "gagas", "--local", "--persist-to", persistTo, "--file", file], { quiet: true });
  const results = await d1Query(persistTo, [...benchInvariantQueries(plan), benchCountQuery(plan)].join(";\n"));
  const broken = results
    .slice(0, -1)
    .map((rows) => rows[0] as { check: string; broken: number })
    .filter((r) => r.broken !== 0);
  if (broken.length > 0) {
    throw new Error(`seed ${size.key}: invariants broken: ${broken.map((b) => `${b.check} (${b.broken})`).join(", ")}`);
  }
  const counts = results.at(-1)![0] as Record<string, number>;
  return { plan, seconds: (performance.now() - started) / 1000, counts };
}
