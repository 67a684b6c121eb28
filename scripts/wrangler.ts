import { spawn } from "node:child_process";
import path from "node:path";

// Run wrangler's entry with this Node (the project's pinned Node 24), whatever `node` is on PATH.
export const WRANGLER_JS = path.join(import.meta.dirname, "..", "node_modules", "wrangler", "bin", "wrangler.js");

/**
 * What wrangler is told so that a machine without internet starts quietly: no metrics and no fetch of the `Request.cf` placeholder from workers.cloudflare.com
 * (miniflare's `CLOUDFLARE_CF_FETCH_ENABLED`), which otherwise prints a `getaddrinfo ENOTFOUND`
 * stack trace each time a Worker starts. `request.cf` then holds miniflare's built-in placeholder.
 */
export const OFFLINE_ENV = {
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};

/**
 * Runs wrangler with metrics off and resolves when it exits 0.
 * @param args wrangler arguments, e.g. ["d1", "migrations", "apply", "gagas", "--local"]
 * @param options.quiet collect output and print it only on failure
 */
export function wrangler(args: string[], options: { quiet?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRANGLER_JS, ...args], {
      env: { ...process.env, ...OFFLINE_ENV, CI: process.env.CI ?? "true" },
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    });
    let output = "";
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`wrangler ${args.join(" ")} exited with ${code}\n${output}`));
    });
  });
}
