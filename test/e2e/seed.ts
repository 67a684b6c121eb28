import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { ROOT } from "./dev-server.ts";

const run = promisify(execFile);

/**
 * `seed(persistTo)` of `scripts/seed/index.ts`, run as its CLI on the project's Node so wrangler's
 * table of results stays out of the test log (it is shown when seeding fails).
 * @param persistTo the local state directory to seed
 */
export async function seedQuietly(persistTo: string): Promise<void> {
  try {
    // the seed imports the drizzle schema, whose extensionless imports need the loader (package.json `seed`)
    const script = path.join(ROOT, "scripts", "seed", "index.ts");
    await run(process.execPath, ["--import", "./scripts/lib/resolve-ts.mjs", script, "--persist-to", persistTo], {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`seeding ${persistTo} failed\n${stdout}\n${stderr}`, { cause: error });
  }
}
