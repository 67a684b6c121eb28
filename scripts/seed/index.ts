/**
 * Seeds the demo (the pilot agencies) into the local D1. Idempotent: every insert is keyed by a
 * natural key (slug, unit code, NIP, …), so running it twice adds nothing.
 *
 * Usage: npm run seed [-- --persist-to DIR] (Node with the loader of scripts/lib/resolve-ts.mjs, which the
 * drizzle schema's extensionless imports need)
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { wrangler } from "../wrangler.ts";
import { awardsSql } from "./awards.ts";
import { ideasSql } from "./ideas.ts";
import { ideasTeamSql } from "./ideas-team.ts";
import { organisationSql } from "./organisation.ts";
import { reviewsSql } from "./reviews.ts";
import { rewardsSql } from "./rewards.ts";
import { votesCommentsSql } from "./votes-comments.ts";

/** Every statement of the demo, in order (tests apply them inside workerd, see vitest.config.ts). */
export async function seedStatements(): Promise<string[]> {
  const parts = [await organisationSql(), ideasSql(), ideasTeamSql(), votesCommentsSql(), reviewsSql(), awardsSql()];
  // rewards last: they pay for what every part before wrote
  parts.push(rewardsSql());
  return parts.flat();
}

export async function seedSql(): Promise<string> {
  return (await seedStatements()).join("\n") + "\n";
}

/**
 * @param persistTo a local D1 folder other than the default `.wrangler/state`
 * @param options.quiet print wrangler's output only if it fails
 */
export async function seed(persistTo?: string, options: { quiet?: boolean } = {}): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "gagas-seed-"));
  const file = path.join(dir, "seed.sql");
  try {
    writeFileSync(file, await seedSql());
    const persist = persistTo ? ["--persist-to", persistTo] : [];
    await wrangler(["d1", "execute", "gagas", "--local", "--file", file, ...persist], {
      quiet: options.quiet ?? false,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const i = process.argv.indexOf("--persist-to");
  await seed(i > 0 ? process.argv[i + 1] : undefined);
  console.log("Demo data seeded.");
}
