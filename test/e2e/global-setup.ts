/**
 * Once per `npm run test:e2e`: builds the SPA, migrates and seeds a fresh local D1 in a temporary
 * directory, serves it with `wrangler dev` on a free port and hands the address to the tests
 * (`inject("baseUrl")`). Nothing touches the developer's own `.wrangler/state`.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { wrangler } from "../../scripts/wrangler.ts";
import { ROOT, startDevServer } from "./dev-server.ts";
import { seedQuietly } from "./seed.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>` of the test server */
    baseUrl: string;
    /** its `--persist-to` directory, for direct D1 reads and writes */
    persistTo: string;
  }
}

const run = promisify(execFile);

function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  return work().finally(() => console.log(`[e2e] ${label}: ${Math.round(performance.now() - started)} ms`));
}

/** `npm run build:web` with the project's Node first on PATH, so `vite` and the scripts run on it. */
async function buildSpa(): Promise<void> {
  const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}` };
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  await run(npm, ["run", "build:web"], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
}

export default async function setup(project: TestProject) {
  const persistTo = mkdtempSync(path.join(tmpdir(), "gagas-e2e-"));
  try {
    await timed("build SPA", buildSpa);
    await timed("migrate D1", () =>
      wrangler(["d1", "migrations", "apply", "gagas", "--local", "--persist-to", persistTo], { quiet: true }),
    );
    await timed("seed demo", () => seedQuietly(persistTo));
    const server = await timed("start wrangler dev", () => startDevServer(persistTo));
    project.provide("baseUrl", server.baseUrl);
    project.provide("persistTo", persistTo);
    return async function teardown() {
      await server.stop();
      rmSync(persistTo, { recursive: true, force: true });
    };
  } catch (error) {
    rmSync(persistTo, { recursive: true, force: true });
    throw error;
  }
}
